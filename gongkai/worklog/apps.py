from django.apps import AppConfig


class WorklogConfig(AppConfig):
    name = "gongkai.worklog"
    label = "worklog"
    verbose_name = "政务公开工作记录"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from gongkai.accounts.workbench import register_link

        from . import services  # noqa: F401  (registers the audit actions)
        from .permissions import READ_ROLES

        register_link("worklog:list", "政务公开工作记录（会议、培训、检查）", READ_ROLES, order=65)
