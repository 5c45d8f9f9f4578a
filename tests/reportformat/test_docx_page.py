"""The annual report's Word file is an A4 official document (GB/T 9704), not US Letter."""

from __future__ import annotations

import io
import random

from gongkai.reportformat.render import render_docx
from gongkai.reportformat.render.docx_page import twips
from tests.docx_a4 import assert_official_a4

from .factories import random_report


def test_the_report_docx_is_a4_with_official_margins_and_page_numbers():
    assert_official_a4(render_docx(random_report(random.Random(3))))


def test_title_is_erhao_xiaobiaosong_and_body_sanhao_fangsong():
    from docx import Document

    report = random_report(random.Random(5))
    document = Document(io.BytesIO(render_docx(report)))
    title = document.paragraphs[0]
    assert title.text == report.title
    assert {r.font.size.pt for r in title.runs} == {22.0}
    body = [p for p in document.paragraphs[1:] if p.paragraph_format.first_line_indent and p.text.strip()]
    assert body and all(r.font.size.pt == 16.0 for p in body for r in p.runs)


def test_twips_of_a4():
    assert (twips(210), twips(297)) == (11906, 16838)
