"""Properties of the working-day arithmetic, over every year the official data covers."""

from __future__ import annotations

import datetime

import chinese_calendar
from hypothesis import given, settings
from hypothesis import strategies as st

from gongkai.workdays.calendar import Calendar

CALENDAR = Calendar()  # official data only: no database, no overrides
starts = st.dates(min_value=datetime.date(2004, 1, 1), max_value=datetime.date(2026, 9, 1))
counts = st.integers(min_value=0, max_value=60)  # 60 working days stay inside 2026


@given(start=starts, n=st.integers(min_value=1, max_value=60))
def test_the_due_date_is_always_a_working_day(start, n):
    assert CALENDAR.is_workday(CALENDAR.add_workdays(start, n)) is True


@given(start=starts, n=counts)
def test_adding_then_counting_back_gives_n(start, n):
    assert CALENDAR.workdays_between(start, CALENDAR.add_workdays(start, n)) == n


@given(start=starts, n=counts, more=st.integers(min_value=1, max_value=20))
def test_more_working_days_never_give_an_earlier_date(start, n, more):
    assert CALENDAR.add_workdays(start, n + more) > CALENDAR.add_workdays(start, n)


@given(start=starts, n=counts, later=st.integers(min_value=0, max_value=40))
def test_a_later_receipt_never_gives_an_earlier_due_date(start, n, later):
    moved = start + datetime.timedelta(days=later)
    assert CALENDAR.add_workdays(moved, n) >= CALENDAR.add_workdays(start, n)


@given(start=starts, n=st.integers(min_value=1, max_value=60))
def test_no_working_day_is_skipped(start, n):
    """The day before the due date, back to the start, holds exactly n-1 working days."""
    due = CALENDAR.add_workdays(start, n)
    assert CALENDAR.workdays_between(start, due - datetime.timedelta(days=1)) == n - 1


@given(day=st.dates(min_value=datetime.date(2004, 1, 1), max_value=datetime.date(2026, 12, 31)))
def test_every_day_agrees_with_the_package(day):
    assert CALENDAR.is_workday(day) is chinese_calendar.is_workday(day)


@given(start=starts, span=st.integers(min_value=0, max_value=400))
def test_counting_agrees_with_the_package_list_of_working_days(start, span):
    end = min(start + datetime.timedelta(days=span), datetime.date(2026, 12, 31))
    expected = len(chinese_calendar.get_workdays(start + datetime.timedelta(days=1), end))
    assert CALENDAR.workdays_between(start, end) == (expected if end > start else 0)


@settings(deadline=None)
@given(start=starts, end=starts)
def test_counting_over_many_years_equals_counting_day_by_day(start, end):
    lo, hi = min(start, end), max(start, end)
    by_day = sum(
        CALENDAR.is_workday(lo + datetime.timedelta(days=k)) for k in range(1, (hi - lo).days + 1)
    )
    assert CALENDAR.workdays_between(lo, hi) == by_day
    assert CALENDAR.workdays_between(hi, lo) == -by_day


@given(start=starts, n=st.integers(min_value=0, max_value=60))
def test_the_explanation_names_every_make_up_day_in_the_period(start, n):
    period = CALENDAR.period(start, n)
    text = period.explanation()
    for entry in period.makeup_workdays:
        assert entry.day.strftime("%m-%d") in text
    assert text.startswith(f"期限为{period.due.isoformat()}：")
