"""Property tests: renderings parse back to the same numbers; single changes are caught; the
parser survives anything (at least 10,000 generated inputs across this module)."""

from __future__ import annotations

import random

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gongkai.reportformat import template
from gongkai.reportformat.parse import parse_bytes, parse_docx, parse_html, parse_text
from gongkai.reportformat.render import render_docx, render_html, render_text
from gongkai.reportformat.validate import Severity, validate
from gongkai.reportformat.values import Report

from .factories import random_report, valid_reports
from .messy import messy_text

FAST = settings(deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                       HealthCheck.data_too_large])

TABLE34_KEYS = [k for k in template.ALL_CELL_KEYS if k.startswith(("table3/", "table4/"))]
ITEM1_KEYS = [k for k in template.ALL_CELL_KEYS if k.startswith("item1/")]
deltas = st.integers(-7, 7).filter(bool)


def assert_same_numbers(parsed, report: Report) -> None:
    assert parsed.findings == []
    assert parsed.report.numbers() == report.numbers()


@settings(FAST, max_examples=150)
@given(valid_reports())
def test_generated_reports_are_valid(report):
    assert [f for f in validate(report) if f.severity is Severity.ERROR] == []


@settings(FAST, max_examples=150)
@given(valid_reports())
def test_text_rendering_parses_back_to_identical_numbers(report):
    parsed = parse_text(render_text(report))
    assert_same_numbers(parsed, report)
    assert validate(parsed.report) == validate(report) or not [
        f for f in validate(parsed.report) if f.is_error
    ]


@settings(FAST, max_examples=200)
@given(valid_reports(), st.integers(0, 2**32 - 1))
def test_text_as_agencies_paste_it_parses_back_to_identical_numbers(report, seed):
    text = messy_text(render_text(report), random.Random(seed))
    assert_same_numbers(parse_text(text), report)


@settings(FAST, max_examples=60)
@given(valid_reports())
def test_html_rendering_parses_back_to_identical_numbers(report):
    parsed = parse_html(render_html(report))
    assert_same_numbers(parsed, report)
    assert [f for f in validate(parsed.report) if f.is_error] == []


@settings(FAST, max_examples=25)
@given(valid_reports())
def test_docx_rendering_parses_back_to_identical_numbers(report):
    parsed = parse_docx(render_docx(report))
    assert_same_numbers(parsed, report)
    assert [f for f in validate(parsed.report) if f.is_error] == []


@settings(FAST, max_examples=300)
@given(valid_reports(), st.sampled_from(TABLE34_KEYS), deltas)
def test_changing_any_number_of_table_three_or_four_is_caught(report, key, delta):
    report.cells[key] += delta
    assert [f for f in validate(report) if f.is_error]


@settings(FAST, max_examples=200)
@given(valid_reports(), st.sampled_from(ITEM1_KEYS), deltas)
def test_changing_any_number_of_item_one_is_caught_given_last_year(report, key, delta):
    previous = Report.blank(year=report.year - 1, agency=report.agency)
    for row in template.ITEM_1.rows:
        v = {c: report.value("item1", row.code, c) for c in ("issued", "repealed", "in_force")}
        previous.set("item1", row.code, "in_force", v["in_force"] - v["issued"] + v["repealed"])
    assert not [f for f in validate(report, previous) if f.rule in ("R2-3", "R2-4")]
    report.cells[key] += delta
    assert {f.rule for f in validate(report, previous)} & {"R2-1", "R2-3"}


# --- the parser never raises (5,000 + 4,000 + 1,000 + 500 + 2 × 100 generated inputs) ----------

FRAGMENTS = [
    *(s.heading for s in template.SECTIONS), *(tb.title for tb in template.ITEM_TABLES if tb.title),
    *(r.label for tb in template.TABLES for r in tb.rows), *template.table_header_labels(template.TABLE3),
    *template.table_header_labels(template.TABLE4), template.TABLE3_NOTE, *template.FORMAT_2019_MARKERS, "（六）其他处理",
    "- 4 -", "第 3 页", "0", "-5", "1,234", "１２", "—", "12.50", "2021年", "全乡", "未收到申请",
    "行政复议3件", "\t", "  ", "\n", "\f", "\r\n", "", "案件数量", "信息内容",
]


@settings(FAST, max_examples=5000)
@given(st.text())
def test_parser_never_raises_on_arbitrary_text(text):
    result = parse_text(text)
    assert not [f for f in result.findings if f.rule == "P-2"]


@settings(FAST, max_examples=4000)
@given(st.lists(st.sampled_from(FRAGMENTS) | st.text(max_size=8), max_size=40),
       st.sampled_from(["\t", "\n", " ", "  ", ""]))
def test_parser_never_raises_on_report_like_text(parts, joiner):
    result = parse_text(joiner.join(parts))
    assert not [f for f in result.findings if f.rule == "P-2"]
    validate(result.report)


@settings(FAST, max_examples=1000)
@given(st.lists(st.sampled_from(["<table>", "<tr>", "<td rowspan=2>", "<td colspan='3'>", "</td>",
                                 "</tr>", "</table>", "<p>", "<br>", "<th>", *FRAGMENTS])
                | st.text(max_size=5), max_size=40))
def test_html_parser_never_raises(parts):
    result = parse_html("".join(p if isinstance(p, str) else "".join(p) for p in parts))
    assert not [f for f in result.findings if f.rule == "P-2"]


@settings(FAST, max_examples=500)
@given(st.binary(max_size=300), st.sampled_from(["a.txt", "a.html", "a.docx", "a.pdf", "a"]))
def test_any_bytes_give_a_result(data, name):
    parse_bytes(data, name)


@settings(FAST, max_examples=100)
@given(st.binary(max_size=200))
def test_damaged_pdf_and_word_files_give_a_finding(data):
    for prefix in (b"%PDF-1.7\n", b"PK\x03\x04"):
        result = parse_bytes(prefix + data, "x")
        assert result.findings and result.findings[0].rule in ("P-2", "T-2") or result.report


def test_messy_text_really_is_messy():
    report = random_report(random.Random(3))
    clean = render_text(report)
    messy = messy_text(clean, random.Random(5))
    assert messy != clean
    assert_same_numbers(parse_text(messy), report)


@pytest.mark.parametrize(("seed", "scale", "density"), [(0, 500, 1.0), (5, 250_000, 1.0), (7, 9, 0.2)])
def test_text_copied_out_of_the_pdf_parses_back_to_identical_numbers(seed, scale, density):
    """A PDF reader's copy interleaves wrapped cells; the numbers still land in their rows."""
    import io

    import pdfplumber

    from gongkai.reportformat.render import render_pdf

    report = random_report(random.Random(seed), scale, density)
    with pdfplumber.open(io.BytesIO(render_pdf(report))) as pdf:
        text = "\n".join(page.extract_text() for page in pdf.pages)
    parsed = parse_text(text)
    assert_same_numbers(parsed, report)
    assert [f for f in validate(parsed.report) if f.is_error] == []
