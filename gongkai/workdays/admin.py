"""Django admin for entered holiday schedules (system administrators).

Edits here go through the same audit and cache invalidation as the staff page: saving the
year writes an audit entry with the days as saved.
"""

from django.contrib import admin

from gongkai import audit

from . import schedule
from .models import CalendarDay, CalendarYear
from .services import CALENDAR_YEAR_DELETE, CALENDAR_YEAR_SAVE


class CalendarDayInline(admin.TabularInline):
    model = CalendarDay
    extra = 3
    fields = ("date", "kind", "holiday")


@admin.register(CalendarYear)
class CalendarYearAdmin(admin.ModelAdmin):
    list_display = ("year", "notice", "is_complete", "entered_by", "updated_at")
    list_filter = ("is_complete",)
    readonly_fields = ("entered_by", "created_at", "updated_at")
    inlines = [CalendarDayInline]

    def save_model(self, request, obj, form, change):
        obj.entered_by = request.user
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        calendar_year = form.instance
        days = calendar_year.days.all()
        audit.record(
            actor=request.user,
            action=CALENDAR_YEAR_SAVE,
            target=calendar_year,
            data={
                "year": calendar_year.year,
                "created": not change,
                "via": "admin",
                "notice": calendar_year.notice,
                "is_complete": calendar_year.is_complete,
                "holidays": [d.date.isoformat() for d in days if d.kind == d.Kind.HOLIDAY],
                "makeup_workdays": [
                    d.date.isoformat() for d in days if d.kind == d.Kind.MAKEUP_WORKDAY
                ],
            },
        )
        schedule.invalidate()

    def delete_model(self, request, obj):
        audit.record(
            actor=request.user,
            action=CALENDAR_YEAR_DELETE,
            target=obj,
            data={"year": obj.year, "via": "admin"},
        )
        super().delete_model(request, obj)

    def delete_queryset(self, request, queryset):
        for obj in queryset:
            self.delete_model(request, obj)
