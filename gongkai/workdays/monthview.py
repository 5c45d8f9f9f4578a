"""Month grids of a period for the calculator page: which day counts as which working day.

Pure: takes a `Calendar` and a `Period`; no ORM, no templates.
"""

from __future__ import annotations

import calendar as pycalendar
import datetime
from dataclasses import dataclass

from .calendar import Calendar, Period, YearSchedule

WEEKDAY_LABELS = ("一", "二", "三", "四", "五", "六", "日")
MAX_MONTHS = 12


@dataclass(frozen=True)
class Cell:
    day: datetime.date | None  # None: padding before the 1st / after the last day
    kind: str = ""  # received | counted | due | holiday | makeup | weekend | workday | unknown
    count: int | None = None  # the working day's number in the period (1 … n)
    holiday: str = ""

    @property
    def css(self) -> str:
        return f"day-{self.kind}" if self.kind else "day-pad"


@dataclass(frozen=True)
class Month:
    year: int
    month: int
    weeks: list[list[Cell]]

    @property
    def label(self) -> str:
        return f"{self.year}年{self.month}月"


def _months(first: datetime.date, last: datetime.date):
    year, month = first.year, first.month
    while (year, month) <= (last.year, last.month):
        yield year, month
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)


def month_grids(calendar: Calendar, period: Period) -> list[Month]:
    """One grid per month from the received date's month to the due date's month."""
    numbers: dict[datetime.date, int] = {}
    count = 0
    for entry in period.days:
        if entry.is_workday:
            count += 1
            numbers[entry.day] = count
    months = []
    for year, month in list(_months(period.start, period.due))[:MAX_MONTHS]:
        weeks = []
        for week in pycalendar.Calendar(firstweekday=0).monthdatescalendar(year, month):
            row = []
            for day in week:
                row.append(
                    _cell(calendar, period, numbers, day) if day.month == month else Cell(None)
                )
            weeks.append(row)
        months.append(Month(year, month, weeks))
    return months


def _cell(calendar: Calendar, period: Period, numbers, day: datetime.date) -> Cell:
    if not calendar.covers(day.year):
        return Cell(day, "unknown")
    detail = calendar.detail(day)
    label = detail.holiday_label
    if day == period.start:
        return Cell(day, "received", holiday=label)
    if day == period.due and period.n:
        return Cell(day, "due", numbers.get(day), label)
    inside = period.start < day <= period.due
    if detail.is_workday:
        kind = "makeup" if day.weekday() >= 5 else ("counted" if inside else "workday")
        return Cell(day, kind, numbers.get(day) if inside else None, label)
    if detail.holiday:
        return Cell(day, "holiday", holiday=label)
    return Cell(day, "weekend")


def year_grids(schedule: YearSchedule) -> list[Month]:
    """Twelve month grids of one year's schedule (for checking an entered notice)."""
    months = []
    for month in range(1, 13):
        weeks = []
        for week in pycalendar.Calendar(firstweekday=0).monthdatescalendar(schedule.year, month):
            row = []
            for day in week:
                if day.month != month:
                    row.append(Cell(None))
                    continue
                detail = schedule.detail(day)
                if detail.is_workday:
                    kind = "makeup" if day.weekday() >= 5 else "workday"
                else:
                    kind = "holiday" if detail.holiday else "weekend"
                row.append(Cell(day, kind, holiday=detail.holiday_label))
            weeks.append(row)
        months.append(Month(schedule.year, month, weeks))
    return months
