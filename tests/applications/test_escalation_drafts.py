"""The drafted 行政复议申请书 and 投诉书 (issue 18 item 3): offered when a request is overdue,
refused or answered late, filled from the request, served only to whoever follows it."""

from __future__ import annotations

import datetime as dt
import io

import pdfplumber
import pytest
from django.urls import reverse
from docx import Document

from gongkai.applications import escalation, services
from gongkai.reportformat.template import OUTCOME_CODES
from tests.factories import AgencyFactory

from .factories import make_application

D = dt.date
PHONE = "13812345678"


def _url(name: str, application, **kwargs) -> str:
    return reverse(f"applications:{name}", kwargs={"code": application.query_code, **kwargs})


def _follow(client, application) -> None:
    assert client.post(reverse("applications:lookup"),
                       {"code": application.query_code, "phone": PHONE}).status_code == 302


def _docx_text(content: bytes) -> str:
    return "\n".join(p.text for p in Document(io.BytesIO(content)).paragraphs)


def _pdf_text(content: bytes) -> str:
    with pdfplumber.open(io.BytesIO(content)) as pdf:
        text = "".join(page.extract_text() or "" for page in pdf.pages)
    return text.replace("\n", "").replace(" ", "")


@pytest.fixture
def overdue(agency, travel):
    """Received 2026-11-02, due 2026-11-30, unanswered on 2026-12-04."""
    application = make_application(agency, received_on=D(2026, 11, 2),
                                   title="2025年度商贸流通专项资金分配结果")
    travel(D(2026, 12, 4))
    return application


def test_an_overdue_request_offers_both_drafts_with_a_plain_explanation(client, overdue):
    _follow(client, overdue)
    page = client.get(_url("track", overdue)).content.decode()
    assert 'id="escalation"' in page
    assert "本机关未在答复期限（2026-11-30）内答复您的申请。" in page
    assert "向西华县人民政府提出" in page and "2027-01-29" in page  # 11-30 + 60 days
    assert "西华县人民政府办公室" in page
    for kind in ("review", "complaint"):
        for fmt in ("docx", "pdf"):
            assert _url("track_draft", overdue, kind=kind, fmt=fmt) in page


def test_the_review_application_holds_the_requests_facts_in_docx_and_pdf(client, overdue):
    _follow(client, overdue)
    docx = client.get(_url("track_draft", overdue, kind="review", fmt="docx"))
    assert docx.status_code == 200
    assert docx["Content-Type"].startswith("application/vnd.openxmlformats")
    assert "attachment" in docx["Content-Disposition"]
    pdf = client.get(_url("track_draft", overdue, kind="review", fmt="pdf"))
    assert pdf["Content-Type"] == "application/pdf"
    facts = ["行政复议申请书", "申请人：王小明", "河南省周口市西华县人民路8号3单元",
             "被申请人：西华县商务局", overdue.reference, "2026年11月2日",
             "2025年度商贸流通专项资金分配结果", "2026年11月30日", "至今未作出答复",
             "确认被申请人未在法定期限内", "第十一条第（十四）项", "第二十四条第一款第（一）项",
             "此致", "西华县人民政府", "2027年1月29日", "六个月", "2027年5月31日", "__________"]
    for text in (_docx_text(docx.content), _pdf_text(pdf.content)):
        compact = text.replace("\n", "").replace(" ", "")
        for fact in facts:
            assert fact.replace(" ", "") in compact, fact
        assert "13812345678" not in compact  # the phone is left for the applicant to fill
        assert "第四十七条" in compact  # a failure to act: six months from the end of the period


def test_a_refusal_draft_quotes_the_reply_and_the_complaint_goes_to_the_office(
        client, agency, handler, travel):
    application = make_application(agency, received_on=D(2026, 11, 2))
    travel(D(2026, 11, 20))
    services.application_close(application=application, actor=handler, outcome="withheld_process",
                               on=D(2026, 11, 20), reply_text="该信息为局党组会议讨论记录。")
    services.application_record_delivery(application=application, actor=handler,
                                         on=D(2026, 11, 20), method="email")
    travel(D(2026, 11, 23))
    _follow(client, application)
    page = client.get(_url("track", application)).content.decode()
    assert "本机关没有向您公开（全部）所申请的信息。" in page
    review = _docx_text(client.get(_url("track_draft", application, kind="review", fmt="docx")).content)
    assert "撤销被申请人于2026年11月20日作出的《政府信息公开申请答复告知书》" in review
    assert "该信息为局党组会议讨论记录。" in review and "第十六条第二款" in review
    assert "2027年1月19日" in review  # delivered 11-20 + 60 days
    assert "第四十六条" in review and "第四十七条" not in review
    complaint = client.get(_url("track_draft", application, kind="complaint", fmt="pdf"))
    text = _pdf_text(complaint.content)
    assert "政府信息公开工作投诉书" in text and "被投诉机关：西华县商务局" in text
    assert "西华县人民政府办公室" in text and "第五十一条" in text
    assert "该信息为局党组会议讨论记录" in text


def test_nothing_is_offered_for_a_request_answered_in_full_on_time(client, agency, handler, travel):
    application = make_application(agency, received_on=D(2026, 11, 2))
    travel(D(2026, 11, 20))
    services.application_close(application=application, actor=handler, outcome="disclosed",
                               on=D(2026, 11, 20))
    _follow(client, application)
    page = client.get(_url("track", application)).content.decode()
    assert 'id="escalation"' not in page and "行政复议申请书" not in page
    for kind in ("review", "complaint"):
        assert client.get(_url("track_draft", application, kind=kind, fmt="docx")).status_code == 404


def test_a_late_full_answer_is_offered_for_its_lateness(client, agency, handler, travel):
    application = make_application(agency, received_on=D(2026, 11, 2))  # due 2026-11-30
    travel(D(2026, 12, 2))
    services.application_close(application=application, actor=handler, outcome="disclosed",
                               on=D(2026, 12, 2))
    _follow(client, application)
    review = _docx_text(client.get(_url("track_draft", application, kind="review", fmt="docx")).content)
    assert "确认被申请人逾期作出答复的行为违法" in review and "撤销" not in review


def test_a_withdrawn_or_still_running_request_offers_nothing(client, agency, travel):
    running = make_application(agency, received_on=D(2026, 11, 23))
    travel(D(2026, 11, 25))
    _follow(client, running)
    assert client.get(_url("track_draft", running, kind="review", fmt="pdf")).status_code == 404
    client.post(_url("track_withdraw", running))
    assert client.get(_url("track_draft", running, kind="complaint", fmt="pdf")).status_code == 404


def test_the_drafts_are_never_served_without_the_code_and_phone(client, overdue, other_handler,
                                                                client_for):
    url = _url("track_draft", overdue, kind="review", fmt="docx")
    anonymous = client.get(url)
    assert anonymous.status_code == 302
    assert anonymous["Location"].startswith(reverse("applications:lookup"))
    assert client_for(other_handler).get(url).status_code == 302  # staff are no exception
    wrong = client.__class__()
    wrong.post(reverse("applications:lookup"), {"code": overdue.query_code, "phone": "13900000000"})
    assert wrong.get(url).status_code == 302
    assert client.get(_url("track_draft", overdue, kind="nonsense", fmt="docx")).status_code == 302


def test_the_refusal_outcomes_come_from_the_statutory_table():
    assert escalation.REFUSED_OUTCOMES <= set(OUTCOME_CODES)
    assert "partial" in escalation.REFUSED_OUTCOMES
    assert {"withheld_process", "unable_not_held", "declined_repeat"} <= escalation.REFUSED_OUTCOMES
    assert not {"disclosed", "other", "other_no_correction", "other_unpaid_fee"} & escalation.REFUSED_OUTCOMES


@pytest.mark.django_db
def test_the_review_body_follows_article_24():
    province = AgencyFactory(name="河南省人民政府", slug="henan", level="province")
    city = AgencyFactory(name="周口市人民政府", slug="zhoukou", level="city", parent=province)
    county = AgencyFactory(name="西华县人民政府", slug="xh", level="county", parent=city)
    bureau = AgencyFactory(name="西华县教育局", slug="xh-edu", level="department", parent=county)
    loose = AgencyFactory(name="某事业单位", slug="loose", level="other")
    assert escalation.review_body(bureau) == escalation.ReviewBody(
        "西华县人民政府", "第二十四条第一款第（一）项", "西华县人民政府办公室")
    assert escalation.review_body(county).name == "周口市人民政府"
    assert escalation.review_body(city).article == "第二十四条第一款第（二）项"
    assert escalation.review_body(province) == escalation.ReviewBody(
        "河南省人民政府", "第二十四条第二款", "河南省人民政府办公厅")
    assert escalation.review_body(loose).name == ""
