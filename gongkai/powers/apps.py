from django.apps import AppConfig


class PowersConfig(AppConfig):
    name = "gongkai.powers"
    label = "powers"
    verbose_name = "权责清单"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from gongkai.workdays import schedule_changed

        from .decisions.services import recompute_on_schedule_change

        # 双公示 deadlines follow the calendar whatever changed it (page, admin, CLI).
        schedule_changed.connect(recompute_on_schedule_change,
                                 dispatch_uid="powers-recompute-publication-deadlines")
