from django.apps import AppConfig


class SupervisionConfig(AppConfig):
    name = "gongkai.supervision"
    label = "supervision"
    verbose_name = "监督"

    def ready(self) -> None:
        from gongkai.accounts.workbench import register_link
        from gongkai.agencies.models import Role

        from . import services  # noqa: F401  (registers audit actions)

        register_link("supervision:dashboard", "监督看板", (Role.SUPERVISOR,), order=10)
        register_link("supervision:check_list", "外部年报检查", (Role.SUPERVISOR,), order=11)
        register_link("supervision:columns", "栏目审核确认", (Role.ADMIN, Role.PUBLISHER), order=12)
