from django.apps import AppConfig


class GuidesConfig(AppConfig):
    name = "gongkai.guides"
    label = "guides"
    verbose_name = "办事指南"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from gongkai.accounts.workbench import register_link

        from . import services  # noqa: F401  (registers the audit actions)
        from .permissions import READ_ROLES

        register_link("guides:staff_list", "办事指南", READ_ROLES, order=56)
