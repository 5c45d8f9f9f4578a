from django.apps import AppConfig


class AgenciesConfig(AppConfig):
    name = "gongkai.agencies"
    label = "agencies"
    verbose_name = "机构"

    def ready(self) -> None:
        from gongkai.accounts.workbench import register_link

        from . import services  # noqa: F401  (registers audit actions)
        from .models import Role

        register_link("agencies:manage", "机构信息与人员管理", (Role.ADMIN,), order=80)
