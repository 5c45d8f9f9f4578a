"""A failure in the middle of publishing or replying leaves nothing half-written: the status is
unchanged, no 索引号 is used up, no audit entry, event, search entry or stored file remains, and
no e-mail is queued. The failure is injected after the first writes of each service."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import time_machine
from django.conf import settings as django_settings

from gongkai import audit
from gongkai.applications import services as applications
from gongkai.applications.models import ApplicationEvent, ReplyFile, Status
from gongkai.applications.services.base import ATTACH, CLOSE
from gongkai.audit.models import AuditEntry
from gongkai.catalog import services as catalog
from gongkai.catalog.models import Attachment, Category, Document, IndexSequence
from gongkai.catalog.models import Status as DocumentStatus
from gongkai.reports import annual_services
from gongkai.reports.models import AnnualReport
from gongkai.search.models import SearchEntry
from tests.applications.factories import SHANGHAI, make_application
from tests.catalog.test_attachments import PDF
from tests.reports.annual_support import *  # noqa: F403
from tests.reports.annual_support import report_at

pytestmark = pytest.mark.django_db


class Injected(Exception):
    """The crash."""


@pytest.fixture
def crash_on(monkeypatch):
    """crash_on(action): audit.record raises when asked to record `action` (all callers)."""
    real = audit.record

    def arm(action: str) -> None:
        def record(**kwargs):
            if kwargs["action"] == action:
                raise Injected(action)
            return real(**kwargs)

        monkeypatch.setattr(audit, "record", record)

    return arm


def _stored_files() -> list[Path]:
    root = Path(django_settings.MEDIA_ROOT)
    return [p for p in root.rglob("*") if p.is_file()] if root.exists() else []


@pytest.fixture
def pending(agency, publisher):
    document = catalog.document_create(agency=agency, actor=publisher, data={
        "title": "关于印发《西华县促进消费实施方案》的通知", "kind": "normative", "topic": "commerce",
        "category": Category.objects.get(slug="policies"), "body": "<p>现将方案印发给你们。</p>",
    })
    return catalog.document_submit(document=document, actor=publisher)


def _assert_still_pending(document) -> None:
    document.refresh_from_db()
    assert document.status == DocumentStatus.PENDING
    assert document.index_no == "" and document.published_at is None
    assert not IndexSequence.objects.filter(agency=document.agency, last_value__gt=0).exists()
    assert not AuditEntry.objects.filter(action=catalog.DOCUMENT_APPROVE).exists()
    assert not SearchEntry.objects.filter(document_id=document.pk).exists()


def test_a_crash_while_auditing_a_publication_publishes_nothing(pending, reviewer, crash_on):
    crash_on(catalog.DOCUMENT_APPROVE)
    with pytest.raises(Injected):
        catalog.document_approve(document=pending, actor=reviewer)
    _assert_still_pending(pending)

    crash_on("none")  # once the fault is gone the same document publishes, with serial 1
    published = catalog.document_approve(document=pending, actor=reviewer)
    assert published.index_no.endswith("-00001")


def test_a_crash_in_search_indexing_publishes_nothing(pending, reviewer, monkeypatch):
    from gongkai.search import signals

    def broken(ids):
        raise Injected("index")

    monkeypatch.setattr(signals.backend, "index_documents", broken)
    with pytest.raises(Injected):
        catalog.document_approve(document=pending, actor=reviewer)
    _assert_still_pending(pending)


def test_a_crash_at_the_end_of_publishing_an_annual_report_leaves_no_document_or_file(
    agency, publisher, supervisor, reviewer, records, crash_on
):
    report = report_at(AnnualReport.Status.APPROVED, agency=agency, publisher=publisher,
                       supervisor=supervisor, reviewer=reviewer)
    documents_before = set(Document.objects.values_list("pk", flat=True))
    files_before = _stored_files()
    crash_on(annual_services.REPORT_PUBLISH)

    with pytest.raises(Injected):
        annual_services.report_publish(report=report, actor=reviewer)

    report.refresh_from_db()
    assert report.status == AnnualReport.Status.APPROVED and report.document is None
    assert set(Document.objects.values_list("pk", flat=True)) == documents_before
    assert not Attachment.objects.exists()
    assert _stored_files() == files_before  # the Word and PDF renderings were removed again
    assert not AuditEntry.objects.filter(action=catalog.DOCUMENT_APPROVE).exists()


@pytest.fixture
def in_progress(agency, make_staff):
    from gongkai.agencies.models import Role

    handler = make_staff(agency, Role.HANDLER, username="crash_handler")
    admin = make_staff(agency, Role.ADMIN, username="crash_admin")
    application = make_application(agency, received_on=dt.date(2021, 9, 27))
    noon = dt.datetime.combine(dt.date(2021, 10, 20), dt.time(12, 0), tzinfo=SHANGHAI)
    with time_machine.travel(noon, tick=False):
        applications.application_assign(application=application, handler=handler, actor=admin)
        yield application, handler


def test_a_crash_while_replying_leaves_the_request_open(
    in_progress, crash_on, django_capture_on_commit_callbacks, mailoutbox
):
    application, handler = in_progress
    crash_on(CLOSE)

    with django_capture_on_commit_callbacks(execute=True) as callbacks, pytest.raises(Injected):
        applications.application_close(application=application, actor=handler,
                                       outcome="disclosed", on=dt.date(2021, 10, 20))

    application.refresh_from_db()
    assert application.status == Status.IN_PROGRESS
    assert (application.outcome, application.closed_on, application.reply_text) == ("", None, "")
    assert not ApplicationEvent.objects.filter(application=application, kind="closed").exists()
    assert not AuditEntry.objects.filter(action=CLOSE).exists()
    assert callbacks == [] and mailoutbox == []
    assert _stored_files() == []


def test_a_crash_after_storing_a_reply_file_leaves_no_file(in_progress, crash_on):
    application, handler = in_progress
    crash_on(ATTACH)

    with pytest.raises(Injected):
        applications.application_attach_file(application=application, actor=handler,
                                             name="答复材料.pdf", data=PDF)

    assert not ReplyFile.objects.exists()
    assert _stored_files() == []
