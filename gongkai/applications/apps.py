from django.apps import AppConfig


class ApplicationsConfig(AppConfig):
    name = "gongkai.applications"
    label = "applications"
    verbose_name = "依申请公开"

    def ready(self) -> None:
        from gongkai.workdays import schedule_changed

        from .services.recompute import recompute_on_schedule_change

        # Stored due dates follow the calendar whatever wrote it (page, admin, CLI).
        schedule_changed.connect(recompute_on_schedule_change,
                                 dispatch_uid="applications-recompute-due-dates")
