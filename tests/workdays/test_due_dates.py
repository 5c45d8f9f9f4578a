"""Due dates worked out by hand from the State Council holiday notices (国务院办公厅关于
20XX年部分节假日安排的通知). The period starts the day after receipt (《条例》第三十三条):
due = the 20th working day after the received date. Each case counts the working days
one by one; (k) marks the k-th working day, "make-up" a Saturday/Sunday that is worked."""

from __future__ import annotations

import datetime

import pytest

from gongkai.workdays import add_workdays, explain_due_date, is_workday, workdays_between

D = datetime.date

CASES = [
    pytest.param(
        # 2021 notice: 国庆 10-01..10-07; 09-26 (Sun) and 10-09 (Sat) worked.
        # Received Mon 09-27. 09-28, 09-29, 09-30 (1-3); 10-01..07 off; 10-08 Fri (4),
        # 10-09 Sat make-up (5); 10-11..15 (6-10); 10-18..22 (11-15); 10-25..29 (16-20).
        D(2021, 9, 27),
        D(2021, 10, 29),
        id="2021-national-day-makeup-saturday",
    ),
    pytest.param(
        # 2019 notice: 春节 02-04..02-10; 02-02 (Sat) and 02-03 (Sun) worked.
        # Received Wed 01-30. 01-31 (1), 02-01 (2), 02-02 Sat make-up (3), 02-03 Sun make-up
        # (4); 02-04..10 off; 02-11..15 (5-9); 02-18..22 (10-14); 02-25..03-01 (15-19);
        # Mon 03-04 (20).
        D(2019, 1, 30),
        D(2019, 3, 4),
        id="2019-spring-festival-two-makeup-days",
    ),
    pytest.param(
        # 2019 notices (2018 notice as amended in March 2019): 劳动节 05-01..05-04;
        # 04-28 (Sun) and 05-05 (Sun) worked. Received Fri 04-26. 04-28 Sun make-up (1),
        # 04-29 (2), 04-30 (3); 05-01..04 off; 05-05 Sun make-up (4); 05-06..10 (5-9);
        # 05-13..17 (10-14); 05-20..24 (15-19); Mon 05-27 (20).
        D(2019, 4, 26),
        D(2019, 5, 27),
        id="2019-labour-day",
    ),
    pytest.param(
        # No holiday at all: received Fri 2019-03-01; four plain weeks 03-04..03-29 (1-20).
        D(2019, 3, 1),
        D(2019, 3, 29),
        id="2019-plain-weeks",
    ),
    pytest.param(
        # 2020: 春节 01-24..01-30, extended to 02-02 (国办发明电〔2020〕1号); 01-19 (Sun) worked.
        # Received Fri 01-17. 01-19 Sun make-up (1); 01-20..23 (2-5); 01-24..02-02 off;
        # 02-03..07 (6-10); 02-10..14 (11-15); 02-17..21 (16-20).
        D(2020, 1, 17),
        D(2020, 2, 21),
        id="2020-spring-festival-extended",
    ),
    pytest.param(
        # 2020 notice: 劳动节 05-01..05-05; 04-26 (Sun) and 05-09 (Sat) worked.
        # Received Fri 04-24. 04-26 Sun make-up (1); 04-27..30 (2-5); 05-01..05 off;
        # 05-06..08 (6-8); 05-09 Sat make-up (9); 05-11..15 (10-14); 05-18..22 (15-19);
        # Mon 05-25 (20).
        D(2020, 4, 24),
        D(2020, 5, 25),
        id="2020-labour-day",
    ),
    pytest.param(
        # 2021 notice: 春节 02-11..02-17; 02-07 (Sun) and 02-20 (Sat) worked.
        # Received Fri 02-05. 02-07 Sun make-up (1); 02-08..10 (2-4); 02-11..17 off;
        # 02-18 (5), 02-19 (6), 02-20 Sat make-up (7); 02-22..26 (8-12); 03-01..05 (13-17);
        # 03-08..10 (18-20).
        D(2021, 2, 5),
        D(2021, 3, 10),
        id="2021-spring-festival",
    ),
    pytest.param(
        # 2022 notice: 春节 01-31..02-06; 01-29 (Sat) and 01-30 (Sun) worked.
        # Received Fri 01-28. 01-29 Sat make-up (1), 01-30 Sun make-up (2); 01-31..02-06 off;
        # 02-07..11 (3-7); 02-14..18 (8-12); 02-21..25 (13-17); 02-28 (18), 03-01 (19),
        # Wed 03-02 (20).
        D(2022, 1, 28),
        D(2022, 3, 2),
        id="2022-spring-festival",
    ),
    pytest.param(
        # 2022 notice: 国庆 10-01..10-07; 10-08 (Sat) and 10-09 (Sun) worked.
        # Received Fri 09-30, the day before the holiday. 10-01..07 off; 10-08 Sat make-up (1),
        # 10-09 Sun make-up (2); 10-10..14 (3-7); 10-17..21 (8-12); 10-24..28 (13-17);
        # 10-31 (18), 11-01 (19), Wed 11-02 (20).
        D(2022, 9, 30),
        D(2022, 11, 2),
        id="2022-day-before-national-day",
    ),
    pytest.param(
        # 2023 notice: 春节 01-21..01-27; 01-28 (Sat) and 01-29 (Sun) worked.
        # Received Fri 01-20, the day before the holiday. 01-21..27 off; 01-28 Sat make-up (1),
        # 01-29 Sun make-up (2); 01-30..02-03 (3-7); 02-06..10 (8-12); 02-13..17 (13-17);
        # 02-20..22 (18-20).
        D(2023, 1, 20),
        D(2023, 2, 22),
        id="2023-day-before-spring-festival",
    ),
    pytest.param(
        # 2023 notice: 中秋、国庆 09-29..10-06; 10-07 (Sat) and 10-08 (Sun) worked.
        # Received Thu 09-28, the day before the eight-day holiday. 09-29..10-06 off;
        # 10-07 Sat make-up (1), 10-08 Sun make-up (2); 10-09..13 (3-7); 10-16..20 (8-12);
        # 10-23..27 (13-17); 10-30 (18), 10-31 (19), Wed 11-01 (20).
        D(2023, 9, 28),
        D(2023, 11, 1),
        id="2023-day-before-mid-autumn-national-day",
    ),
    pytest.param(
        # 2024 notice: 春节 02-10..02-17; 02-04 (Sun) and 02-18 (Sun) worked.
        # Received Thu 02-01. 02-02 (1); 02-04 Sun make-up (2); 02-05..09 (3-7); 02-10..17 off;
        # 02-18 Sun make-up (8); 02-19..23 (9-13); 02-26..03-01 (14-18); 03-04 (19),
        # Tue 03-05 (20).
        D(2024, 2, 1),
        D(2024, 3, 5),
        id="2024-spring-festival",
    ),
    pytest.param(
        # 2024 notice: 中秋 09-15..09-17, 09-14 (Sat) worked; 国庆 10-01..10-07, 09-29 (Sun)
        # and 10-12 (Sat) worked. Received Fri 09-13. 09-14 Sat make-up (1); 09-15..17 off;
        # 09-18..20 (2-4); 09-23..27 (5-9); 09-29 Sun make-up (10); 09-30 (11); 10-01..07 off;
        # 10-08..11 (12-15); 10-12 Sat make-up (16); 10-14..17 (17-20).
        D(2024, 9, 13),
        D(2024, 10, 17),
        id="2024-mid-autumn-and-national-day",
    ),
    pytest.param(
        # 2025 notice: 国庆、中秋 10-01..10-08; 09-28 (Sun) and 10-11 (Sat) worked.
        # Received Fri 09-26. 09-28 Sun make-up (1); 09-29 (2), 09-30 (3); 10-01..08 off;
        # 10-09 (4), 10-10 (5), 10-11 Sat make-up (6); 10-13..17 (7-11); 10-20..24 (12-16);
        # 10-27..30 (17-20).
        D(2025, 9, 26),
        D(2025, 10, 30),
        id="2025-national-day-mid-autumn",
    ),
    pytest.param(
        # 2026 notice: 元旦 01-01..01-03; 01-04 (Sun) worked. Received Wed 2025-12-31.
        # 01-01..03 off; 01-04 Sun make-up (1); 01-05..09 (2-6); 01-12..16 (7-11);
        # 01-19..23 (12-16); 01-26..29 (17-20).
        D(2025, 12, 31),
        D(2026, 1, 29),
        id="2026-new-year-across-years",
    ),
    pytest.param(
        # 2026 notice: 春节 02-15..02-23; 02-14 (Sat) and 02-28 (Sat) worked.
        # Received Fri 02-13. 02-14 Sat make-up (1); 02-15..23 off; 02-24..27 (2-5);
        # 02-28 Sat make-up (6); 03-02..06 (7-11); 03-09..13 (12-16); 03-16..19 (17-20).
        D(2026, 2, 13),
        D(2026, 3, 19),
        id="2026-spring-festival-nine-days",
    ),
]


@pytest.mark.parametrize(("received", "due"), CASES)
def test_due_date_is_the_twentieth_working_day_after_receipt(received, due):
    assert add_workdays(received, 20) == due


@pytest.mark.parametrize(("received", "due"), CASES)
def test_counting_back_from_the_due_date_gives_twenty(received, due):
    assert workdays_between(received, due) == 20


@pytest.mark.parametrize(("received", "due"), CASES)
def test_explanation_starts_with_the_due_date(received, due):
    assert explain_due_date(received, 20).startswith(f"期限为{due.isoformat()}：")


def test_make_up_saturday_counts_as_a_working_day():
    assert is_workday(D(2021, 10, 9)) is True  # Saturday, 国庆 make-up day
    assert is_workday(D(2021, 10, 16)) is False  # an ordinary Saturday
    assert is_workday(D(2021, 10, 4)) is False  # Monday inside 国庆


def test_zero_working_days_is_the_received_date_itself():
    assert add_workdays(D(2021, 9, 30), 0) == D(2021, 9, 30)


def test_received_on_a_holiday_counts_from_the_next_working_day():
    # Received on 国庆 day 10-03 (Sun) 2021: 10-04..07 off, 10-08 Fri is working day 1.
    assert add_workdays(D(2021, 10, 3), 1) == D(2021, 10, 8)


def test_negative_day_counts_are_refused():
    with pytest.raises(ValueError):
        add_workdays(D(2021, 9, 27), -1)


def test_workdays_between_is_negative_when_end_precedes_start():
    assert workdays_between(D(2021, 10, 29), D(2021, 9, 27)) == -20
