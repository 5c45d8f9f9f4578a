"""补正通知书 and 延期答复告知书 (issue 15 item 5): generated from the log like the reply letter,
DOCX and PDF, listed on the request's timeline for staff and applicant, same permissions."""

from __future__ import annotations

import datetime as dt
import io
from urllib.parse import quote

import pytest
from django.urls import reverse

from gongkai.applications.models import ApplicationEvent, EventKind
from gongkai.audit.models import AuditEntry
from tests.factories import UserFactory

from .factories import make_application

D = dt.date


@pytest.fixture
def applicant(db):
    return UserFactory(username="applicant")


@pytest.fixture
def request_(agency, applicant):
    return make_application(agency, received_on=D(2026, 11, 2), user=applicant,
                            title="2026年度城区道路维修资金使用情况")


def _act(client, application, action, data):
    url = reverse("applications:act", kwargs={"pk": application.pk, "action": action})
    return client.post(url, {k: (v.isoformat() if isinstance(v, dt.date) else v)
                             for k, v in data.items()})


def _docx_text(content: bytes) -> str:
    from docx import Document

    return "\n".join(p.text for p in Document(io.BytesIO(content)).paragraphs)


@pytest.fixture
def corrected(request_, handler, client_for, travel):
    """A 补正 notice sent through the staff page on 2026-11-05."""
    travel(D(2026, 11, 5))
    client = client_for(handler)
    client.post(reverse("applications:act", kwargs={"pk": request_.pk, "action": "assign"}),
                {"handler": handler.pk})
    response = _act(client, request_, "correction-request", {
        "on": D(2026, 11, 5), "period_end": D(2026, 11, 20),
        "items": "请写明所需信息的年份\n请写明道路名称"})
    assert response.status_code == 302, response.content.decode()
    return ApplicationEvent.objects.get(application=request_, kind=EventKind.CORRECTION_REQUESTED)


@pytest.fixture
def extended(request_, handler, client_for, travel):
    """Extended by 10 working days on 2026-11-20, notified the same day."""
    travel(D(2026, 11, 20))
    client = client_for(handler)
    response = _act(client, request_, "extend", {
        "on": D(2026, 11, 20), "days": "10", "approved_by": "李主任",
        "notified_on": D(2026, 11, 20), "reason": "需要调取多个部门的档案"})
    assert response.status_code == 302, response.content.decode()
    return ApplicationEvent.objects.get(application=request_, kind=EventKind.EXTENDED)


def test_correction_notice_lists_the_items_and_the_period(client, corrected, handler, travel):
    travel(D(2026, 12, 4))
    client.force_login(handler)
    detail = client.get(corrected.application.get_absolute_url()).content.decode()
    url = reverse("applications:event_letter",
                  kwargs={"pk": corrected.application_id, "event_id": corrected.pk, "fmt": "docx"})
    assert "补正通知书" in detail and url in detail
    response = client.get(url)
    assert response.status_code == 200
    assert quote("补正通知书") in response["Content-Disposition"]
    text = _docx_text(response.content)
    assert "政府信息公开申请补正通知书" in text
    assert "请写明所需信息的年份" in text and "请写明道路名称" in text
    assert "2026年11月20日前" in text and "视为放弃申请" in text and "第三十条" in text
    assert "2026年11月5日" in text
    pdf = client.get(url.replace(".docx", ".pdf"))
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")


def test_extension_notice_gives_the_days_the_reason_and_the_new_due_date(
        client, request_, handler, extended, travel):
    request_.refresh_from_db()
    travel(D(2026, 12, 4))
    client.force_login(handler)
    url = reverse("applications:event_letter",
                  kwargs={"pk": request_.pk, "event_id": extended.pk, "fmt": "docx"})
    text = _docx_text(client.get(url).content)
    assert "政府信息公开申请延期答复告知书" in text
    assert "延长10个工作日" in text and "需要调取多个部门的档案" in text
    due = request_.due_on
    assert f"延长后的答复期限为{due.year}年{due.month}月{due.day}日" in text
    assert "第三十三条第一款" in text


def test_the_applicant_finds_every_letter_on_the_status_page(
        client, request_, corrected, handler, client_for, travel):
    travel(D(2026, 11, 10))
    staff = client_for(handler)
    assert _act(staff, request_, "correction-receive", {"on": D(2026, 11, 10), "note": ""}).status_code == 302
    assert _act(staff, request_, "extend", {
        "on": D(2026, 11, 10), "days": "5", "approved_by": "李主任",
        "notified_on": D(2026, 11, 10), "reason": "涉及档案较多"}).status_code == 302
    assert _act(staff, request_, "close", {
        "outcome": "disclosed", "on": D(2026, 11, 10), "reply_text": ""}).status_code == 302
    staff.logout()
    client.force_login(request_.user)
    page = client.get(reverse("applications:track", kwargs={"code": request_.query_code})).content.decode()
    for title in ("补正通知书", "延期答复告知书", "答复告知书"):
        assert title in page
    letters = ApplicationEvent.objects.filter(
        application=request_,
        kind__in=[EventKind.CORRECTION_REQUESTED, EventKind.EXTENDED, EventKind.CLOSED])
    assert letters.count() == 3
    mine = client.get(reverse("applications:mine")).content.decode()
    for event in letters:
        url = reverse("applications:track_event_letter",
                      kwargs={"code": request_.query_code, "event_id": event.pk, "fmt": "docx"})
        assert url in page
        assert url.replace(".docx", ".pdf") in mine  # 我的申请 links every letter too
        response = client.get(url)
        assert response.status_code == 200
        assert "河南省周口市西华县人民路8号3单元" in _docx_text(response.content)  # their own address


def test_letters_follow_the_permissions_of_the_reply_letter(
        client, corrected, handler, supervisor, other_handler, publisher):
    kwargs = {"pk": corrected.application_id, "event_id": corrected.pk, "fmt": "docx"}
    url = reverse("applications:event_letter", kwargs=kwargs)
    full_address = "河南省周口市西华县人民路8号3单元"

    def fetch(user):
        client.logout()
        client.force_login(user)
        return client.get(url)

    assert fetch(other_handler).status_code == 403
    assert fetch(publisher).status_code == 403
    masked = fetch(supervisor)
    assert masked.status_code == 200 and full_address not in _docx_text(masked.content)
    before = AuditEntry.objects.filter(action="applications.letter").count()
    full = fetch(handler)
    assert full_address in _docx_text(full.content)
    assert AuditEntry.objects.filter(action="applications.letter").count() == before + 1
    # The applicant's URL asks a stranger's session for the phone number first.
    client.logout()
    code = corrected.application.query_code
    stranger = client.get(reverse("applications:track_event_letter",
                                  kwargs={"code": code, "event_id": corrected.pk, "fmt": "docx"}))
    assert stranger.status_code == 302 and reverse("applications:lookup") in stranger["Location"]


def test_events_that_send_no_letter_have_no_download(client, request_, handler):
    client.force_login(handler)
    received = ApplicationEvent.objects.get(application=request_, kind=EventKind.RECEIVED)
    url = reverse("applications:event_letter",
                  kwargs={"pk": request_.pk, "event_id": received.pk, "fmt": "pdf"})
    assert client.get(url).status_code == 404


def test_the_correction_mail_tells_the_applicant_about_the_letter(
        request_, handler, travel, django_capture_on_commit_callbacks):
    from django.core import mail

    from gongkai.applications import services

    travel(D(2026, 11, 5))
    with django_capture_on_commit_callbacks(execute=True):
        services.application_request_correction(
            application=request_, actor=handler, on=D(2026, 11, 5), period_end=D(2026, 11, 20),
            items="请写明年份")
    [message] = [m for m in mail.outbox if m.to == [request_.email]]
    assert "《补正通知书》" in message.body


def test_my_requests_loads_the_letters_of_a_page_in_fixed_queries(
        client, agency, applicant, handler, travel):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from gongkai.applications import services

    travel(D(2026, 11, 5))
    client.force_login(applicant)
    counts = []
    for batch in (1, 3):
        for _ in range(batch):
            application = make_application(agency, received_on=D(2026, 11, 2), user=applicant)
            services.application_request_correction(
                application=application, actor=handler, on=D(2026, 11, 5),
                period_end=D(2026, 11, 20), items="请写明年份")
        with CaptureQueriesContext(connection) as queries:
            page = client.get(reverse("applications:mine")).content.decode()
        counts.append(len(queries.captured_queries))
    assert page.count("补正通知书") == 4
    assert counts[0] == counts[1]
