from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save


class WorkdaysConfig(AppConfig):
    name = "gongkai.workdays"
    label = "workdays"
    verbose_name = "工作日历"

    def ready(self) -> None:
        from gongkai.accounts.workbench import register_link
        from gongkai.agencies.models import Role

        from . import schedule, services  # noqa: F401  (services registers audit actions)
        from .models import CalendarDay, CalendarYear

        # Cache invalidation only (STYLE: signals never carry domain logic).
        for model in (CalendarYear, CalendarDay):
            name = model.__name__
            post_save.connect(
                schedule.invalidate, sender=model, dispatch_uid=f"workdays-save-{name}"
            )
            post_delete.connect(
                schedule.invalidate, sender=model, dispatch_uid=f"workdays-del-{name}"
            )

        register_link("workdays:year_list", "工作日历（节假日安排）", tuple(Role.values), order=90)
