from django.apps import AppConfig


class ResponsesConfig(AppConfig):
    name = "gongkai.responses"
    label = "responses"
    verbose_name = "回应关切"
    default_auto_field = "django.db.models.BigAutoField"
