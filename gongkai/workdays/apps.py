from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save


class WorkdaysConfig(AppConfig):
    name = "gongkai.workdays"
    label = "workdays"
    verbose_name = "工作日历"

    def ready(self) -> None:
        from . import schedule
        from .models import CalendarDay, CalendarYear

        # Cache invalidation only: signals never carry domain logic.
        for model in (CalendarYear, CalendarDay):
            name = model.__name__
            post_save.connect(
                schedule.invalidate, sender=model, dispatch_uid=f"workdays-save-{name}"
            )
            post_delete.connect(
                schedule.invalidate, sender=model, dispatch_uid=f"workdays-del-{name}"
            )
