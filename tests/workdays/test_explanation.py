"""The due date explained in words: each holiday by name, each make-up working day."""

from __future__ import annotations

import datetime

from gongkai.workdays import due_period, explain_due_date

D = datetime.date


def test_national_day_2021_is_explained_with_holiday_and_make_up_day():
    # 09-26 (Sun) is also a make-up day but lies before the period, so it is not named.
    assert explain_due_date(D(2021, 9, 27), 20) == (
        "期限为2021-10-29：2021-09-27收到，自次日起算20个工作日；"
        "期间国庆节假期10-01至10-07不计；10-09为调休工作日"
    )


def test_two_holidays_in_one_period_are_both_named():
    assert explain_due_date(D(2024, 9, 13), 20) == (
        "期限为2024-10-17：2024-09-13收到，自次日起算20个工作日；"
        "期间中秋假期09-15至09-17、国庆节假期10-01至10-07不计；09-14、09-29、10-12为调休工作日"
    )


def test_adjoining_holidays_form_one_run_named_after_both():
    text = explain_due_date(D(2023, 9, 28), 20)
    assert "期间中秋、国庆节假期09-29至10-06不计" in text
    assert "10-07、10-08为调休工作日" in text


def test_a_period_across_new_year_uses_full_dates():
    assert explain_due_date(D(2025, 12, 31), 20) == (
        "期限为2026-01-29：2025-12-31收到，自次日起算20个工作日；"
        "期间元旦假期2026-01-01至2026-01-03不计；2026-01-04为调休工作日"
    )


def test_a_period_without_holidays_says_only_the_count():
    assert (
        explain_due_date(D(2019, 3, 1), 20)
        == "期限为2019-03-29：2019-03-01收到，自次日起算20个工作日"
    )


def test_period_lists_holiday_runs_and_make_up_days():
    period = due_period(D(2019, 1, 30), 20)
    assert period.due == D(2019, 3, 4)
    assert [(run.first, run.last, run.names) for run in period.holiday_runs] == [
        (D(2019, 2, 4), D(2019, 2, 10), ("春节",))
    ]
    assert [entry.day for entry in period.makeup_workdays] == [D(2019, 2, 2), D(2019, 2, 3)]
    assert sum(entry.is_workday for entry in period.days) == 20
