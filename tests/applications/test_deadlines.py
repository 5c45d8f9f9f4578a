"""The due date as a pure function of the log: restart after 补正, each pause, extensions.

Expected dates worked out by hand from the State Council notices. Received 2021-09-27 (Mon):
国庆 10-01..10-07, 10-09 (Sat) a make-up working day, so the 20th working day is 10-29.
"""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gongkai.applications import deadlines
from gongkai.applications.deadlines import Fact, compute
from gongkai.applications.models import EventKind
from gongkai.workdays import is_workday

D = dt.date
RECEIVED = D(2021, 9, 27)


def test_reply_is_due_on_the_20th_working_day_after_receipt():
    result = compute(RECEIVED, [])
    assert result.due_on == D(2021, 10, 29)
    assert result.state == deadlines.RUNNING
    assert "2021-10-29" in result.explanation


def test_correction_notice_must_come_within_7_working_days():
    # 9-28, 9-29, 9-30, 10-08, 10-09 (make-up Saturday), 10-11, 10-12
    assert deadlines.correction_notice_last_day(RECEIVED) == D(2021, 10, 12)


def test_no_reply_due_date_while_waiting_for_the_correction():
    result = compute(RECEIVED, [Fact("correction_requested", D(2021, 9, 29), {"period_end": "2021-10-15"})])
    assert result.due_on is None
    assert result.state == deadlines.AWAITING_CORRECTION
    assert result.wait_until == D(2021, 10, 15)


def test_the_20_days_start_again_from_the_day_the_corrected_application_arrives():
    facts = [
        Fact("correction_requested", D(2021, 9, 29), {"period_end": "2021-10-15"}),
        Fact("correction_received", D(2021, 10, 13)),
    ]
    result = compute(RECEIVED, facts)
    assert result.clock_start == D(2021, 10, 13)
    # 10-14, 10-15, then 10-18 … 11-10 is the 20th working day.
    assert result.due_on == D(2021, 11, 10)
    assert "重新起算" in result.explanation


def test_pauses_before_the_restart_no_longer_count():
    facts = [
        Fact("consultation_started", D(2021, 9, 28), {"party": "third_party"}),
        Fact("consultation_answered", D(2021, 9, 29), {"party": "third_party"}),
        Fact("correction_requested", D(2021, 9, 30), {"period_end": "2021-10-15"}),
        Fact("correction_received", D(2021, 10, 13)),
    ]
    assert compute(RECEIVED, facts).due_on == D(2021, 11, 10)


def test_waiting_for_a_third_party_is_not_counted():
    facts = [
        Fact("consultation_started", D(2021, 10, 11), {"party": "third_party"}),
        Fact("consultation_answered", D(2021, 10, 15), {"party": "third_party"}),
    ]
    result = compute(RECEIVED, facts)
    assert result.paused_days == 4  # 10-12 … 10-15
    assert result.due_on == D(2021, 11, 4)


def test_waiting_for_another_agency_is_not_counted():
    facts = [
        Fact("consultation_started", D(2021, 10, 11), {"party": "other_agency"}),
        Fact("consultation_answered", D(2021, 10, 13), {"party": "other_agency"}),
    ]
    result = compute(RECEIVED, facts)
    assert result.paused_days == 2
    assert result.due_on == D(2021, 11, 2)
    assert "征求其他机关意见" in result.explanation


def test_a_late_answer_pauses_the_clock_only_for_the_15_working_days_of_the_answer_period():
    facts = [
        Fact("consultation_started", D(2021, 10, 11), {"party": "third_party"}),
        Fact("consultation_answered", D(2021, 11, 10), {"party": "third_party"}),
    ]
    result = compute(RECEIVED, facts)
    assert result.pauses[0].limit == D(2021, 11, 1)
    assert result.paused_days == 15
    assert result.due_on == D(2021, 11, 19)


def test_an_open_consultation_shows_the_latest_possible_due_date():
    facts = [Fact("consultation_started", D(2021, 10, 11), {"party": "third_party"})]
    result = compute(RECEIVED, facts)
    assert result.state == deadlines.PAUSED
    assert result.wait_until == D(2021, 11, 1)
    assert result.due_on == D(2021, 11, 19)


def test_waiting_for_the_fee_is_not_counted():
    facts = [
        Fact("fee_notified", D(2021, 10, 11), {"amount": 100}),
        Fact("fee_paid", D(2021, 10, 20)),
    ]
    result = compute(RECEIVED, facts)
    assert result.paused_days == 7  # 10-12 … 10-15, 10-18 … 10-20
    assert result.due_on == D(2021, 11, 9)


def test_the_payment_period_is_20_working_days():
    assert deadlines.fee_payment_due(D(2021, 10, 11)) == D(2021, 11, 8)


def test_overlapping_pauses_count_each_working_day_once():
    facts = [
        Fact("consultation_started", D(2021, 10, 11), {"party": "third_party"}),
        Fact("consultation_started", D(2021, 10, 13), {"party": "other_agency"}),
        Fact("consultation_answered", D(2021, 10, 15), {"party": "third_party"}),
        Fact("consultation_answered", D(2021, 10, 19), {"party": "other_agency"}),
    ]
    result = compute(RECEIVED, facts)
    assert result.paused_days == 6  # 10-12 … 10-15, 10-18, 10-19
    assert result.due_on == D(2021, 11, 8)


def test_an_extension_adds_working_days_and_names_the_approver():
    facts = [Fact("extended", D(2021, 10, 25), {"days": 20, "approved_by": "李主任"})]
    result = compute(RECEIVED, facts)
    assert result.extension_days == 20
    assert result.due_on == D(2021, 11, 26)
    assert "李主任" in result.explanation


def test_received_before_spring_festival():
    # Received 2024-02-08 (Thu): 春节 02-10..02-17, 02-04 (Sun) and 02-18 (Sun) make-up days.
    # 02-09 (1), 02-18 (2), 02-19..23 (3-7), 02-26..03-01 (8-12), 03-04..08 (13-17), 03-11..13.
    assert compute(D(2024, 2, 8), []).due_on == D(2024, 3, 13)


def test_a_year_without_schedule_gives_a_provisional_date_with_the_reason(db):
    # Received Sun 2026-12-20: 12-21..25 (1-5), 12-28..31 (6-9), 2027-01-01 元旦 assumed,
    # 01-04..08 (10-14), 01-11..15 (15-19), 01-18 (20).
    result = compute(D(2026, 12, 20), [])
    assert result.due_on == D(2027, 1, 18)
    assert result.state == deadlines.RUNNING
    assert result.provisional is True
    assert result.provisional_years == (2027,)
    assert result.provisional_reason == "2027 年节假日安排尚未录入"
    assert result.lines[-1].startswith("暂定期限为2027-01-18")


def test_a_deadline_inside_known_years_is_not_provisional():
    result = compute(D(2021, 9, 27), [])
    assert result.provisional is False and result.provisional_reason == ""


def test_a_pause_reaching_into_an_unknown_year_makes_the_deadline_provisional(db):
    # Received 2026-11-02; a fee notice on 12-10 gives 20 working days to pay, which reach
    # into January 2027 (and the due date with them).
    facts = [Fact(EventKind.FEE_NOTIFIED, D(2026, 12, 10))]
    result = compute(D(2026, 11, 2), facts)
    assert result.state == deadlines.PAUSED
    assert result.provisional_years == (2027,)


# --- properties -------------------------------------------------------------------------

receipts = st.dates(min_value=D(2019, 1, 1), max_value=D(2025, 6, 30))


@st.composite
def pauses(draw, received):
    start = received + dt.timedelta(days=draw(st.integers(0, 40)))
    length = draw(st.integers(0, 40))
    answered = draw(st.booleans())
    party = draw(st.sampled_from(["third_party", "other_agency", "fee"]))
    if party == "fee":
        facts = [Fact("fee_notified", start, {})]
        if answered:
            facts.append(Fact("fee_paid", start + dt.timedelta(days=length)))
    else:
        facts = [Fact("consultation_started", start, {"party": party})]
        if answered:
            facts.append(Fact("consultation_answered", start + dt.timedelta(days=length), {"party": party}))
    return facts


@st.composite
def logs(draw):
    received = draw(receipts)
    facts = []
    if draw(st.booleans()):
        facts.append(Fact("extended", received + dt.timedelta(days=draw(st.integers(1, 25))),
                          {"days": draw(st.integers(1, 20))}))
    if draw(st.booleans()):
        facts += draw(pauses(received))
    extra = draw(pauses(received))
    return received, facts, extra


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(logs())
def test_the_due_date_is_always_a_working_day(log):
    received, facts, extra = log
    for events in (facts, facts + extra):
        due = compute(received, events).due_on
        assert due is not None and is_workday(due)
        assert due > received


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(logs())
def test_adding_a_pause_never_brings_the_due_date_forward(log):
    received, facts, extra = log
    # A consultation of the same party cannot overlap itself: give the extra pause its own kind
    # of fact only when the log has none open of that kind.
    before = compute(received, facts).due_on
    after = compute(received, sorted(facts + extra, key=lambda f: f.on)).due_on
    assert after >= before


@pytest.mark.parametrize("n", [0, 1, 5, 20])
def test_extension_moves_the_due_date_by_whole_working_days(n):
    base = compute(RECEIVED, []).due_on
    extended = compute(RECEIVED, [Fact("extended", D(2021, 10, 20), {"days": n})]).due_on
    from gongkai.workdays import workdays_between

    assert workdays_between(base, extended) == n
