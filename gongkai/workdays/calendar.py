"""Working-day arithmetic over an official holiday schedule. Pure: no ORM, no settings.

A `Calendar` answers from one `YearSchedule` per year. The official years come from the
`chinesecalendar` package (the State Council's annual notice on holidays, 调休 make-up
working days included); other years come from a loader the caller passes in (the database
overrides an administrator enters, see `gongkai.workdays.schedule`). A year nobody has a
schedule for raises `ScheduleUnknown`: a statutory deadline is never guessed silently. A
calendar built with `provisional=True` answers such a year from `provisional_schedule()`
(weekends and the statutory holidays of fixed date only) and every `Period` it gives names
the years it had to assume (`provisional_years`), so callers mark the date 暂定.

Rule (《政府信息公开条例》第三十三条): the period starts the day after receipt, so the due
date is the n-th working day *after* the received date; the received date itself never counts.

This module imports nothing of ours.
"""

from __future__ import annotations

import datetime
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from types import MappingProxyType

import chinese_calendar

ONE_DAY = datetime.timedelta(days=1)

# The holidays of the State Council notices, as the package names them: (slug, Chinese name).
# Slugs are the package's enum member names, so they are stable ASCII values for storage.
HOLIDAY_CHOICES: tuple[tuple[str, str], ...] = tuple(
    (holiday.name, holiday.chinese) for holiday in chinese_calendar.Holiday
)
_CHINESE_BY_SLUG = dict(HOLIDAY_CHOICES)
_SLUG_BY_ENGLISH = {holiday.value: holiday.name for holiday in chinese_calendar.Holiday}


class ScheduleUnknown(LookupError):
    """No official holiday schedule is known for `year`; the deadline cannot be computed."""

    code = "schedule_unknown"

    def __init__(self, year: int):
        self.year = year
        super().__init__(
            f"尚无{year}年的法定节假日安排（国务院办公厅的放假通知未收录，管理员也未录入），"
            f"无法计算涉及{year}年的工作日；需待管理员按正式通知录入{year}年的放假和调休安排后再计算。"
        )


def holiday_name(slug: str) -> str:
    """The Chinese name of a holiday slug (`national_day` → 国庆节); unknown slugs pass through."""
    return _CHINESE_BY_SLUG.get(slug, slug)


@dataclass(frozen=True)
class SpecialDay:
    """A day that departs from the Monday–Friday rule: a holiday on a weekday or inside a
    holiday block, or a Saturday/Sunday made a working day (调休上班)."""

    day: datetime.date
    is_workday: bool
    holiday: str = ""  # slug from HOLIDAY_CHOICES; "" when the notice names none

    @property
    def holiday_label(self) -> str:
        return holiday_name(self.holiday) if self.holiday else ""


@dataclass(frozen=True)
class YearSchedule:
    """One year's schedule: the days that differ from Monday–Friday working weeks."""

    year: int
    special: Mapping[datetime.date, SpecialDay] = field(default_factory=dict)
    source: str = ""  # where it comes from: "国务院办公厅通知" or the notice an administrator cited
    provisional: bool = False  # assumed (provisional_schedule), not from a notice

    def __post_init__(self):
        for day in self.special:
            if day.year != self.year:
                raise ValueError(f"{day} does not belong to the schedule of {self.year}")
        object.__setattr__(self, "special", MappingProxyType(dict(self.special)))

    def is_workday(self, day: datetime.date) -> bool:
        entry = self.special.get(day)
        if entry is not None:
            return entry.is_workday
        return day.weekday() < 5

    @cached_property
    def _workday_ordinals(self) -> list[int]:
        day, last = datetime.date(self.year, 1, 1), datetime.date(self.year, 12, 31)
        ordinals = []
        while day <= last:
            if self.is_workday(day):
                ordinals.append(day.toordinal())
            day += ONE_DAY
        return ordinals

    def workdays_through(self, day: datetime.date) -> int:
        """Working days of this year from 1 January up to and including `day`."""
        return bisect_right(self._workday_ordinals, day.toordinal())

    def detail(self, day: datetime.date) -> SpecialDay:
        """The day as a SpecialDay (ordinary days get no holiday name)."""
        entry = self.special.get(day)
        if entry is not None:
            return entry
        return SpecialDay(day=day, is_workday=day.weekday() < 5)


def official_year_range() -> tuple[int, int]:
    """First and last year the installed `chinesecalendar` has the State Council notice for."""
    known = chinese_calendar.holidays.keys()
    return min(known).year, max(known).year


def official_schedule(year: int) -> YearSchedule | None:
    """The State Council schedule for `year` from `chinesecalendar`, or None if it lacks it."""
    first, last = official_year_range()
    if not first <= year <= last:
        return None
    special: dict[datetime.date, SpecialDay] = {}
    for table, is_workday in (
        (chinese_calendar.holidays, False),
        (chinese_calendar.workdays, True),
    ):
        for day, english in table.items():
            if day.year == year:
                special[day] = SpecialDay(day, is_workday, _SLUG_BY_ENGLISH.get(english, ""))
    return YearSchedule(year=year, special=special, source="国务院办公厅关于节假日安排的通知")


# 《全国年节及纪念日放假办法》（2024年修订）第二条: the holidays whose Gregorian dates never
# move. 春节、清明节、端午节、中秋节 follow the lunar calendar or a solar term, and the bridging
# days and 调休 Saturdays come only with the State Council's yearly notice.
FIXED_DATE_HOLIDAYS: tuple[tuple[str, int, int], ...] = (
    ("new_years_day", 1, 1),
    ("labour_day", 5, 1),
    ("labour_day", 5, 2),
    ("national_day", 10, 1),
    ("national_day", 10, 2),
    ("national_day", 10, 3),
)
PROVISIONAL_SOURCE = "暂定：仅按周末和元旦、劳动节、国庆节等日期固定的法定节假日计算"


@lru_cache(maxsize=32)
def provisional_schedule(year: int) -> YearSchedule:
    """What can be known of `year` before its notice: weekends and the fixed-date holidays.

    Used only to give a deadline marked 暂定; the notice may add days off (春节, bridging
    days), which move the date later, or 调休 Saturdays, which move it earlier.
    """
    special = {
        datetime.date(year, month, day): SpecialDay(datetime.date(year, month, day), False, slug)
        for slug, month, day in FIXED_DATE_HOLIDAYS
    }
    return YearSchedule(year=year, special=special, source=PROVISIONAL_SOURCE, provisional=True)


def provisional_reason(years: Iterable[int]) -> str:
    """Why a date is provisional, e.g. "2027 年节假日安排尚未录入"."""
    return "、".join(str(year) for year in years) + " 年节假日安排尚未录入"


YearLoader = Callable[[int], "YearSchedule | None"]


class Calendar:
    """Working-day arithmetic over official years plus years from `extra` (the overrides).

    `extra(year)` is only asked about years after those `chinesecalendar` covers; it returns a
    complete YearSchedule or None. Answers are cached per year for the Calendar's lifetime,
    so build a new Calendar when the overrides change. With `provisional=True` a year nobody
    has a schedule for is assumed (`provisional_schedule`) instead of refused.
    """

    def __init__(self, extra: YearLoader | None = None, *, provisional: bool = False):
        self._extra = extra
        self._years: dict[int, YearSchedule | None] = {}
        self.provisional = provisional

    def allowing_provisional(self) -> Calendar:
        """The same calendar (sharing what it has loaded) that assumes unknown years."""
        other = Calendar(self._extra, provisional=True)
        other._years = self._years
        return other

    # -- schedules ---------------------------------------------------------------------

    def schedule_for(self, year: int) -> YearSchedule | None:
        if year not in self._years:
            schedule = official_schedule(year)
            # Overrides are for years after the package's data; nothing before 2004 is entered.
            if schedule is None and self._extra is not None and year > official_year_range()[1]:
                schedule = self._extra(year)
            self._years[year] = schedule
        return self._years[year]

    def year(self, year: int) -> YearSchedule:
        schedule = self.schedule_for(year)
        if schedule is None:
            if self.provisional:
                return provisional_schedule(year)
            raise ScheduleUnknown(year)
        return schedule

    def covers(self, year: int) -> bool:
        return self.schedule_for(year) is not None

    def missing_years(self, start: datetime.date, end: datetime.date) -> tuple[int, ...]:
        """Years of the days in (start, end] that have no schedule (assumed when provisional)."""
        first, end = _as_date(start) + ONE_DAY, _as_date(end)
        if end < first:
            return ()  # no day walked through
        return tuple(y for y in range(first.year, end.year + 1) if not self.covers(y))

    # -- single days -------------------------------------------------------------------

    def is_workday(self, day: datetime.date) -> bool:
        day = _as_date(day)
        return self.year(day.year).is_workday(day)

    def detail(self, day: datetime.date) -> SpecialDay:
        day = _as_date(day)
        return self.year(day.year).detail(day)

    # -- arithmetic --------------------------------------------------------------------

    def add_workdays(self, start: datetime.date, n: int) -> datetime.date:
        """The n-th working day after `start` (start itself not counted); n == 0 → start."""
        start = _as_date(start)
        if n < 0:
            raise ValueError("n must be >= 0")
        day = start
        remaining = n
        while remaining:
            day += ONE_DAY
            if self.is_workday(day):
                remaining -= 1
        return day

    def workdays_between(self, start: datetime.date, end: datetime.date) -> int:
        """Working days in (start, end]; negative (−count of (end, start]) when end < start."""
        start, end = _as_date(start), _as_date(end)
        if end < start:
            return -self.workdays_between(end, start)
        first = start + ONE_DAY  # the interval is (start, end]; start's year is not needed
        total = 0
        for year in range(first.year, end.year + 1):
            schedule = self.year(year)
            upper = end if year == end.year else datetime.date(year, 12, 31)
            total += schedule.workdays_through(upper)
            if year == first.year:
                total -= schedule.workdays_through(first) - schedule.is_workday(first)
        return total

    def period(self, start: datetime.date, n: int) -> Period:
        """The period of n working days after `start`, with what lies inside it."""
        start = _as_date(start)
        due = self.add_workdays(start, n)
        days = tuple(self.detail(day) for day in _days(start + ONE_DAY, due))
        return Period(
            start=start, n=n, due=due, days=days, provisional_years=self.missing_years(start, due)
        )

    def explain_due_date(self, start: datetime.date, n: int) -> str:
        return self.period(start, n).explanation()


@dataclass(frozen=True)
class HolidayRun:
    """Consecutive non-working days of one or more named holidays inside a period."""

    first: datetime.date
    last: datetime.date
    names: tuple[str, ...]  # Chinese names, in calendar order

    @property
    def label(self) -> str:
        return "、".join(self.names)


@dataclass(frozen=True)
class Period:
    """n working days after `start`, ending on `due`; `days` are the days in (start, due]."""

    start: datetime.date
    n: int
    due: datetime.date
    days: tuple[SpecialDay, ...]
    provisional_years: tuple[int, ...] = ()  # years assumed, not known: the due date is 暂定

    @property
    def is_provisional(self) -> bool:
        return bool(self.provisional_years)

    @property
    def provisional_reason(self) -> str:
        return provisional_reason(self.provisional_years) if self.provisional_years else ""

    @property
    def holiday_runs(self) -> tuple[HolidayRun, ...]:
        runs: list[HolidayRun] = []
        current: list[SpecialDay] = []
        for entry in (*self.days, None):
            if entry is not None and not entry.is_workday and entry.holiday:
                current.append(entry)
                continue
            if current:
                names = tuple(dict.fromkeys(item.holiday_label for item in current))
                runs.append(HolidayRun(current[0].day, current[-1].day, names))
                current = []
        return tuple(runs)

    @property
    def makeup_workdays(self) -> tuple[SpecialDay, ...]:
        """Saturdays and Sundays inside the period that are working days (调休上班)."""
        return tuple(entry for entry in self.days if entry.is_workday and entry.day.weekday() >= 5)

    def _fmt(self, day: datetime.date) -> str:
        if self.start.year == self.due.year:
            return day.strftime("%m-%d")
        return day.isoformat()

    def explanation_parts(self) -> list[str]:
        """The explanation as separate sentences (the page lists them; the text joins them)."""
        parts = [
            f"{self.start.isoformat()}收到，自次日起算{self.n}个工作日",
        ]
        runs = [
            f"{run.label}假期{self._fmt(run.first)}"
            + ("" if run.first == run.last else f"至{self._fmt(run.last)}")
            for run in self.holiday_runs
        ]
        if runs:
            parts.append("期间" + "、".join(runs) + "不计")
        makeup = self.makeup_workdays
        if makeup:
            parts.append("、".join(self._fmt(entry.day) for entry in makeup) + "为调休工作日")
        if self.provisional_years:
            parts.append(
                f"{self.provisional_reason}，暂按周末和元旦、劳动节、国庆节等日期固定的法定节假日计算，"
                "春节等节日和调休以国务院办公厅通知为准，录入后重新计算"
            )
        return parts

    def explanation(self) -> str:
        """E.g. 期限为2021-10-29：2021-09-27收到，自次日起算20个工作日；期间国庆节假期10-01至10-07不计；10-09为调休工作日

        A provisional period starts 暂定期限为… and ends with the reason."""
        label = "暂定期限为" if self.provisional_years else "期限为"
        return f"{label}{self.due.isoformat()}：" + "；".join(self.explanation_parts())


def _as_date(value) -> datetime.date:
    if isinstance(value, datetime.datetime):
        return value.date()
    if not isinstance(value, datetime.date):
        raise TypeError(f"expected a date, got {type(value).__name__}")
    return value


def _days(first: datetime.date, last: datetime.date) -> Iterator[datetime.date]:
    day = first
    while day <= last:
        yield day
        day += ONE_DAY


def schedule_from_days(year: int, days: Iterable[SpecialDay], *, source: str = "") -> YearSchedule:
    """Build a YearSchedule from entered days (holidays and make-up working days)."""
    return YearSchedule(year=year, special={entry.day: entry for entry in days}, source=source)
