from django.apps import AppConfig


class PowersConfig(AppConfig):
    name = "gongkai.powers"
    label = "powers"
    verbose_name = "权责清单"
    default_auto_field = "django.db.models.BigAutoField"
