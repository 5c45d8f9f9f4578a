"""Reminding administrators that a year's holiday schedule is missing.

The State Council publishes next year's 放假安排 in the autumn; until it is entered (or the
`chinesecalendar` package knows it), deadlines reaching into that year are only provisional
(暂定). From 1 November the workbench and the supervision dashboard show a banner, and the
daily reminder command e-mails the administrators (once a day), each with a link to the form.
A current year still without a schedule is reminded all year.

Imports nothing of the other apps.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.core.cache import cache
from django.db import transaction
from django.urls import reverse

from .models import CalendarYear
from .permissions import can_edit_calendar
from .schedule import current_calendar

REMIND_FROM = (11, 1)  # month, day: next year's schedule is awaited from 1 November


def missing_schedule_years(today: datetime.date) -> tuple[int, ...]:
    """Years an administrator should enter now: this year if it has no schedule, and from
    1 November next year."""
    years = [today.year]
    if (today.month, today.day) >= REMIND_FROM:
        years.append(today.year + 1)
    calendar = current_calendar()
    return tuple(year for year in years if not calendar.covers(year))


def schedule_form_url(year: int) -> str:
    """The form to enter `year`: the draft if one was started, else a new one for that year."""
    if CalendarYear.objects.filter(year=year).exists():
        return reverse("workdays:year_edit", args=[year])
    return reverse("workdays:year_create") + f"?year={year}"


@dataclass(frozen=True)
class ScheduleReminder:
    years: tuple[int, ...]
    form_url: str  # empty for users who may not enter schedules
    years_text: str


def schedule_reminder_for(user, today: datetime.date, *, editors_only: bool = True):
    """The banner for `user` (None when nothing is missing, or `editors_only` and the user may
    not enter schedules)."""
    years = missing_schedule_years(today)
    can_edit = can_edit_calendar(user)
    if not years or (editors_only and not can_edit):
        return None
    return ScheduleReminder(
        years=years,
        form_url=schedule_form_url(years[0]) if can_edit else "",
        years_text="、".join(str(year) for year in years),
    )


def remind_missing_schedule(today: datetime.date) -> tuple[int, ...]:
    """E-mail the administrators about the missing years, at most once a day (a second run on
    the same day sends nothing). Returns the years reminded of."""
    from .tasks import remind_schedule_missing_task

    years = missing_schedule_years(today)
    if not years or not cache.add(f"workdays:schedule-reminder:{today.isoformat()}", True,
                                  timeout=2 * 24 * 3600):
        return ()
    transaction.on_commit(lambda: remind_schedule_missing_task.enqueue(list(years)))
    return years
