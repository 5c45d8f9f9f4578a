from django.apps import AppConfig


class AppealsConfig(AppConfig):
    name = "gongkai.appeals"
    label = "appeals"
    verbose_name = "行政复议和行政诉讼"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from gongkai.accounts.workbench import register_link
        from gongkai.agencies.models import Role
        from gongkai.reports.figures import services as figure_services  # noqa: F401

        from . import services  # noqa: F401  (registers the audit actions)

        register_link(
            "appeals:list", "行政复议和行政诉讼案件", (Role.HANDLER, Role.SUPERVISOR), order=30
        )
        # The yearly figures of the annual report (gongkai.reports.figures) are registered
        # here because the reports app's AppConfig belongs to the report engine.
        register_link(
            "reports:figures_list", "年度报告业务数据（许可、处罚、强制、收费）",
            (Role.ADMIN, Role.PUBLISHER, Role.SUPERVISOR), order=60,
        )
