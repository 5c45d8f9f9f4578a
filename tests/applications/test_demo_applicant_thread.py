"""The demo shows the applicant's thread (issue 18): an overdue request whose status page
offers the drafted 行政复议申请书, and a request awaiting 补正 that takes the material online."""

from __future__ import annotations

import datetime as dt
import io
from importlib import import_module

import pytest
import time_machine
from django.contrib.auth import get_user_model
from django.urls import reverse
from docx import Document

from gongkai import demo
from gongkai.applications.models import Application
from gongkai.demo.applicant_thread import CORRECTION_CODE, OVERDUE_CODE

from .factories import SHANGHAI

pytestmark = pytest.mark.django_db


@pytest.mark.skipif("gongkai.demo.applicant_thread" not in demo.STEPS, reason="not installed")
def test_the_demo_has_an_overdue_request_with_its_drafts_and_one_awaiting_correction(client):
    for step in demo.STEPS:
        if step.rsplit(".", 1)[-1] in ("agencies", "applications", "applicant_thread"):
            import_module(step).load()
    # Looked up with the code and the phone, as a reviewer without the account would.
    with time_machine.travel(dt.datetime(2026, 12, 4, 12, tzinfo=SHANGHAI), tick=False):
        for code in (OVERDUE_CODE, CORRECTION_CODE):
            lookup = client.post(reverse("applications:lookup"),
                                 {"code": code, "phone": "13939401234"})
            assert lookup.status_code == 302, code
        overdue = client.get(reverse("applications:track", kwargs={"code": OVERDUE_CODE}))
        page = overdue.content.decode()
        assert 'id="escalation"' in page and "向西华县人民政府提出" in page
        draft = client.get(reverse("applications:track_draft",
                                   kwargs={"code": OVERDUE_CODE, "kind": "review", "fmt": "docx"}))
        text = "\n".join(p.text for p in Document(io.BytesIO(draft.content)).paragraphs)
        assert "行政复议申请书" in text and "申请人：李明" in text and "被申请人：西华县商务局" in text
        awaiting = client.get(reverse("applications:track", kwargs={"code": CORRECTION_CODE}))
        assert 'id="correction"' in awaiting.content.decode()
    # Both are the demo applicant's own: 我的申请 lists them when signed in as `applicant`.
    applicant = get_user_model().objects.get(username="applicant")
    assert set(Application.objects.filter(user=applicant, query_code__in=(
        OVERDUE_CODE, CORRECTION_CODE)).values_list("query_code", flat=True)) == {
        OVERDUE_CODE, CORRECTION_CODE}
