"""Issue 14 item 6: staff downloads of reply files are audited, online submissions are in the
audit log, staff request pages and the CSV are never cached, and erasure removes reply files."""

from __future__ import annotations

import datetime as dt
from io import StringIO

import pytest
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.urls import reverse

from gongkai.applications import services
from gongkai.applications.models import Application, ReplyFile
from gongkai.applications.services.intake import ONLINE_APPLICANT
from gongkai.audit.models import AuditEntry

from .factories import make_application
from .test_public_form import form_data

D = dt.date
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture
def closed(agency, handler, travel):
    travel(D(2021, 10, 20))
    application = make_application(agency, received_on=D(2021, 9, 27))
    services.application_assign(application=application, handler=handler, actor=handler)
    services.application_attach_file(application=application, actor=handler, name="张三的答复.pdf", data=PDF)
    services.application_close(application=application, actor=handler, outcome="disclosed",
                               on=D(2021, 10, 20))
    application.refresh_from_db()
    return application


def test_a_staff_download_of_a_reply_file_is_audited(client, closed, supervisor):
    reply_file = closed.files.get()
    client.force_login(supervisor)
    response = client.get(reverse("applications:file", kwargs={"pk": reply_file.pk}))
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF
    entry = AuditEntry.objects.get(action="applications.file_download")
    assert (entry.actor, entry.target_id, entry.data) == (supervisor, str(closed.pk), {"file_id": reply_file.pk})
    assert "张三" not in str(entry.data)  # the file's name may name the applicant


def test_a_refused_download_writes_nothing(client, closed, other_handler):
    client.force_login(other_handler)
    assert client.get(reverse("applications:file", kwargs={"pk": closed.files.get().pk})).status_code == 403
    assert not AuditEntry.objects.filter(action="applications.file_download").exists()


def test_an_online_submission_is_in_the_audit_log_without_the_applicants_name(client, agency):
    assert client.post(reverse("applications:apply"), form_data(agency)).status_code == 302
    application = Application.objects.get()
    entry = AuditEntry.objects.get(action="applications.submit_online")
    assert (entry.actor, entry.actor_name, entry.target_id) == (None, ONLINE_APPLICANT, str(application.pk))
    assert entry.agency == agency
    assert application.applicant_name not in entry.target_repr + str(entry.data)


def test_an_api_submission_is_audited_too(client, agency):
    payload = {k: v for k, v in form_data(agency).items() if k not in ("website", "confirm")}
    payload["agency"] = agency.slug
    response = client.post("/api/v1/requests", payload, content_type="application/json")
    assert response.status_code in (200, 201), response.content
    assert AuditEntry.objects.filter(action="applications.submit_online").count() == 1


@pytest.mark.parametrize("name, kwargs", [
    ("applications:queue", {}),
    ("applications:export", {}),
    ("applications:register", {}),
    ("applications:detail", {"pk": "__closed__"}),
    ("applications:act", {"pk": "__closed__", "action": "deliver"}),
    ("applications:letter", {"pk": "__closed__", "fmt": "pdf"}),
    ("applications:file", {"pk": "__file__"}),
])
def test_staff_request_pages_and_the_csv_are_never_stored(client, closed, handler, name, kwargs):
    values = {"__closed__": closed.pk, "__file__": closed.files.get().pk}
    url = reverse(name, kwargs={k: values.get(v, v) for k, v in kwargs.items()})
    client.force_login(handler)
    response = client.get(url)
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]


def test_erasure_removes_the_reply_files_and_their_stored_content(closed, settings,
                                                                 django_capture_on_commit_callbacks):
    settings.PERSONAL_DATA_RETENTION_DAYS = 365
    reply_file = closed.files.get()
    stored = reply_file.file.name
    assert default_storage.exists(stored)
    out = StringIO()
    call_command("erase_personal_data", "--date", "2023-01-01", "--dry-run", stdout=out)
    assert "（答复附件、补正材料）1 个" in out.getvalue()
    assert ReplyFile.objects.filter(pk=reply_file.pk).exists()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("erase_personal_data", "--date", "2023-01-01", stdout=StringIO())
    assert not ReplyFile.objects.filter(pk=reply_file.pk).exists()
    assert not default_storage.exists(stored)
    entry = AuditEntry.objects.get(action="privacy.erase_personal_data")
    assert entry.data["files_deleted"] == 1
