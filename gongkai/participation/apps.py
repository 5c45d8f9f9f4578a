from django.apps import AppConfig


class ParticipationConfig(AppConfig):
    name = "gongkai.participation"
    label = "participation"
    verbose_name = "意见征集"
    default_auto_field = "django.db.models.BigAutoField"
