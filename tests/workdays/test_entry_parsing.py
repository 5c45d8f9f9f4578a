"""Reading a State Council notice typed line by line: errors name the line."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import ValidationError

from gongkai.workdays.entry import (
    check_no_conflicts,
    format_holidays,
    format_makeup_days,
    parse_holidays,
    parse_makeup_days,
)

D = datetime.date


def codes(excinfo) -> list[str]:
    return [error.code for error in excinfo.value.error_list]


def test_a_holiday_block_expands_to_every_day_including_weekends():
    days = parse_holidays("春节 2027-02-05 至 2027-02-12\n元旦 2027-01-01", 2027)
    assert [d.day for d in days if d.holiday == "spring_festival"] == [
        D(2027, 2, 5) + datetime.timedelta(days=k) for k in range(8)
    ]
    assert [(d.day, d.holiday, d.is_workday) for d in days if d.holiday == "new_years_day"] == [
        (D(2027, 1, 1), "new_years_day", False)
    ]


def test_holiday_names_are_accepted_with_or_without_jie():
    days = parse_holidays(
        "国庆 2027-10-01\n中秋节 2027-09-15\n劳动节 2027-05-01 到 2027-05-05", 2027
    )
    assert {d.holiday for d in days} == {"national_day", "mid_autumn_festival", "labour_day"}


def test_make_up_days_accept_several_dates_per_line():
    days = parse_makeup_days("春节 2027-01-30、2027-02-13", 2027)
    assert [(d.day, d.is_workday) for d in days] == [(D(2027, 1, 30), True), (D(2027, 2, 13), True)]


def test_errors_report_the_line_number():
    with pytest.raises(ValidationError) as excinfo:
        parse_holidays("元旦 2027-01-01\n\n春假 2027-02-05\n春节 2027-02-30", 2027)
    assert codes(excinfo) == ["unknown_holiday", "bad_date"]
    messages = [error.message % error.params for error in excinfo.value.error_list]
    assert messages[0].startswith("第3行")
    assert messages[1].startswith("第4行")


def test_a_line_without_dates_is_refused():
    with pytest.raises(ValidationError) as excinfo:
        parse_holidays("春节放七天", 2027)
    assert codes(excinfo) == ["bad_holiday_line"]


def test_days_of_another_year_are_refused():
    with pytest.raises(ValidationError) as excinfo:
        parse_holidays("元旦 2026-12-31 至 2027-01-01", 2027)
    assert codes(excinfo) == ["day_outside_year"]


def test_a_backwards_or_overlong_range_is_refused():
    with pytest.raises(ValidationError) as excinfo:
        parse_holidays("春节 2027-02-12 至 2027-02-05\n国庆节 2027-10-01 至 2027-10-31", 2027)
    assert codes(excinfo) == ["bad_holiday_range", "bad_holiday_range"]


def test_a_make_up_day_must_be_a_saturday_or_sunday():
    with pytest.raises(ValidationError) as excinfo:
        parse_makeup_days("春节 2027-02-15", 2027)  # a Monday
    assert codes(excinfo) == ["makeup_not_weekend"]


def test_a_day_both_off_and_worked_is_a_conflict():
    days = parse_holidays("春节 2027-02-13", 2027) + parse_makeup_days("春节 2027-02-13", 2027)
    with pytest.raises(ValidationError) as excinfo:
        check_no_conflicts(days)
    assert codes(excinfo) == ["duplicate_day"]


def test_formatting_gives_back_the_lines_that_were_typed():
    holidays_text = (
        "元旦 2027-01-01 至 2027-01-03\n春节 2027-02-05 至 2027-02-12\n国庆节 2027-10-01"
    )
    makeup_text = "春节 2027-01-30、2027-02-13\n国庆节 2027-10-09"
    assert format_holidays(parse_holidays(holidays_text, 2027)) == holidays_text
    assert format_makeup_days(parse_makeup_days(makeup_text, 2027)) == makeup_text
