"""Renderers print the official layout: every label of the template, merged headers, a CJK font."""

from __future__ import annotations

import io
import random
from decimal import Decimal

import pytest
from bs4 import BeautifulSoup

from gongkai.reportformat import template
from gongkai.reportformat.parse import parse_pdf
from gongkai.reportformat.render import (
    CSS,
    render,
    render_docx,
    render_html,
    render_pdf,
    render_text,
)
from gongkai.reportformat.render.layout import format_number

from .factories import random_report

ALL_LABELS = [
    *(s.heading for s in template.SECTIONS), *(tb.title for tb in template.ITEM_TABLES),
    *(r.label for tb in template.TABLES for r in tb.rows if r.label), *template.TABLE3_GROUP_HEADINGS,
    template.TABLE3_NOTE, *template.table_header_labels(template.TABLE3), *template.table_header_labels(template.TABLE4),
    *(c.label for tb in template.ITEM_TABLES for c in tb.columns), "信息内容",
]


@pytest.fixture(scope="module")
def report():
    return random_report(random.Random(11))


def test_text_has_every_official_label(report):
    text = render_text(report)
    for label in ALL_LABELS:
        assert label in text, label


def test_html_has_every_official_label_and_a_cjk_font(report):
    html = render_html(report)
    text = BeautifulSoup(html, "html.parser").get_text()
    for label in ALL_LABELS:
        assert label in text, label
    assert "WenQuanYi Micro Hei" in CSS and "<style>" in html and 'lang="zh-CN"' in html


def test_html_table_three_has_the_official_merged_header(report):
    soup = BeautifulSoup(render_html(report), "html.parser")
    table = soup.select_one("table.requests")
    note = table.find("th", string=template.TABLE3_NOTE)
    assert (note["rowspan"], note["colspan"]) == ("3", "3")
    assert table.find("th", string="申请人情况")["colspan"] == "7"
    assert table.find("th", string="自然人")["rowspan"] == "2"
    assert table.find("th", string="法人或其他组织")["colspan"] == "5"
    assert table.find("th", string="三、本年度办理结果")["rowspan"] == "22"
    assert table.find("th", string="（三）不予公开")["rowspan"] == "8"
    assert table.find("th", string="（六）其他处理")["rowspan"] == "3"
    assert table.find("th", string="一、本年新收政府信息公开申请数量")["colspan"] == "3"
    assert len(table.select("tbody tr")) == 25
    assert all(len(tr.find_all("td")) == 7 for tr in table.select("tbody tr"))


def test_html_table_four_has_two_header_levels_and_fifteen_numbers(report):
    table = BeautifulSoup(render_html(report), "html.parser").select_one("table.appeals")
    assert table.find("th", string="行政复议")["colspan"] == "5"
    assert table.find("th", string="行政诉讼")["colspan"] == "10"
    assert table.find("th", string="未经复议直接起诉")["colspan"] == "5"
    assert len(table.select("tbody td")) == 15


def test_docx_tables_merge_cells_like_the_official_template(report):
    from docx import Document

    document = Document(io.BytesIO(render_docx(report)))
    items, requests, appeals = document.tables
    assert len(requests.rows) == 28 and len(requests.columns) == 10
    assert len(appeals.rows) == 4 and len(appeals.columns) == 15
    xml = requests._tbl.xml
    assert 'w:gridSpan w:val="7"' in xml and 'w:vMerge w:val="restart"' in xml
    assert requests.cell(0, 0).text == template.TABLE3_NOTE
    assert requests.cell(2, 2).text == template.TABLE3_NOTE  # the merged corner
    assert requests.cell(10, 0).text == "三、本年度办理结果"
    assert 'w:eastAsia="仿宋"' in document.element.xml or "仿宋" in document.styles["Normal"].element.xml


def test_pdf_embeds_the_cjk_font_and_reads_back(report):
    data = render_pdf(report)
    assert data.startswith(b"%PDF")
    import pdfplumber

    with pdfplumber.open(io.BytesIO(data)) as pdf:
        fonts = {c["fontname"] for c in pdf.pages[0].chars if c["text"] == "年"}
    assert fonts and all("WenQuanYi" in f for f in fonts)
    parsed = parse_pdf(data)
    assert parsed.findings == []
    assert parsed.report.numbers() == report.numbers()


def test_render_dispatches_and_refuses_unknown_format(report):
    assert render(report, "text") == render_text(report)
    with pytest.raises(ValueError):
        render(report, "xlsx")


def test_amounts_print_with_two_decimals_and_counts_as_integers():
    assert format_number(Decimal("12.5"), True) == "12.50"
    assert format_number(Decimal("0.0345"), True) == "0.03"
    assert format_number(Decimal("66.3845"), True) == "66.38"  # a county's sum of 4-decimal fees
    assert format_number(Decimal("0.0050"), True) == "0.01"  # money rounds half up
    assert format_number(Decimal("316441"), True) == "316441.00"
    assert format_number(None) == "0"
    assert format_number(1234) == "1234"
