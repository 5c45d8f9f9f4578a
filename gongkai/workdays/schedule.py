"""The process-wide calendar: official data plus the overrides stored in the database.

`current_calendar()` returns a `Calendar` whose years outside `chinesecalendar` are loaded
from `CalendarYear` rows marked complete. The Calendar caches what it has loaded, and it is
kept for the process; `invalidate()` (connected to the override models' save/delete signals)
drops it, and it is rebuilt at most `MAX_AGE` seconds after it was built so that other
processes of a multi-process deployment pick up an administrator's change too.

The database is only touched for years the package does not cover, so deadlines in covered
years need no database at all.
"""

from __future__ import annotations

import threading
import time

from .calendar import Calendar, SpecialDay, YearSchedule, schedule_from_days

MAX_AGE = 300.0  # seconds

_lock = threading.Lock()
_calendar: Calendar | None = None
_built_at = 0.0


def load_override(year: int) -> YearSchedule | None:
    """The schedule an administrator entered for `year`, if marked complete."""
    from .models import CalendarYear

    entry = CalendarYear.objects.filter(year=year, is_complete=True).first()
    if entry is None:
        return None
    days = [
        SpecialDay(day.date, day.kind == day.Kind.MAKEUP_WORKDAY, day.holiday)
        for day in entry.days.all()
    ]
    return schedule_from_days(year, days, source=entry.notice or "管理员录入")


def current_calendar(*, provisional: bool = False) -> Calendar:
    """The process-wide calendar; `provisional=True` gives its view that assumes unknown years
    (sharing the loaded years, so both follow `invalidate()`)."""
    global _calendar, _built_at
    with _lock:
        if _calendar is None or time.monotonic() - _built_at > MAX_AGE:
            _calendar = Calendar(extra=load_override)
            _built_at = time.monotonic()
        return _calendar.allowing_provisional() if provisional else _calendar


def invalidate(**kwargs) -> None:
    """Forget the cached schedule (signal receiver; also callable directly)."""
    global _calendar
    with _lock:
        _calendar = None
