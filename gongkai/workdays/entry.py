"""Reading and writing a year's schedule as the lines an administrator types.

The State Council notice lists, per holiday, the days off and the Saturdays or Sundays that
are worked instead. The entry form takes exactly that, one holiday per line::

    放假安排:      春节 2027-02-05 至 2027-02-12
                   元旦 2027-01-01
    调休上班日:    春节 2027-01-31、2027-02-20

Errors name the line, so a long notice can be corrected without retyping it.
No ORM here.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from .calendar import HOLIDAY_CHOICES, ONE_DAY

MAX_HOLIDAY_RUN = 15  # days; the longest block ever announced (2020 春节, extended) is 10


def _normalise(name: str) -> str:
    name = name.strip()
    return name[:-1] if name.endswith("节") and len(name) > 2 else name


_SLUG_BY_NAME: dict[str, str] = {}
for _slug, _chinese in HOLIDAY_CHOICES:
    _SLUG_BY_NAME[_normalise(_chinese)] = _slug
_SLUG_BY_NAME.setdefault("国庆", "national_day")

_DATE = r"\d{4}-\d{1,2}-\d{1,2}"
_HOLIDAY_LINE = re.compile(
    rf"^(?P<name>\S+?)\s*(?P<first>{_DATE})(?:\s*(?:至|到|~|～|—|－)\s*(?P<last>{_DATE}))?$"
)
_MAKEUP_LINE = re.compile(rf"^(?P<name>\S+?)\s*(?P<dates>{_DATE}(?:\s*[、,，\s]\s*{_DATE})*)$")


@dataclass(frozen=True)
class EnteredDay:
    day: datetime.date
    is_workday: bool
    holiday: str  # slug


def _parse_date(text: str, lineno: int) -> datetime.date:
    try:
        return datetime.date.fromisoformat("-".join(part.zfill(2) for part in text.split("-")))
    except ValueError:
        raise ValidationError(
            _("第%(line)s行：“%(text)s”不是有效日期。"),
            code="bad_date",
            params={"line": lineno, "text": text},
        ) from None


def _holiday_slug(name: str, lineno: int) -> str:
    slug = _SLUG_BY_NAME.get(_normalise(name))
    if slug is None:
        raise ValidationError(
            _("第%(line)s行：不认识的节日“%(name)s”，可填：%(names)s。"),
            code="unknown_holiday",
            params={
                "line": lineno,
                "name": name,
                "names": "、".join(chinese for _slug, chinese in HOLIDAY_CHOICES[:7]),
            },
        )
    return slug


def _lines(text: str):
    for lineno, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if line and not line.startswith("#"):
            yield lineno, line


def _check_year(day: datetime.date, year: int, lineno: int) -> None:
    if day.year != year:
        raise ValidationError(
            _("第%(line)s行：%(date)s不属于%(year)s年。"),
            code="day_outside_year",
            params={"line": lineno, "date": day.isoformat(), "year": year},
        )


def parse_holidays(text: str, year: int) -> list[EnteredDay]:
    """Lines of '节日 起始日期 [至 结束日期]' → the days off (weekends inside a block included)."""
    days: list[EnteredDay] = []
    errors: list[ValidationError] = []
    for lineno, line in _lines(text):
        try:
            match = _HOLIDAY_LINE.match(line)
            if match is None:
                raise ValidationError(
                    _(
                        "第%(line)s行：格式应为“节日 起始日期 至 结束日期”，例如“春节 %(year)s-02-05 至 %(year)s-02-12”。"
                    ),
                    code="bad_holiday_line",
                    params={"line": lineno, "year": year},
                )
            slug = _holiday_slug(match["name"], lineno)
            first = _parse_date(match["first"], lineno)
            last = _parse_date(match["last"], lineno) if match["last"] else first
            _check_year(first, year, lineno)
            _check_year(last, year, lineno)
            if last < first or (last - first).days >= MAX_HOLIDAY_RUN:
                raise ValidationError(
                    _("第%(line)s行：结束日期应在起始日期之后，且一段假期不超过%(max)s天。"),
                    code="bad_holiday_range",
                    params={"line": lineno, "max": MAX_HOLIDAY_RUN},
                )
            day = first
            while day <= last:
                days.append(EnteredDay(day, False, slug))
                day += ONE_DAY
        except ValidationError as error:
            errors.append(error)
    if errors:
        raise ValidationError(errors)
    return days


def parse_makeup_days(text: str, year: int) -> list[EnteredDay]:
    """Lines of '节日 日期[、日期…]' → Saturdays/Sundays worked (调休上班)."""
    days: list[EnteredDay] = []
    errors: list[ValidationError] = []
    for lineno, line in _lines(text):
        try:
            match = _MAKEUP_LINE.match(line)
            if match is None:
                raise ValidationError(
                    _("第%(line)s行：格式应为“节日 日期、日期”，例如“春节 %(year)s-02-20”。"),
                    code="bad_makeup_line",
                    params={"line": lineno, "year": year},
                )
            slug = _holiday_slug(match["name"], lineno)
            for text_date in re.findall(_DATE, match["dates"]):
                day = _parse_date(text_date, lineno)
                _check_year(day, year, lineno)
                if day.weekday() < 5:
                    raise ValidationError(
                        _("第%(line)s行：%(date)s本来就是工作日，调休上班日只能是星期六或星期日。"),
                        code="makeup_not_weekend",
                        params={"line": lineno, "date": day.isoformat()},
                    )
                days.append(EnteredDay(day, True, slug))
        except ValidationError as error:
            errors.append(error)
    if errors:
        raise ValidationError(errors)
    return days


def check_no_conflicts(days: list[EnteredDay]) -> None:
    """A date may appear once: not twice as a holiday, not as a holiday and a working day."""
    seen: dict[datetime.date, EnteredDay] = {}
    errors = []
    for entry in days:
        if entry.day in seen:
            errors.append(
                ValidationError(
                    _("%(date)s填写了两次（放假或调休上班只能选一种）。"),
                    code="duplicate_day",
                    params={"date": entry.day.isoformat()},
                )
            )
        seen[entry.day] = entry
    if errors:
        raise ValidationError(errors)


def format_holidays(days) -> str:
    """Days off (objects with .day and .holiday) back to lines, one per consecutive run."""
    lines: list[str] = []
    run: list = []
    for entry in sorted(days, key=lambda item: item.day):
        if run and (entry.holiday != run[-1].holiday or entry.day - run[-1].day != ONE_DAY):
            lines.append(_format_run(run))
            run = []
        run.append(entry)
    if run:
        lines.append(_format_run(run))
    return "\n".join(lines)


def _format_run(run) -> str:
    name = dict(HOLIDAY_CHOICES).get(run[0].holiday, run[0].holiday)
    if len(run) == 1:
        return f"{name} {run[0].day.isoformat()}"
    return f"{name} {run[0].day.isoformat()} 至 {run[-1].day.isoformat()}"


def format_makeup_days(days) -> str:
    """Make-up working days back to lines, one per holiday."""
    by_holiday: dict[str, list[datetime.date]] = {}
    for entry in sorted(days, key=lambda item: item.day):
        by_holiday.setdefault(entry.holiday, []).append(entry.day)
    names = dict(HOLIDAY_CHOICES)
    return "\n".join(
        f"{names.get(slug, slug)} " + "、".join(day.isoformat() for day in dates)
        for slug, dates in by_holiday.items()
    )
