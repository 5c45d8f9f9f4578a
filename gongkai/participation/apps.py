from django.apps import AppConfig


class ParticipationConfig(AppConfig):
    name = "gongkai.participation"
    label = "participation"
    verbose_name = "意见征集"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from gongkai.accounts.workbench import register_link

        from . import services  # noqa: F401  (registers the audit actions)
        from .permissions import READ_ROLES

        register_link("participation:staff_list", "意见征集（公众参与）", READ_ROLES, order=45)
