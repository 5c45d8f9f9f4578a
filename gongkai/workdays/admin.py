"""Django admin for entered holiday schedules (system administrators).

The admin writes through the same services as the staff page and the CLI
(`calendar_year_save`, `calendar_year_delete`): their checks, their audit entry (marked
"via admin"), and the stored due dates recomputed in the same transaction. The days are typed
as the notice lists them (one holiday per line), not as rows of an inline that would bypass
the service.
"""

from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError

from . import services
from .entry import EnteredDay, format_holidays, format_makeup_days
from .forms import CalendarYearForm, parse_entered_days
from .models import CalendarYear


class CalendarYearAdminForm(forms.ModelForm):
    holidays = CalendarYearForm.base_fields["holidays"]
    makeup_days = CalendarYearForm.base_fields["makeup_days"]

    class Meta:
        model = CalendarYear
        fields = ("year", "notice", "is_complete")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            days = [
                EnteredDay(day.date, day.kind == day.Kind.MAKEUP_WORKDAY, day.holiday)
                for day in self.instance.days.all()
            ]
            self.initial["holidays"] = format_holidays([d for d in days if not d.is_workday])
            self.initial["makeup_days"] = format_makeup_days([d for d in days if d.is_workday])

    def clean(self):
        cleaned = super().clean()
        year = cleaned.get("year") or self.instance.year
        if year is None:
            return cleaned
        cleaned["days"] = parse_entered_days(self, cleaned, year)
        if not self.errors:
            try:
                services.calendar_year_check(
                    year=year, days=cleaned["days"], is_complete=cleaned.get("is_complete", False)
                )
            except ValidationError as error:
                self.add_error(None, error)
        return cleaned


@admin.register(CalendarYear)
class CalendarYearAdmin(admin.ModelAdmin):
    form = CalendarYearAdminForm
    list_display = ("year", "notice", "is_complete", "entered_by", "updated_at")
    list_filter = ("is_complete",)
    fields = ("year", "notice", "holidays", "makeup_days", "is_complete",
              "entered_by", "created_at", "updated_at")
    readonly_fields = ("entered_by", "created_at", "updated_at")

    def get_readonly_fields(self, request, obj=None):
        # A saved year is replaced under its own number; another year is another entry.
        return (*self.readonly_fields, "year") if obj is not None else self.readonly_fields

    def save_model(self, request, obj, form, change):
        saved = services.calendar_year_save(
            actor=request.user,
            year=obj.year,
            notice=form.cleaned_data.get("notice", ""),
            days=form.cleaned_data["days"],
            is_complete=form.cleaned_data.get("is_complete", False),
            via="admin",
        )
        # The admin goes on with `obj` (its change message, the redirect): make it the row saved.
        obj.pk, obj.entered_by = saved.pk, saved.entered_by
        obj.created_at, obj.updated_at = saved.created_at, saved.updated_at
        obj._state.adding = False

    def save_related(self, request, form, formsets, change):
        """Nothing related to save: the service wrote the days."""

    def delete_model(self, request, obj):
        services.calendar_year_delete(actor=request.user, calendar_year=obj, via="admin")

    def delete_queryset(self, request, queryset):
        for obj in queryset:
            self.delete_model(request, obj)
