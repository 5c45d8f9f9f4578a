"""The applicant's thread (issue 18 item 3): the status page's timeline, 补正 uploaded online,
and the e-mails when the reply is due soon, overdue or arrives. Through the real views, forms
and services."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse

from gongkai.applications import services
from gongkai.applications.audit_actions import CORRECTION_FILE_DOWNLOAD, CORRECTION_ONLINE
from gongkai.applications.models import (
    ApplicantNotice,
    Application,
    CorrectionFile,
    EventKind,
    NoticeKind,
    Status,
)
from gongkai.audit.models import AuditEntry
from gongkai.workdays import add_workdays
from tests.factories import UserFactory

from .factories import make_application

D = dt.date
PHONE = "13812345678"
PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
PNG = (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00"
       b"\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N\x00"
       b"\x00\x00\x00IEND\xaeB`\x82")


def _url(name: str, application: Application, **kwargs) -> str:
    return reverse(f"applications:{name}", kwargs={"code": application.query_code, **kwargs})


def _follow(client, application: Application) -> None:
    """Pass the look-up with the query code and phone, as an applicant in a new browser does."""
    response = client.post(reverse("applications:lookup"),
                           {"code": application.query_code, "phone": PHONE})
    assert response.status_code == 302


def _upload(client, application, *files, note="所需信息为2021年度的分配结果。"):
    return client.post(_url("track_correction", application),
                       {"files": list(files), "note": note})


@pytest.fixture
def awaiting(agency, handler, travel):
    """A request whose handler asked for 补正 on 2026-11-04 (period until 2026-11-18)."""
    application = make_application(agency, received_on=D(2026, 11, 2), title="商贸流通专项资金分配结果")
    travel(D(2026, 11, 4))
    services.application_assign(application=application, handler=handler, actor=handler)
    services.application_request_correction(
        application=application, actor=handler, on=D(2026, 11, 4), period_end=D(2026, 11, 18),
        items="请写明所需信息的年度。")
    application.refresh_from_db()
    assert application.status == Status.CORRECTION_REQUESTED
    return application


def test_the_correction_notice_mail_says_the_material_can_be_uploaded_online(
        agency, handler, travel, django_capture_on_commit_callbacks):
    application = make_application(agency, received_on=D(2026, 11, 2))
    travel(D(2026, 11, 4))
    with django_capture_on_commit_callbacks(execute=True):
        services.application_request_correction(
            application=application, actor=handler, on=D(2026, 11, 4), period_end=D(2026, 11, 18),
            items="请写明所需信息的年度。")
    [notice] = _applicant_mails(application)
    assert "《补正通知书》" in notice.body and "在线上传补正材料" in notice.body


def test_the_status_page_shows_each_event_with_its_meaning_and_letter(client, awaiting):
    _follow(client, awaiting)
    page = client.get(_url("track", awaiting)).content.decode()
    assert "告知您补正申请" in page
    assert "补正前答复期限不计算" in page  # what the event means, in plain words
    assert _url("track_event_letter", awaiting,
                event_id=awaiting.events.get(kind=EventKind.CORRECTION_REQUESTED).pk, fmt="pdf") in page
    assert 'id="correction"' in page and _url("track_correction", awaiting) in page


def test_an_online_correction_restarts_the_clock_like_a_registered_one(
        client, agency, handler, awaiting, travel, django_capture_on_commit_callbacks):
    # The twin is corrected on paper, registered by the handler the same day.
    twin = make_application(agency, received_on=D(2026, 11, 2))
    travel(D(2026, 11, 4))
    services.application_assign(application=twin, handler=handler, actor=handler)
    services.application_request_correction(application=twin, actor=handler, on=D(2026, 11, 4),
                                            period_end=D(2026, 11, 18), items="请写明年度。")
    travel(D(2026, 11, 10))
    services.application_receive_correction(application=twin, actor=handler, on=D(2026, 11, 10))
    twin.refresh_from_db()

    _follow(client, awaiting)
    with django_capture_on_commit_callbacks(execute=True):
        response = _upload(client, awaiting,
                           SimpleUploadedFile("补正申请.pdf", PDF, content_type="application/pdf"),
                           SimpleUploadedFile("说明.png", PNG, content_type="image/png"))
    assert response.status_code == 302
    awaiting.refresh_from_db()
    assert awaiting.status == Status.IN_PROGRESS
    assert awaiting.due_on == twin.due_on == add_workdays(D(2026, 11, 10), 20)
    event = awaiting.events.get(kind=EventKind.CORRECTION_RECEIVED)
    assert event.on == D(2026, 11, 10) and event.data == {"online": True, "files": 2}
    assert event.actor is None and event.note == "所需信息为2021年度的分配结果。"
    assert sorted(f.original_name for f in event.correction_files.all()) == ["补正申请.pdf", "说明.png"]
    entry = AuditEntry.objects.get(action=CORRECTION_ONLINE)
    assert entry.actor is None and entry.actor_name == "申请人（在线补正）"
    assert [m for m in mail.outbox if m.to == [handler.email]]  # the handler is told
    page = client.get(_url("track", awaiting)).content.decode()
    assert "补正申请.pdf" in page and "（在线提交）" in page
    assert 'id="correction"' not in page  # one 补正 only


def test_the_files_are_for_the_applicant_and_the_agency_only(
        client, awaiting, handler, other_handler, client_for, travel):
    travel(D(2026, 11, 10))
    _follow(client, awaiting)
    _upload(client, awaiting, SimpleUploadedFile("补正申请.pdf", PDF))
    stored = CorrectionFile.objects.get(application=awaiting)
    own = client.get(_url("track_correction_file", awaiting, pk=stored.pk))
    assert own.status_code == 200 and b"".join(own.streaming_content) == PDF

    stranger = client.__class__()
    answer = stranger.get(_url("track_correction_file", awaiting, pk=stored.pk))
    assert answer.status_code == 302 and answer["Location"].startswith(reverse("applications:lookup"))

    staff_url = reverse("applications:correction_file", kwargs={"pk": stored.pk})
    assert client_for(other_handler).get(staff_url).status_code == 403
    staff = client_for(handler)
    assert staff.get(staff_url).status_code == 200
    assert AuditEntry.objects.filter(action=CORRECTION_FILE_DOWNLOAD, actor=handler).count() == 1
    detail = staff.get(awaiting.get_absolute_url()).content.decode()
    assert staff_url in detail and "申请人在线提交" in detail


def test_the_upload_gets_the_same_content_checks_as_every_upload(client, awaiting, travel):
    travel(D(2026, 11, 10))
    _follow(client, awaiting)
    response = _upload(client, awaiting, SimpleUploadedFile("补正.pdf", PNG))
    assert response.status_code == 200
    errors = response.context["correction_form"].non_field_errors().as_data()
    assert [e.code for e in errors] == ["extension_mismatch"]
    assert "与文件内容（PNG）不一致" in response.content.decode()
    response = _upload(client, awaiting, SimpleUploadedFile("补正.exe", b"MZ\x90\x00" * 20))
    assert [e.code for e in response.context["correction_form"].non_field_errors().as_data()] == [
        "unsupported_type"]
    response = _upload(client, awaiting)
    assert response.context["correction_form"].errors["files"] == ["请选择要上传的补正材料。"]
    awaiting.refresh_from_db()
    assert awaiting.status == Status.CORRECTION_REQUESTED
    assert not CorrectionFile.objects.exists()
    assert not awaiting.events.filter(kind=EventKind.CORRECTION_RECEIVED).exists()


def test_only_whoever_follows_the_request_may_upload(client, awaiting, agency, travel):
    travel(D(2026, 11, 10))
    response = _upload(client, awaiting, SimpleUploadedFile("补正.pdf", PDF))
    assert response.status_code == 403
    # Another request's look-up does not open this one.
    other = make_application(agency, received_on=D(2026, 11, 3), phone="13900001111")
    client.post(reverse("applications:lookup"), {"code": other.query_code, "phone": "13900001111"})
    assert _upload(client, awaiting, SimpleUploadedFile("补正.pdf", PDF)).status_code == 403
    assert not CorrectionFile.objects.exists()


def test_the_registered_owner_may_upload_without_the_look_up(client, agency, handler, travel):
    owner = UserFactory(username="owner")
    application = make_application(agency, received_on=D(2026, 11, 2), user=owner)
    travel(D(2026, 11, 4))
    services.application_request_correction(
        application=application, actor=handler, on=D(2026, 11, 4), period_end=D(2026, 11, 18),
        items="请写明年度。")
    client.force_login(owner)
    assert _upload(client, application, SimpleUploadedFile("补正.pdf", PDF)).status_code == 302
    application.refresh_from_db()
    assert application.status == Status.IN_PROGRESS


def test_no_upload_after_withdrawal_or_without_a_correction_notice(client, awaiting, agency, travel):
    travel(D(2026, 11, 6))
    _follow(client, awaiting)
    client.post(_url("track_withdraw", awaiting))
    response = _upload(client, awaiting, SimpleUploadedFile("补正.pdf", PDF))
    assert [e.code for e in response.context["correction_form"].non_field_errors().as_data()] == [
        "application_withdrawn"]
    assert "申请已撤回，不能再提交补正材料。" in response.content.decode()

    running = make_application(agency, received_on=D(2026, 11, 3))
    _follow(client, running)
    response = _upload(client, running, SimpleUploadedFile("补正.pdf", PDF))
    assert [e.code for e in response.context["correction_form"].non_field_errors().as_data()] == [
        "no_correction_pending"]
    assert not CorrectionFile.objects.exists()


def test_uploads_are_rate_limited_per_address(client, awaiting, settings, travel):
    settings.GONGKAI_APPLY_LIMIT_PER_IP = (2, 3600)
    travel(D(2026, 11, 10))
    _follow(client, awaiting)
    for _ in range(2):  # refused for content, but counted
        _upload(client, awaiting, SimpleUploadedFile("补正.pdf", PNG))
    response = _upload(client, awaiting, SimpleUploadedFile("补正.pdf", PDF))
    assert [e.code for e in response.context["correction_form"].non_field_errors().as_data()] == [
        "rate_limited"]
    awaiting.refresh_from_db()
    assert awaiting.status == Status.CORRECTION_REQUESTED


# ---- E-mails to the applicant


def _applicant_mails(application: Application) -> list:
    return [m for m in mail.outbox if m.to == [application.email]]


def test_the_applicant_is_told_once_when_the_reply_is_due_soon_and_once_when_overdue(
        agency, handler, django_capture_on_commit_callbacks):
    application = make_application(agency, received_on=D(2026, 11, 2))  # due 2026-11-30
    assert application.due_on == D(2026, 11, 30)
    for day in ("2026-11-24", "2026-11-26", "2026-11-26"):  # 11-24 is 4 working days before
        with django_capture_on_commit_callbacks(execute=True):
            call_command("applications_remind", date=day, stdout=io.StringIO())
    soon = _applicant_mails(application)
    assert len(soon) == 1 and "即将届满" in soon[0].subject and "2026-11-30" in soon[0].body
    for day in ("2026-12-01", "2026-12-02"):
        with django_capture_on_commit_callbacks(execute=True):
            call_command("applications_remind", date=day, stdout=io.StringIO())
    mails = _applicant_mails(application)
    assert len(mails) == 2 and "已过，尚未答复" in mails[1].subject
    assert "行政复议" in mails[1].body and "西华县人民政府" in mails[1].body
    assert list(ApplicantNotice.objects.values_list("kind", "due_on")) == [
        (NoticeKind.DUE_SOON, D(2026, 11, 30)), (NoticeKind.OVERDUE, D(2026, 11, 30))]


def test_a_moved_due_date_earns_a_new_notice_and_no_address_no_mail(
        agency, handler, travel, django_capture_on_commit_callbacks):
    application = make_application(agency, received_on=D(2026, 11, 2))
    silent = make_application(agency, received_on=D(2026, 11, 2), email="", delivery="pickup")
    with django_capture_on_commit_callbacks(execute=True):
        call_command("applications_remind", date="2026-11-26", stdout=io.StringIO())
    travel(D(2026, 11, 27))
    services.application_extend(application=application, actor=handler, on=D(2026, 11, 27), days=3,
                                approved_by="副局长 李红梅", notified_on=D(2026, 11, 27),
                                reason="需要检索多个年度的档案。")
    application.refresh_from_db()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("applications_remind", date="2026-11-30", stdout=io.StringIO())
    notices = list(application.applicant_notices.values_list("kind", "due_on"))
    assert notices == [(NoticeKind.DUE_SOON, D(2026, 11, 30)),
                       (NoticeKind.DUE_SOON, application.due_on)]
    assert len([m for m in _applicant_mails(application) if "即将届满" in m.subject]) == 2
    assert not silent.applicant_notices.exists()


def test_the_reply_mail_points_to_the_drafted_appeal_when_refused(
        agency, handler, travel, django_capture_on_commit_callbacks):
    application = make_application(agency, received_on=D(2026, 11, 2))
    travel(D(2026, 11, 20))
    with django_capture_on_commit_callbacks(execute=True):
        services.application_close(application=application, actor=handler,
                                   outcome="withheld_process", on=D(2026, 11, 20),
                                   reply_text="该信息为局党组会议讨论记录。")
    [reply] = _applicant_mails(application)
    assert "《答复告知书》" in reply.body and "行政复议申请书" in reply.body



def test_the_correction_material_is_erased_with_the_applicants_details(
        client, awaiting, handler, travel, settings, django_capture_on_commit_callbacks):
    from django.core.files.storage import default_storage

    travel(D(2026, 11, 10))
    _follow(client, awaiting)
    _upload(client, awaiting, SimpleUploadedFile("补正.pdf", PDF))
    services.application_close(application=awaiting, actor=handler, outcome="disclosed",
                               on=D(2026, 11, 10))
    stored = CorrectionFile.objects.get(application=awaiting).file.name
    assert default_storage.exists(stored)
    settings.PERSONAL_DATA_RETENTION_DAYS = 365
    with django_capture_on_commit_callbacks(execute=True):
        call_command("erase_personal_data", "--date", "2028-01-01", stdout=io.StringIO())
    assert not CorrectionFile.objects.filter(application=awaiting).exists()
    assert not default_storage.exists(stored)
    # The log keeps the fact of the 补正 (the clock was computed from it), not the file names.
    event = awaiting.events.get(kind=EventKind.CORRECTION_RECEIVED)
    assert event.data == {"online": True, "files": 1}
