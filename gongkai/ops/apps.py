from django.apps import AppConfig


class OpsConfig(AppConfig):
    name = "gongkai.ops"
    label = "ops"
    verbose_name = "运维"

    def ready(self) -> None:
        from . import checks

        checks.register_all()
