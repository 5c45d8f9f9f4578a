from django.apps import AppConfig


class AppealsConfig(AppConfig):
    name = "gongkai.appeals"
    label = "appeals"
    verbose_name = "行政复议和行政诉讼"
    default_auto_field = "django.db.models.BigAutoField"
