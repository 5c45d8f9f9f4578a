"""The working-day calendar service (工作日历).

Public API, used by the request workflow and anyone counting statutory periods::

    from gongkai.workdays import (
        ScheduleUnknown, is_workday, add_workdays, workdays_between,
        explain_due_date, year_is_covered, calendar_covers, calendar, schedule_changed,
    )

Answers come from the State Council holiday schedule in `chinesecalendar` (调休 make-up
working days included) plus the years an administrator entered (`CalendarYear`). A year with
no schedule raises `ScheduleUnknown` — also when a computation merely walks through it.
`calendar(provisional=True)` instead assumes such a year (weekends and the fixed-date
statutory holidays) and its periods name the years assumed: deadlines use it and show 暂定.
`schedule_changed` is sent, inside the transaction, whenever an entered year is saved or
deleted, so that apps storing dates computed from the calendar recompute them.

The arithmetic lives in `calendar.py` (pure); `schedule.py` holds the cached process-wide
calendar. These and this API import nothing else of ours; only the staff pages for entering
a year use `agencies` (who may) and `audit`.

Must not import: `accounts`, `catalog`, `applications`, `appeals`, `reports`, `reportformat`, `supervision`, `search`, `api`, `privacy`, `demo`.
"""

from __future__ import annotations

import datetime

from .calendar import Calendar, ScheduleUnknown, provisional_reason
from .signals import schedule_changed

__all__ = [
    "Calendar",
    "ScheduleUnknown",
    "calendar",
    "provisional_reason",
    "schedule_changed",
    "is_workday",
    "add_workdays",
    "workdays_between",
    "explain_due_date",
    "year_is_covered",
    "calendar_covers",
    "due_period",
]


def _calendar():
    return calendar()


def calendar(*, provisional: bool = False) -> Calendar:
    """The process-wide calendar; with `provisional=True`, years without a schedule are assumed
    instead of refused (see `Calendar.missing_years`, `Period.provisional_years`)."""
    from .schedule import current_calendar

    return current_calendar(provisional=provisional)


def is_workday(day: datetime.date) -> bool:
    """Whether `day` is a working day (a 调休 Saturday or Sunday counts). Raises ScheduleUnknown."""
    return _calendar().is_workday(day)


def add_workdays(start: datetime.date, n: int) -> datetime.date:
    """The n-th working day after `start`, start itself not counted; n == 0 returns start.

    《政府信息公开条例》第三十三条: 20 working days from receipt → add_workdays(received, 20).
    Raises ScheduleUnknown if any day walked through lies in a year without a schedule.
    """
    return _calendar().add_workdays(start, n)


def workdays_between(start: datetime.date, end: datetime.date) -> int:
    """Working days in (start, end]; negative when end is before start."""
    return _calendar().workdays_between(start, end)


def explain_due_date(start: datetime.date, n: int) -> str:
    """The due date in words, naming each holiday and make-up working day in the period."""
    return _calendar().explain_due_date(start, n)


def due_period(start: datetime.date, n: int, *, provisional: bool = False):
    """The structured period (`calendar.Period`): due date, holiday runs, make-up days; with
    `provisional=True` a year without a schedule is assumed and named in `provisional_years`."""
    return calendar(provisional=provisional).period(start, n)


def year_is_covered(year: int) -> bool:
    """Whether an official or administrator-entered (complete) schedule exists for `year`."""
    return _calendar().covers(year)


def calendar_covers(year: int) -> bool:
    """Deploy check helper: True when deadlines reaching into `year` can be computed."""
    return year_is_covered(year)
