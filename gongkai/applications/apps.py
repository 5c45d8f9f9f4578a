from django.apps import AppConfig


class ApplicationsConfig(AppConfig):
    name = "gongkai.applications"
    label = "applications"
    verbose_name = "依申请公开"

    def ready(self) -> None:
        from gongkai.accounts.workbench import register_link
        from gongkai.agencies.models import Role
        from gongkai.workdays import schedule_changed

        from . import services  # noqa: F401  (registers the audit actions)
        from .services.recompute import recompute_on_schedule_change

        # Stored due dates follow the calendar whatever wrote it (page, admin, CLI).
        schedule_changed.connect(recompute_on_schedule_change,
                                 dispatch_uid="applications-recompute-due-dates")

        register_link("applications:queue", "依申请公开办理（待办队列）",
                      (Role.HANDLER, Role.ADMIN, Role.SUPERVISOR), order=20)
        register_link("applications:mine", "我的政府信息公开申请", (), order=5)
        register_link("applications:register", "登记信函、当面、传真、电子邮件申请",
                      (Role.HANDLER,), order=21)
