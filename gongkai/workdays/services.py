"""Writes to the entered holiday schedules. Each checks permission, writes, and audits; the
staff pages, the Django admin and the `gongkai workdays` command all write through them.

After a change the process-wide calendar is dropped (signals for single rows, an explicit
`schedule.invalidate()` after bulk writes, again on commit) so the next deadline uses it, and
`signals.schedule_changed` is sent in the same transaction so that stored due dates follow.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from gongkai import audit
from gongkai.workdays.audit_actions import (  # noqa: F401  (re-exported for callers)
    CALENDAR_YEAR_DELETE,
    CALENDAR_YEAR_SAVE,
)

from . import schedule
from .entry import EnteredDay, check_no_conflicts
from .models import CalendarDay, CalendarYear
from .permissions import can_edit_calendar
from .signals import schedule_changed


def _schedule_changed(year: int) -> int:
    """Drop the cached calendar and let the dates stored from it be recomputed (same
    transaction); returns how many stored rows the receivers changed."""
    schedule.invalidate()
    transaction.on_commit(schedule.invalidate)
    responses = schedule_changed.send(sender=CalendarYear, years=(year,))
    return sum(count for _receiver, count in responses if isinstance(count, int))


def calendar_year_check(*, year: int, days: list[EnteredDay], is_complete: bool) -> None:
    """The rules of an entered year beyond each line's own syntax (also run by the admin form,
    so that it shows them as form errors before calling `calendar_year_save`)."""
    check_no_conflicts(days)
    for entry in days:
        if entry.day.year != year:
            raise ValidationError(
                _("%(date)s不属于%(year)s年。"),
                code="day_outside_year",
                params={"date": entry.day.isoformat(), "year": year},
            )
    if is_complete and not any(not entry.is_workday for entry in days):
        raise ValidationError(
            _("还没有填写任何放假日期，不能标记为已完整录入。"), code="complete_without_holidays"
        )


@transaction.atomic
def calendar_year_save(
    *,
    actor,
    year: int,
    notice: str,
    days: list[EnteredDay],
    is_complete: bool,
    via: str = "",
) -> CalendarYear:
    """Create or replace the schedule of `year` (holidays and 调休 make-up working days).

    Refused for years `chinesecalendar` covers (the official notice is already there), and
    a year cannot be marked complete without any holiday: every State Council notice has
    元旦 and 春节. Stored due dates reaching into the year are recomputed before it returns.
    `via` names the entry point in the audit entry ("admin", "cli"; the staff page leaves it).
    """
    if not can_edit_calendar(actor):
        raise PermissionDenied
    calendar_year_check(year=year, days=days, is_complete=is_complete)
    calendar_year = CalendarYear.objects.select_for_update().filter(year=year).first()
    created = calendar_year is None
    if created:
        calendar_year = CalendarYear(year=year)
    calendar_year.notice = notice.strip()
    calendar_year.is_complete = is_complete
    calendar_year.entered_by = actor
    calendar_year.full_clean()
    calendar_year.save()

    calendar_year.days.all().delete()
    rows = [
        CalendarDay(
            calendar_year=calendar_year,
            date=entry.day,
            kind=CalendarDay.Kind.MAKEUP_WORKDAY if entry.is_workday else CalendarDay.Kind.HOLIDAY,
            holiday=entry.holiday,
        )
        for entry in sorted(days, key=lambda item: item.day)
    ]
    for row in rows:
        row.full_clean(exclude=["calendar_year", "date"])
        row.clean()
    CalendarDay.objects.bulk_create(rows)
    recomputed = _schedule_changed(year)

    audit.record(
        actor=actor,
        action=CALENDAR_YEAR_SAVE,
        target=calendar_year,
        data={
            "year": year,
            "created": created,
            "notice": calendar_year.notice,
            "is_complete": is_complete,
            "holidays": sorted(e.day.isoformat() for e in days if not e.is_workday),
            "makeup_workdays": sorted(e.day.isoformat() for e in days if e.is_workday),
            "due_dates_recomputed": recomputed,
            **({"via": via} if via else {}),
        },
    )
    return calendar_year


@transaction.atomic
def calendar_year_delete(
    *, actor, calendar_year: CalendarYear, reason: str = "", via: str = ""
) -> None:
    """Remove an entered year; deadlines reaching into it are provisional again (recomputed)."""
    if not can_edit_calendar(actor):
        raise PermissionDenied
    audit.record(
        actor=actor,
        action=CALENDAR_YEAR_DELETE,
        target=calendar_year,
        reason=reason,
        data={
            "year": calendar_year.year,
            "notice": calendar_year.notice,
            "was_complete": calendar_year.is_complete,
            "days": [
                [day.date.isoformat(), day.kind, day.holiday] for day in calendar_year.days.all()
            ],
            **({"via": via} if via else {}),
        },
    )
    year = calendar_year.year
    calendar_year.delete()
    _schedule_changed(year)
