"""The provisional calendar (pure): across a year without a schedule it counts weekends and the
fixed-date statutory holidays, names the years it assumed, and equals the strict calendar
wherever the schedule is known."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from gongkai.workdays.calendar import Calendar, provisional_schedule

D = dt.date
STRICT = Calendar()
PROVISIONAL = Calendar(provisional=True)


def test_the_fixed_date_holidays_of_an_unknown_year_are_off():
    schedule = provisional_schedule(2027)
    assert schedule.provisional is True
    for day in (D(2027, 1, 1), D(2027, 5, 3 - 1), D(2027, 10, 1), D(2027, 10, 3)):
        assert schedule.is_workday(day) is False
    assert schedule.is_workday(D(2027, 2, 8)) is True  # 春节 is not assumed: lunar date
    assert schedule.is_workday(D(2027, 1, 2)) is False  # a Saturday


@settings(max_examples=200)
@given(start=st.dates(min_value=D(2026, 6, 1), max_value=D(2027, 12, 31)),
       n=st.integers(min_value=0, max_value=60))
def test_counting_back_gives_n_and_the_assumed_years_are_named(start, n):
    period = PROVISIONAL.period(start, n)
    assert PROVISIONAL.workdays_between(start, period.due) == n
    walked = range((start + dt.timedelta(days=1)).year, period.due.year + 1) if n else ()
    assumed = tuple(year for year in walked if year >= 2027)
    assert period.provisional_years == assumed
    assert period.explanation().startswith("暂定期限为" if assumed else "期限为")


@settings(max_examples=200)
@given(start=st.dates(min_value=D(2005, 1, 1), max_value=D(2026, 10, 31)),
       n=st.integers(min_value=0, max_value=40))
def test_inside_known_years_it_is_the_strict_calendar(start, n):
    strict, provisional = STRICT.period(start, n), PROVISIONAL.period(start, n)
    assert provisional == strict
    assert provisional.is_provisional is False
