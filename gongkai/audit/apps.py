from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "gongkai.audit"
    label = "audit"
    verbose_name = "审计日志"

    def ready(self) -> None:
        from django.db.backends.signals import connection_created

        from . import actions
        from .sqlite_guard import register_function

        connection_created.connect(register_function, dispatch_uid="gongkai_audit_sqlite_guard")

        actions.autodiscover()
