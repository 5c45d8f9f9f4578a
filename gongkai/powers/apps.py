from django.apps import AppConfig


class PowersConfig(AppConfig):
    name = "gongkai.powers"
    label = "powers"
    verbose_name = "权责清单"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from gongkai.accounts.workbench import register_link

        from . import services  # noqa: F401  (registers the audit actions)
        from .permissions import READ_ROLES

        register_link("powers:staff_list", "权责清单", READ_ROLES, order=55)
