from django.apps import AppConfig


class ResponsesConfig(AppConfig):
    name = "gongkai.responses"
    label = "responses"
    verbose_name = "回应关切"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from gongkai.accounts.workbench import register_link

        from . import services  # noqa: F401  (registers the audit actions)
        from .permissions import READ_ROLES

        register_link("responses:queue", "回应关切（群众留言）", READ_ROLES, order=35)
