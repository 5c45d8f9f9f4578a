"""Small text inputs for the parser's rules: how agencies type tables by hand."""

from __future__ import annotations

from decimal import Decimal

from gongkai.reportformat.parse import parse_html, parse_text, sniff_format
from gongkai.reportformat.parse.blocks import is_page_number
from gongkai.reportformat.parse.labels import match_section
from gongkai.reportformat.parse.numbers import parse_number


def test_numbers_as_agencies_type_them():
    assert parse_number("１２") == 12
    assert parse_number("1,234") == 1234
    assert parse_number("—") == 0 and parse_number("") == 0 and parse_number("/") == 0
    assert parse_number("−5") == -5 and parse_number("-5") == -5
    assert parse_number("12.50") == Decimal("12.50")
    assert parse_number("3件") == 3
    assert parse_number("1,2") is None and parse_number("abc") is None


def test_page_numbers_are_recognised_but_not_rows_of_dashes():
    assert is_page_number("- 4 -") and is_page_number("— 12 —") and is_page_number("第 3 页")
    assert not is_page_number("- 0 —") and not is_page_number("— - 0 -")


def test_section_headings_with_variants_and_stray_spaces():
    assert match_section("三、 收到和处理政府信息公开申请情况") == "三"
    assert match_section("四、因政府信息公开申请行政复议、提起行政诉讼情况") == "四"
    assert match_section("一是加强权力配置信息公开。") is None
    assert match_section("二、上年结转政府信息公开申请数量") is None


def test_rows_placed_by_label_not_position():
    text = "\n".join([
        "三、收到和处理政府信息公开申请情况",
        "四、结转下年度继续办理 1 0 0 0 0 0 1",
        "一、本年新收政府信息公开申请数量 5 0 0 0 0 0 5",
    ])
    report = parse_text(text).report
    assert report.get("table3", "new", "total") == 5
    assert report.get("table3", "carried_out", "total") == 1


def test_columns_follow_a_reordered_header():
    text = "\n".join([
        "三、收到和处理政府信息公开申请情况",
        "\t总计\t自然人\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他",
        "一、本年新收政府信息公开申请数量\t9\t7\t2\t0\t0\t0\t0",
    ])
    report = parse_text(text).report
    assert report.get("table3", "new", "total") == 9
    assert report.get("table3", "new", "natural") == 7


def test_unplaced_numbers_become_findings_with_lines():
    text = "三、收到和处理政府信息公开申请情况\n合计 3 4 5\n一、本年新收政府信息公开申请数量 1 0 0 0 0 0 1 9"
    result = parse_text(text)
    assert [(f.code, f.line) for f in result.findings] == [("unplaced", 2), ("extra_values", 3)]


def test_homemade_subtotal_rows_are_reported_not_counted():
    text = "三、收到和处理政府信息公开申请情况\n（三）不予公开\t1\t0\t0\t0\t0\t0\t1\n1.属于国家秘密\t1\t0\t0\t0\t0\t0\t1"
    result = parse_text(text)
    assert result.report.get("table3", "withheld_secret", "natural") == 1
    assert [f.code for f in result.findings] == ["unplaced"]


def test_empty_and_garbage_inputs_give_an_empty_report():
    for text in ("", "\n\n", "\x00\x01", "0 0 0 0 0", "<html>"):
        result = parse_text(text)
        assert result.report.cells == {} or text == "0 0 0 0 0"


def test_html_text_with_line_breaks_keeps_paragraphs():
    html = "<p>一、总体情况</p><p>2022年，本局<br>全年共收到申请3件。</p>"
    report = parse_html(html).report
    assert report.texts["一"] == "2022年，本局\n全年共收到申请3件。"


def test_sniffing_by_content_and_extension():
    assert sniff_format(b"%PDF-1.7") == "pdf"
    assert sniff_format(b"PK\x03\x04...") == "docx"
    assert sniff_format(b"<!DOCTYPE html><html>") == "html"
    assert sniff_format("一、总体情况".encode()) == "text"
    assert sniff_format(b"x", "report.htm") == "html"


def test_homemade_subtotal_column_is_skipped_by_its_header():
    for header in (
        ["\t自然人\t法人或其他组织\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t总计"],
        ["\t自然人\t法人或其他组织\t\t\t\t\t\t总计",
         "\t\t小计\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他"],
    ):
        text = "\n".join([
            "三、收到和处理政府信息公开申请情况", *header,
            "一、本年新收政府信息公开申请数量\t4\t3\t1\t2\t0\t0\t0\t7",
        ])
        result = parse_text(text)
        report = result.report
        assert [report.get("table3", "new", c) for c in
                ("natural", "business", "research", "total")] == [4, 1, 2, 7]
        assert [f.code for f in result.findings] == ["subtotal_column"]


def test_header_label_variants_are_read_and_warned_about():
    from gongkai.reportformat.validate import validate

    text = "\n".join([
        "二、主动公开政府信息情况", "第二十条第（八）项", "信息内容\t本年收费金额（万元）",
        "行政事业性收费\t3.5",
    ])
    report = parse_text(text).report
    assert report.get("item8", "fees", "amount") == Decimal("3.5")
    [finding] = [f for f in validate(report) if f.table == "item8" and f.rule == "T-2"]
    assert (finding.code, finding.severity.value) == ("header_variant", "warning")


def test_page_laid_out_in_an_outer_table_is_read_cell_by_cell():
    from gongkai.reportformat.render import render_fragment

    from .factories import build_report

    report = build_report(outcomes={"disclosed": [2, 1, 0, 0, 0, 0]})
    page = (f"<html><body><table width='980'><tr><td>导航</td></tr><tr><td>{render_fragment(report)}"
            "</td></tr></table></body></html>")
    parsed = parse_html(page)
    assert parsed.findings == []
    assert parsed.report.numbers() == report.numbers()


def test_table_four_written_one_row_per_kind_of_case():
    from gongkai.reportformat.validate import validate

    text = "\n".join([
        "四、政府信息公开行政复议、行政诉讼情况",
        "类别\t结果维持\t结果纠正\t其他结果\t尚未审结\t总计",
        "行政复议\t1\t0\t0\t1\t2",
        "行政诉讼（未经复议直接起诉）\t0\t0\t0\t1\t1",
        "行政诉讼（复议后起诉）\t0\t0\t0\t0\t0",
    ])
    result = parse_text(text)
    report = result.report
    assert report.get("table4", "cases", "review.total") == 2
    assert report.get("table4", "cases", "lawsuit_direct.pending") == 1
    assert len([k for k in report.cells if k.startswith("table4/")]) == 15
    assert [f.code for f in result.findings] == ["transposed_table4"]
    assert not [f for f in validate(report) if f.table == "table4"]
