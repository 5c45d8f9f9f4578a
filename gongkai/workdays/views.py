from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from gongkai.agencies.permissions import require

from . import services
from .calendar import SpecialDay, official_year_range, schedule_from_days
from .forms import CalendarYearForm, DueDateForm
from .models import CalendarYear
from .monthview import WEEKDAY_LABELS, month_grids, year_grids
from .permissions import can_edit_calendar, can_view_calendar
from .schedule import current_calendar


def calculator(request):
    """Public deadline calculator: received date + N working days → due date, explained; a
    period reaching into a year without a schedule gives a date marked 暂定, with the reason."""
    form = DueDateForm(request.GET if "received" in request.GET else None)
    period = months = None
    if form.is_bound and form.is_valid():
        calendar = current_calendar(provisional=True)
        period = calendar.period(form.cleaned_data["received"], form.cleaned_data["days"])
        months = month_grids(calendar, period)
    first, last = official_year_range()
    return render(
        request,
        "workdays/calculator.html",
        {
            "form": form,
            "period": period,
            "months": months,
            "weekday_labels": WEEKDAY_LABELS,
            "official_first": first,
            "official_last": last,
        },
    )


@login_required
def year_list(request):
    require(can_view_calendar(request.user))
    page_obj = Paginator(
        CalendarYear.objects.select_related("entered_by").order_by("-year"), 20
    ).get_page(request.GET.get("page"))
    this_year = timezone.localdate().year
    calendar = current_calendar()
    first, last = official_year_range()
    return render(
        request,
        "workdays/calendaryear_list.html",
        {
            "page_obj": page_obj,
            "official_first": first,
            "official_last": last,
            "coverage": [(year, calendar.covers(year)) for year in (this_year, this_year + 1)],
            "can_edit": can_edit_calendar(request.user),
        },
    )


@login_required
def year_create(request):
    require(can_edit_calendar(request.user))
    year = request.GET.get("year", "")  # the reminder links here with the missing year
    form = CalendarYearForm(request.POST or None,
                            initial={"year": int(year)} if year.isdigit() else None)
    if request.method == "POST" and form.is_valid():
        year = form.cleaned_data["year"]
        if CalendarYear.objects.filter(year=year).exists():
            form.add_error(
                "year",
                ValidationError(
                    _("%(year)s年已录入，请在原记录上修改。"),
                    code="year_exists",
                    params={"year": year},
                ),
            )
        else:
            return _save(request, form, year)
    return render(request, "workdays/calendaryear_form.html", {"form": form, "calendar_year": None})


@login_required
def year_edit(request, year: int):
    require(can_edit_calendar(request.user))
    calendar_year = get_object_or_404(CalendarYear, year=year)
    form = CalendarYearForm(
        request.POST or None, initial=CalendarYearForm.initial_for(calendar_year), fixed_year=year
    )
    if request.method == "POST" and form.is_valid():
        return _save(request, form, year)
    days = list(calendar_year.days.all())
    saved = schedule_from_days(
        year, [SpecialDay(d.date, d.kind == d.Kind.MAKEUP_WORKDAY, d.holiday) for d in days]
    )
    return render(
        request,
        "workdays/calendaryear_form.html",
        {
            "form": form,
            "calendar_year": calendar_year,
            "days": days,
            "months": year_grids(saved),
            "weekday_labels": WEEKDAY_LABELS,
        },
    )


def _save(request, form: CalendarYearForm, year: int):
    try:
        services.calendar_year_save(
            actor=request.user,
            year=year,
            notice=form.cleaned_data["notice"],
            days=form.cleaned_data["days"],
            is_complete=form.cleaned_data["is_complete"],
        )
    except ValidationError as error:
        form.add_error(None, error)
        calendar_year = CalendarYear.objects.filter(year=year).first()
        return render(
            request,
            "workdays/calendaryear_form.html",
            {"form": form, "calendar_year": calendar_year},
        )
    messages.success(request, _("%(year)s年节假日安排已保存。") % {"year": year})
    return redirect("workdays:year_list")


@login_required
@require_POST
def year_delete(request, year: int):
    require(can_edit_calendar(request.user))
    calendar_year = get_object_or_404(CalendarYear, year=year)
    services.calendar_year_delete(actor=request.user, calendar_year=calendar_year)
    messages.success(request, _("%(year)s年节假日安排已删除。") % {"year": year})
    return redirect("workdays:year_list")
