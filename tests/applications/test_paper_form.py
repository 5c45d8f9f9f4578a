"""The request on paper: a printable application form (DOCX, PDF) asking what the online form
asks, and the 办理流程图, both linked from the apply page and every agency's 指南."""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET

import pytest
from django.urls import reverse

from gongkai.applications.models import Application, Delivery, InfoForm
from gongkai.reportformat.template import APPLICANT_TYPE_CHOICES, OUTCOME_GROUPS
from tests.docx_a4 import assert_official_a4

pytestmark = pytest.mark.django_db

LABELS = [str(Application._meta.get_field(name).verbose_name) for name in (
    "applicant_type", "applicant_name", "id_type", "id_number", "phone", "email", "address",
    "postal_code", "title", "document_number", "description", "info_form", "delivery")]
OPTIONS = [label for _v, label in APPLICANT_TYPE_CHOICES] + [str(c.label) for c in (*InfoForm, *Delivery)]


def _docx_text(data: bytes) -> str:
    from docx import Document

    document = Document(io.BytesIO(data))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells)


def test_the_word_form_is_a4_and_asks_what_the_online_form_asks(client, agency):
    agency.address, agency.phone = "河南省西华县人民路1号", "0394-2541001"
    agency.save()
    response = client.get(reverse("applications:paper_form", args=["docx"]), {"agency": agency.slug})
    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"]
    assert_official_a4(response.content)
    text = _docx_text(response.content)
    assert "政府信息公开申请表" in text and f"受理机关：{agency.name}" in text
    for label in LABELS + OPTIONS:
        assert label in text, label
    assert "申请人签名（盖章）" in text and "河南省西华县人民路1号" in text and "0394-2541001" in text


def test_the_pdf_form_is_a4_with_the_flow_chart(client):
    import pdfplumber

    response = client.get(reverse("applications:paper_form", args=["pdf"]))
    assert response.status_code == 200 and response.content.startswith(b"%PDF")
    with pdfplumber.open(io.BytesIO(response.content)) as pdf:
        assert all((round(p.width), round(p.height)) == (595, 842) for p in pdf.pages)  # A4 in points
        cells = [cell or "" for page in pdf.pages for table in page.extract_tables()
                 for row in table for cell in row]
        chart = pdf.pages[-1].extract_text() or ""  # the flow chart, drawn as vectors and text
    assert "登记收件" in chart and "行政复议" in chart
    text = "|".join(cell.replace("\n", "") for cell in cells)  # labels wrap inside their cells
    for label in LABELS:
        assert label in text, label


def test_an_unknown_format_or_agency(client):
    assert client.get(reverse("applications:paper_form", args=["xls"])).status_code == 404
    response = client.get(reverse("applications:paper_form", args=["docx"]), {"agency": "nowhere"})
    assert response.status_code == 200 and "受理机关：___" in _docx_text(response.content)


def test_the_flow_chart_is_an_svg_of_every_step_and_outcome(client):
    response = client.get(reverse("applications:flowchart"))
    assert response.status_code == 200 and response["Content-Type"].startswith("image/svg+xml")
    root = ET.fromstring(response.content)
    text = "".join(root.itertext())
    for words in ("登记收件", "告知补正", "征求第三方意见", "20个工作日", "答复告知书", "行政复议", "行政诉讼",
                  "第三十条", "第三十三条"):
        assert words in text, words
    for group in OUTCOME_GROUPS:
        assert group.split("）")[-1] in text


def test_the_apply_page_and_the_guide_link_the_paper_form_and_the_chart(client, agency):
    for url, query in ((reverse("applications:apply"), ""), (reverse("agencies:guide", args=[agency.slug]),
                                                             f"?agency={agency.slug}")):
        html = client.get(url).content.decode()
        assert reverse("applications:paper_form", args=["docx"]) + query in html
        assert reverse("applications:paper_form", args=["pdf"]) + query in html
        assert reverse("applications:flowchart") in html
