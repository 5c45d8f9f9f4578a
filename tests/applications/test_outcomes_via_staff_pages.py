"""Every outcome of table 三 can be reached through the staff pages, and the letter follows it."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.urls import reverse

from gongkai.applications.legal import OUTCOME_TEXTS
from gongkai.applications.models import Application, EventKind, Status
from gongkai.reportformat.template import OUTCOME_CODES
from tests.docx_a4 import assert_official_a4

D = dt.date


def _act(client, application, action, data):
    url = reverse("applications:act", kwargs={"pk": application.pk, "action": action})
    return client.post(url, {k: (v.isoformat() if isinstance(v, dt.date) else v) for k, v in data.items()})


def _prepare(client, application, outcome, travel):
    """Bring the request into the state the outcome needs, through the pages; return reply day."""
    if outcome in ("other_no_correction", "unable_unclear"):
        travel(D(2021, 9, 29))
        r = _act(client, application, "correction-request",
                 {"on": D(2021, 9, 29), "period_end": D(2021, 10, 8), "items": "请写明所需信息的年份"})
        assert r.status_code == 302, r.content.decode()
        if outcome == "unable_unclear":
            travel(D(2021, 10, 8))
            r = _act(client, application, "correction-receive", {"on": D(2021, 10, 8), "note": ""})
            assert r.status_code == 302
            travel(D(2021, 10, 20))
            return D(2021, 10, 20)
        travel(D(2021, 10, 20))
        return D(2021, 10, 20)
    if outcome == "other_unpaid_fee":
        travel(D(2021, 10, 8))
        r = _act(client, application, "fee-notify",
                 {"on": D(2021, 10, 8), "method": "per_page", "pages": "31"})
        assert r.status_code == 302, r.content.decode()
        travel(D(2021, 11, 10))
        return D(2021, 11, 10)
    travel(D(2021, 10, 20))
    return D(2021, 10, 20)


@pytest.mark.parametrize("outcome", OUTCOME_CODES)
def test_every_outcome_is_reachable_through_the_staff_pages(outcome, application, handler,
                                                            client_for, travel):
    client = client_for(handler)
    day = _prepare(client, application, outcome, travel)
    detail = client.get(application.get_absolute_url())
    assert detail.status_code == 200
    assert reverse("applications:act", kwargs={"pk": application.pk, "action": "close"}) in detail.content.decode()
    r = _act(client, application, "close",
             {"outcome": outcome, "on": day, "reply_text": "具体答复内容如下。"})
    assert r.status_code == 302, r.content.decode()
    application.refresh_from_db()
    assert application.status == Status.CLOSED
    assert application.outcome == outcome
    assert application.closed_on == day
    assert application.events.filter(kind=EventKind.CLOSED).count() == 1

    letter = client.get(reverse("applications:letter", kwargs={"pk": application.pk, "fmt": "docx"}))
    assert letter.status_code == 200
    from docx import Document

    text = "\n".join(p.text for p in Document(io.BytesIO(letter.content)).paragraphs)
    assert OUTCOME_TEXTS[outcome].basis in text
    assert "六十日内" in text and "六个月内" in text
    assert_official_a4(letter.content)


def test_no_correction_cannot_close_before_the_correction_period_ends(application, handler,
                                                                   client_for, travel):
    client = client_for(handler)
    travel(D(2021, 9, 29))
    _act(client, application, "correction-request",
         {"on": D(2021, 9, 29), "period_end": D(2021, 10, 15), "items": "请补充"})
    travel(D(2021, 10, 12))
    r = _act(client, application, "close",
             {"outcome": "other_no_correction", "on": D(2021, 10, 12), "reply_text": ""})
    assert r.status_code == 200
    assert r.context["form"].errors["outcome"].as_data()[0].code == "correction_period_running"
    assert Application.objects.get(pk=application.pk).status == Status.CORRECTION_REQUESTED


def test_unpaid_fee_cannot_close_while_the_payment_period_runs(application, handler, client_for,
                                                               travel):
    client = client_for(handler)
    travel(D(2021, 10, 8))
    _act(client, application, "fee-notify", {"on": D(2021, 10, 8), "method": "per_page", "pages": "150"})
    r = _act(client, application, "close",
             {"outcome": "other_unpaid_fee", "on": D(2021, 10, 8), "reply_text": ""})
    assert r.context["form"].errors["outcome"].as_data()[0].code == "fee_period_running"


def test_a_pdf_letter_names_the_basis_and_the_remedies(application, handler, client_for, travel):
    import pdfplumber

    client = client_for(handler)
    travel(D(2021, 10, 20))
    _act(client, application, "close",
         {"outcome": "withheld_third_party", "on": D(2021, 10, 20), "reply_text": "涉及企业商业秘密。"})
    r = client.get(reverse("applications:letter", kwargs={"pk": application.pk, "fmt": "pdf"}))
    assert r["Content-Type"] == "application/pdf"
    with pdfplumber.open(io.BytesIO(r.content)) as pdf:
        text = "".join(page.extract_text() or "" for page in pdf.pages)
    compact = text.replace("\n", "").replace(" ", "")
    assert "第十五条" in compact
    assert "行政复议" in compact and "行政诉讼" in compact
    assert "涉及企业商业秘密" in compact
