from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "gongkai.reports"
    label = "reports"
    verbose_name = "年度报告"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from gongkai.accounts.workbench import register_link
        from gongkai.agencies.models import Role

        from . import annual_services  # noqa: F401  registers the audit actions

        register_link("reports:staff_list", "政府信息公开工作年度报告（生成、报送、审定、发布）",
                      (Role.ADMIN, Role.PUBLISHER, Role.REVIEWER, Role.SUPERVISOR), order=60)
