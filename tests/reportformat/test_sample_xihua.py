"""The sample report the project started from: every defect found, every number recovered."""

from __future__ import annotations

import pytest

from gongkai.reportformat.parse import parse_file
from gongkai.reportformat.validate import Severity, has_errors, validate

from .factories import SAMPLE


@pytest.fixture(scope="module")
def parsed():
    return parse_file(SAMPLE)


@pytest.fixture(scope="module")
def findings(parsed):
    return parsed.findings + validate(parsed.report)


def _find(findings, **attrs):
    return [f for f in findings if all(getattr(f, k) == v for k, v in attrs.items())]


def test_reads_title_year_agency_and_level(parsed):
    report = parsed.report
    assert report.year == 2021
    assert report.agency == "西华县商务局"
    assert report.level == "county"
    assert parsed.findings == []  # nothing it could not place


def test_extracts_the_rule_row_and_the_negative_repeal(parsed):
    report = parsed.report
    assert [report.get("item1", "rule", c) for c in ("issued", "repealed", "in_force")] == [0, 0, 0]
    assert [report.get("item1", "normative", c) for c in ("issued", "repealed", "in_force")] == [
        0, -5, 0,
    ]
    assert report.get("item5", "licensing", "decisions") == 0


def test_extracts_the_fifteen_zeros_of_table_four(parsed):
    cells = {k: v for k, v in parsed.report.cells.items() if k.startswith("table4/")}
    assert len(cells) == 15
    assert set(cells.values()) == {0}


def test_negative_repeal_count_is_an_error_on_its_line(findings):
    [finding] = _find(findings, rule="R2-1", code="negative")
    assert finding.severity is Severity.ERROR
    assert (finding.table, finding.row, finding.column) == ("item1", "normative", "repealed")
    assert finding.line == 52
    assert "-5" in finding.message


def test_item_six_table_without_rows(findings):
    [finding] = _find(findings, code="empty_table", table="item6")
    assert finding.severity is Severity.ERROR
    assert finding.line == 56


def test_item_eight_table_missing(findings):
    [finding] = _find(findings, code="missing_table", table="item8")
    assert finding.is_error


def test_section_three_and_its_table_missing(findings):
    assert _find(findings, code="missing_section", section="三")
    assert _find(findings, code="missing_table", table="table3")


def test_section_four_heading_and_table_headings_missing(findings):
    assert _find(findings, code="missing_section", section="四")
    [headers] = _find(findings, code="headers_missing", table="table4")
    assert headers.is_error
    for label in ("行政复议", "行政诉讼", "未经复议直接起诉", "复议后起诉"):
        assert label in headers.message


def test_township_wording_in_a_county_bureau_report(findings):
    wording = _find(findings, rule="N-2")
    assert {f.message.split("“")[1][:2] for f in wording} == {"全乡", "全镇"}
    assert {f.line for f in wording} == {78}
    assert all(f.section == "五" for f in wording)


def test_no_other_errors_than_the_defects(findings):
    errors = {(f.rule, f.code, f.table or f.section) for f in findings if f.is_error}
    assert errors == {
        ("R2-1", "negative", "item1"),
        ("T-2", "empty_table", "item6"),
        ("T-2", "missing_table", "item8"),
        ("T-2", "missing_section", "三"),
        ("T-2", "missing_table", "table3"),
        ("T-2", "missing_section", "四"),
        ("T-2", "headers_missing", "table4"),
    }
    assert has_errors(findings) is True
