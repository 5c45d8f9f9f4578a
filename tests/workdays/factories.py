"""Factories and a test schedule for years `chinesecalendar` does not cover."""

from __future__ import annotations

import datetime

import factory

from gongkai.workdays.models import CalendarDay, CalendarYear

# A TEST SCHEDULE for 2027, not the State Council's notice (unpublished when this was
# written). Plausible shape: 元旦 Fri 01-01 to Sun 01-03, no make-up day; 春节 (2027-02-06 is
# the first day of the lunar year, 除夕 02-05) Fri 02-05 to Fri 02-12, with Saturday 02-13
# worked.
TEST_2027_HOLIDAYS = [
    ("new_years_day", datetime.date(2027, 1, 1), datetime.date(2027, 1, 3)),
    ("spring_festival", datetime.date(2027, 2, 5), datetime.date(2027, 2, 12)),
]
TEST_2027_MAKEUP = [("spring_festival", datetime.date(2027, 2, 13))]


class CalendarYearFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CalendarYear
        django_get_or_create = ("year",)

    year = 2027
    notice = "测试用安排（非正式通知）"
    is_complete = True


class CalendarDayFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CalendarDay

    calendar_year = factory.SubFactory(CalendarYearFactory)
    kind = CalendarDay.Kind.HOLIDAY
    holiday = "new_years_day"


def enter_test_2027(*, complete: bool = True) -> CalendarYear:
    """Store the test schedule of 2027 directly (as an administrator's entry would)."""
    year = CalendarYearFactory(year=2027, is_complete=complete)
    for slug, first, last in TEST_2027_HOLIDAYS:
        day = first
        while day <= last:
            CalendarDayFactory(calendar_year=year, date=day, holiday=slug)
            day += datetime.timedelta(days=1)
    for slug, day in TEST_2027_MAKEUP:
        CalendarDayFactory(
            calendar_year=year, date=day, holiday=slug, kind=CalendarDay.Kind.MAKEUP_WORKDAY
        )
    return year
