"""The demo shows 区分处理 (商务局's 部分公开 replies redacted and approved by a second person,
one awaiting approval on an open request) and a disclosure log (issue 18)."""

from __future__ import annotations

import io
from importlib import import_module

import pdfplumber
import pytest

from gongkai.applications.models import PublishedRequest, Redaction, RedactionStatus
from gongkai.demo.redaction import _recipients

pytestmark = pytest.mark.django_db


def test_demo_has_redacted_replies_and_one_awaiting_approval():
    for step in ("agencies", "workdays", "applications", "redaction", "published"):
        import_module(f"gongkai.demo.{step}").load()
    redactions = list(Redaction.objects.select_related("reply_file__application", "approved_by"))
    approved = [r for r in redactions if r.status == RedactionStatus.APPROVED]
    waiting = [r for r in redactions if r.status == RedactionStatus.SUBMITTED]
    assert approved and len(waiting) == 1
    assert not waiting[0].application.is_closed
    for redaction in approved:
        assert redaction.approved_by_id not in redaction.marker_ids()
        with redaction.output.open("rb") as handle, pdfplumber.open(io.BytesIO(handle.read())) as pdf:
            text = "".join(page.extract_text() for page in pdf.pages)
            assert pdf.pages[0].images == []
        for name, id_number, account, _amount in _recipients(redaction.application.pk):
            assert name in text  # names are disclosed, the numbers are not
            assert id_number not in text and account.replace(" ", "") not in text.replace(" ", "")
    # The disclosure log has them, and other closed requests, with no applicant's name.
    published = list(PublishedRequest.objects.select_related("application"))
    assert len(published) > len(approved)
    assert {r.application.pk for r in approved} <= {p.application.pk for p in published}
    for publication in published:
        assert publication.application.applicant_name not in publication.question + publication.reply
    # Loading again changes nothing.
    import_module("gongkai.demo.redaction").load()
    import_module("gongkai.demo.published").load()
    assert Redaction.objects.count() == len(redactions)
    assert PublishedRequest.objects.count() == len(published)
