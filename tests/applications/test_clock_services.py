"""The services that move the clock store the due date recomputed from the log, and refuse
what the regulations do not allow (asserted by error code)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from gongkai.applications import services
from gongkai.applications.models import EventKind, Status
from gongkai.audit.models import AuditEntry

from .factories import make_application

D = dt.date


def _code(exc_info) -> str:
    error = exc_info.value
    if hasattr(error, "error_dict"):
        return next(iter(error.error_dict.values()))[0].code
    return error.error_list[0].code


def test_received_request_is_due_on_the_20th_working_day(application):
    assert application.due_on == D(2021, 10, 29)
    assert application.events.get().kind == EventKind.RECEIVED


def test_correction_restarts_the_clock(application, handler, travel):
    travel(D(2021, 10, 13))
    services.application_request_correction(
        application=application, actor=handler, on=D(2021, 9, 29), period_end=D(2021, 10, 15),
        items="请说明所需信息的年份")
    application.refresh_from_db()
    assert application.status == Status.CORRECTION_REQUESTED
    assert application.due_on is None and application.wait_until == D(2021, 10, 15)
    services.application_receive_correction(application=application, actor=handler, on=D(2021, 10, 13))
    application.refresh_from_db()
    assert application.status == Status.IN_PROGRESS
    assert application.due_on == D(2021, 11, 10)


def test_correction_is_notified_once_only(application, handler, travel):
    travel(D(2021, 10, 13))
    services.application_request_correction(
        application=application, actor=handler, on=D(2021, 9, 29), period_end=D(2021, 10, 8), items="x")
    services.application_receive_correction(application=application, actor=handler, on=D(2021, 10, 8))
    with pytest.raises(ValidationError) as info:
        services.application_request_correction(
            application=application, actor=handler, on=D(2021, 10, 11), period_end=D(2021, 10, 15),
            items="y")
    assert _code(info) == "correction_already_requested"


def test_correction_after_7_working_days_is_refused(application, handler, travel):
    travel(D(2021, 10, 20))
    with pytest.raises(ValidationError) as info:
        services.application_request_correction(
            application=application, actor=handler, on=D(2021, 10, 13), period_end=D(2021, 10, 20),
            items="x")
    assert _code(info) == "correction_too_late"


def test_extension_is_at_most_20_working_days_and_records_the_approver(application, handler, travel):
    travel(D(2021, 10, 25))
    services.application_extend(
        application=application, actor=handler, on=D(2021, 10, 25), days=15,
        approved_by="办公室主任 李华", notified_on=D(2021, 10, 25), reason="涉及多个年度资料")
    application.refresh_from_db()
    event = application.events.get(kind=EventKind.EXTENDED)
    assert event.data["approved_by"] == "办公室主任 李华"
    assert application.due_on == D(2021, 11, 19)  # 35 working days
    entry = AuditEntry.objects.get(action="applications.extend")
    assert entry.data["approved_by"] == "办公室主任 李华"
    with pytest.raises(ValidationError) as info:
        services.application_extend(
            application=application, actor=handler, on=D(2021, 10, 25), days=6,
            approved_by="李华", notified_on=D(2021, 10, 25), reason="再延长")
    assert _code(info) == "extension_too_long"


def test_extension_after_the_due_date_is_refused(application, handler, travel):
    travel(D(2021, 11, 2))
    with pytest.raises(ValidationError) as info:
        services.application_extend(
            application=application, actor=handler, on=D(2021, 11, 1), days=5,
            approved_by="李华", notified_on=D(2021, 11, 1), reason="迟了")
    assert _code(info) == "extension_too_late"


@pytest.mark.parametrize(("party", "answered", "due"), [
    ("third_party", D(2021, 10, 15), D(2021, 11, 4)),
    ("other_agency", D(2021, 10, 13), D(2021, 11, 2)),
])
def test_consultation_time_is_not_counted(application, handler, travel, party, answered, due):
    travel(D(2021, 10, 20))
    services.application_start_consultation(
        application=application, actor=handler, on=D(2021, 10, 11), party=party,
        consulted="西华县某商贸有限公司")
    application.refresh_from_db()
    assert application.status == Status.CONSULTING
    assert application.wait_until == D(2021, 11, 1)
    services.application_end_consultation(application=application, actor=handler, on=answered)
    application.refresh_from_db()
    assert application.status == Status.IN_PROGRESS
    assert application.due_on == due
    assert application.wait_until is None


def test_fee_time_is_not_counted_and_payment_resumes_the_clock(application, handler, travel):
    travel(D(2021, 10, 20))
    services.application_notify_fee(
        application=application, actor=handler, on=D(2021, 10, 11), method="per_page", pages=120)
    application.refresh_from_db()
    notice = application.events.get(kind=EventKind.FEE_NOTIFIED)
    assert notice.data["amount"] == 700 + 20 * 20
    assert application.status == Status.AWAITING_FEE
    services.application_record_payment(application=application, actor=handler, on=D(2021, 10, 20))
    application.refresh_from_db()
    assert application.due_on == D(2021, 11, 9)


def test_fee_per_application_counts_the_applicants_month(agency, handler, travel):
    made = [make_application(agency, received_on=D(2021, 3, 1 + i // 3), id_number="11010519491231002X")
            for i in range(11)]
    travel(D(2021, 3, 10))
    with pytest.raises(ValidationError) as info:
        services.application_notify_fee(
            application=made[9], actor=handler, on=D(2021, 3, 10), method="per_application")
    assert _code(info) == "fee_not_due"
    services.application_notify_fee(
        application=made[10], actor=handler, on=D(2021, 3, 10), method="per_application")
    notice = made[10].events.get(kind=EventKind.FEE_NOTIFIED)
    assert notice.data["amount"] == 100 and notice.data["position"] == 11


def test_fee_is_notified_once_and_by_one_standard(application, handler, travel):
    travel(D(2021, 10, 20))
    services.application_notify_fee(
        application=application, actor=handler, on=D(2021, 10, 11), method="per_page", pages=40)
    services.application_record_payment(application=application, actor=handler, on=D(2021, 10, 12))
    with pytest.raises(ValidationError) as info:
        services.application_notify_fee(
            application=application, actor=handler, on=D(2021, 10, 13), method="per_page", pages=40)
    assert _code(info) == "fee_already_notified"


def test_events_are_audited(application, handler, agency_admin, travel):
    travel(D(2021, 10, 20))
    services.application_assign(application=application, handler=handler, actor=agency_admin)
    services.application_close(application=application, actor=handler, outcome="disclosed",
                               on=D(2021, 10, 20))
    services.application_record_delivery(application=application, actor=handler,
                                         on=D(2021, 10, 20),
                                         method="email")
    actions = set(AuditEntry.objects.values_list("action", flat=True))
    assert {"applications.assign", "applications.close", "applications.deliver"} <= actions


def test_a_supervisor_cannot_act(application, supervisor, travel):
    travel(D(2021, 10, 20))
    with pytest.raises(PermissionDenied):
        services.application_close(application=application, actor=supervisor, outcome="disclosed",
                                   on=D(2021, 10, 20))


def test_withdrawal_closes_as_other(application, handler, travel):
    travel(D(2021, 10, 20))
    services.application_withdraw(application=application, actor=handler, on=D(2021, 10, 12),
                                  note="申请人来电撤回")
    application.refresh_from_db()
    assert application.status == Status.CLOSED and application.outcome == "other"
    assert application.events.filter(kind=EventKind.WITHDRAWN).exists()


def test_a_year_without_schedule_gives_a_provisional_due_date_shown_as_such(
        agency, handler, client, travel):
    # Received Mon 2026-12-21, 2027 unknown: 12-22..31 (1-8), 01-01 元旦 assumed, 01-04..19.
    application = make_application(agency, received_on=D(2026, 12, 21))
    assert application.due_on == D(2027, 1, 19)
    assert application.due_on_provisional is True
    assert application.provisional_reason == "2027 年节假日安排尚未录入"
    travel(D(2026, 12, 22))
    client.force_login(handler)
    page = client.get(application.get_absolute_url()).content.decode()
    assert "暂定" in page and "2027 年节假日安排尚未录入" in page
    assert "无法计算" not in page
    queue = client.get("/requests/staff/").content.decode()
    assert "2027-01-19" in queue and "暂定" in queue and "无法计算" not in queue


def test_acts_in_december_work_on_provisional_dates(agency, handler, client, travel):
    """补正 within 7 working days and an extension, both across the unknown year end."""
    application = make_application(agency, received_on=D(2026, 12, 24))
    travel(D(2026, 12, 28))
    client.force_login(handler)
    url = f"/requests/staff/{application.pk}/act/correction-request/"
    r = client.post(url, {"on": "2026-12-28", "period_end": "2027-01-08", "items": "请补充"})
    assert r.status_code == 302, r.content.decode()
    application.refresh_from_db()
    assert application.status == Status.CORRECTION_REQUESTED


def test_an_extension_in_december_lengthens_the_provisional_date(agency, handler, travel):
    application = make_application(agency, received_on=D(2026, 12, 1))
    assert application.due_on == D(2026, 12, 29) and application.due_on_provisional is False
    travel(D(2026, 12, 21))
    services.application_extend(application=application, actor=handler, on=D(2026, 12, 21),
                                days=10, approved_by="李主任", notified_on=D(2026, 12, 21),
                                reason="需要检索多个年度的档案")
    application.refresh_from_db()
    # 12-30, 12-31 (21-22), 01-01 元旦 assumed, 01-04..08 (23-27), 01-11..13 (28-30).
    assert application.due_on == D(2027, 1, 13)
    assert application.due_on_provisional is True


def test_the_daily_command_recomputes_provisional_due_dates_once_the_year_is_known(agency):
    """A schedule that arrives without the calendar's services (a newer chinesecalendar, a
    row written by hand) is picked up by the daily command."""
    from django.core.management import call_command

    from gongkai.workdays.models import CalendarDay, CalendarYear

    application = make_application(agency, received_on=D(2026, 12, 21))
    assert application.due_on == D(2027, 1, 19) and application.due_on_provisional is True
    # TEST schedule, not the official notice: 元旦 01-01 and a bridging Monday 01-04 off.
    year = CalendarYear.objects.create(year=2027, notice="测试", is_complete=True)
    for day in (D(2027, 1, 1), D(2027, 1, 4)):
        CalendarDay.objects.create(calendar_year=year, date=day, kind="holiday",
                                   holiday="new_years_day")
    call_command("applications_remind", date="2026-12-22")
    application.refresh_from_db()
    # 12-22 … 12-31 are 8 working days, 01-01 and 01-04 off, 01-05 … 01-20 the other 12.
    assert application.due_on == D(2027, 1, 20)
    assert application.due_on_provisional is False and application.provisional_reason == ""


def test_a_closed_request_cannot_be_closed_again_with_another_outcome(application, handler, travel):
    """The workflow table had an implicit self-loop: closing again rewrote outcome and date."""
    travel(D(2021, 10, 21))
    services.application_close(application=application, actor=handler, outcome="disclosed",
                               on=D(2021, 10, 20))
    with pytest.raises(ValidationError) as info:
        services.application_close(application=application, actor=handler, outcome="withheld_law",
                                   on=D(2021, 10, 21))
    assert _code(info) == "invalid_transition"
    application.refresh_from_db()
    assert (application.outcome, application.closed_on) == ("disclosed", D(2021, 10, 20))
    assert AuditEntry.objects.filter(action="applications.close").count() == 1


def test_a_second_fee_notice_or_correction_keeps_its_own_refusal(application, handler, travel):
    travel(D(2021, 10, 13))
    services.application_request_correction(
        application=application, actor=handler, on=D(2021, 9, 29), period_end=D(2021, 10, 15), items="x")
    with pytest.raises(ValidationError) as info:
        services.application_request_correction(
            application=application, actor=handler, on=D(2021, 9, 30), period_end=D(2021, 10, 15), items="y")
    assert _code(info) == "correction_already_requested"
