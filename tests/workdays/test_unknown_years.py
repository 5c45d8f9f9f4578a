"""No schedule, no deadline: years without a State Council schedule are refused, and the
same dates compute once an administrator has entered the year (here a TEST schedule)."""

from __future__ import annotations

import datetime

import pytest

from gongkai.workdays import (
    ScheduleUnknown,
    add_workdays,
    calendar_covers,
    explain_due_date,
    is_workday,
    workdays_between,
    year_is_covered,
)
from gongkai.workdays.calendar import official_year_range

from .factories import enter_test_2027

D = datetime.date


def test_the_package_covers_2004_to_2026():
    assert official_year_range() == (2004, 2026)


@pytest.mark.django_db
def test_a_period_walking_into_2027_is_refused_naming_the_year():
    # Received Tue 2026-12-15: the 13th working day would be in January 2027.
    with pytest.raises(ScheduleUnknown) as excinfo:
        add_workdays(D(2026, 12, 15), 20)
    assert excinfo.value.year == 2027
    assert excinfo.value.code == "schedule_unknown"
    assert "2027年" in str(excinfo.value)


@pytest.mark.django_db
def test_a_period_ending_on_the_last_known_day_is_computed():
    # 2026-12-31 is a Thursday and a working day: the 1st working day after Wed 12-30.
    assert add_workdays(D(2026, 12, 30), 1) == D(2026, 12, 31)


@pytest.mark.django_db
def test_single_days_and_counts_in_an_unknown_year_are_refused():
    with pytest.raises(ScheduleUnknown):
        is_workday(D(2027, 3, 1))
    with pytest.raises(ScheduleUnknown):
        workdays_between(D(2026, 12, 1), D(2027, 1, 10))
    with pytest.raises(ScheduleUnknown):
        explain_due_date(D(2026, 12, 15), 20)
    assert year_is_covered(2027) is False
    assert calendar_covers(2027) is False


def test_years_before_the_first_notice_are_refused():
    with pytest.raises(ScheduleUnknown) as excinfo:
        add_workdays(D(2003, 12, 1), 20)
    assert excinfo.value.year == 2003


@pytest.mark.django_db
def test_the_same_date_computes_once_an_administrator_entered_2027():
    enter_test_2027()
    # Test schedule (not the official notice): 元旦 2027-01-01..03, 春节 02-05..12, 02-13
    # (Sat) worked. Received Tue 2026-12-15: 12-16..18 (1-3); 12-21..25 (4-8);
    # 12-28..31 (9-12); 2027-01-01..03 off; 01-04..08 (13-17); 01-11..13 (18-20).
    assert add_workdays(D(2026, 12, 15), 20) == D(2027, 1, 13)
    assert year_is_covered(2027) is True
    assert "期间元旦假期2027-01-01至2027-01-03不计" in explain_due_date(D(2026, 12, 15), 20)


@pytest.mark.django_db
def test_an_entered_spring_festival_with_a_make_up_saturday_is_used():
    enter_test_2027()
    # Test schedule. Received Fri 2027-01-29: 02-01..04 (1-4); 02-05..12 off; 02-13 Sat
    # make-up (5); 02-15..19 (6-10); 02-22..26 (11-15); 03-01..05 (16-20).
    assert add_workdays(D(2027, 1, 29), 20) == D(2027, 3, 5)
    assert is_workday(D(2027, 2, 13)) is True
    assert is_workday(D(2027, 2, 8)) is False
    assert explain_due_date(D(2027, 1, 29), 20).endswith(
        "期间春节假期02-05至02-12不计；02-13为调休工作日"
    )


@pytest.mark.django_db
def test_an_incomplete_entry_does_not_count():
    enter_test_2027(complete=False)
    with pytest.raises(ScheduleUnknown):
        add_workdays(D(2026, 12, 15), 20)
    assert year_is_covered(2027) is False


@pytest.mark.django_db
def test_the_cached_calendar_follows_changes_to_the_overrides():
    with pytest.raises(ScheduleUnknown):
        add_workdays(D(2026, 12, 15), 20)  # caches "2027 unknown"
    year = enter_test_2027()  # saving rows drops the cache
    assert add_workdays(D(2026, 12, 15), 20) == D(2027, 1, 13)
    year.is_complete = False
    year.save()
    with pytest.raises(ScheduleUnknown):
        add_workdays(D(2026, 12, 15), 20)
    year.is_complete = True
    year.save()
    year.days.filter(date=D(2027, 1, 1)).delete()  # 元旦 becomes an ordinary Friday
    assert add_workdays(D(2026, 12, 31), 1) == D(2027, 1, 1)


@pytest.mark.django_db
def test_computing_in_covered_years_needs_no_override_query(django_assert_num_queries):
    with django_assert_num_queries(0):
        add_workdays(D(2021, 9, 27), 20)
