"""Each consistency rule of the spec, on reports built in code (rule ids from the spec §2)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from gongkai.reportformat import template
from gongkai.reportformat.validate import (
    RULES,
    Severity,
    format_findings,
    group_by_section,
    validate,
)
from gongkai.reportformat.values import AgencyLevel, Report

from .factories import build_report


def rules(findings, severity=None):
    return {f.rule for f in findings if severity is None or f.severity is severity}


def valid():
    return build_report(
        outcomes={"disclosed": [3, 1, 0, 0, 0, 0], "unable_not_held": [1, 0, 0, 0, 1, 0]},
        carried_in=[1, 0, 0, 0, 0, 0],
        carried_out=[0, 1, 0, 0, 0, 0],
        appeals=[[1, 0, 0, 1], [0, 0, 0, 0], [0, 0, 0, 0]],
        items={"item1/normative/issued": 2, "item1/normative/in_force": 10},
    )


def test_a_valid_report_has_no_errors_and_no_warnings():
    assert validate(valid()) == []


def test_every_rule_has_a_description():
    for rule in ("R2-1", "R2-2", "R2-3", "R2-4", "R2-5", "R3-1", "R3-2", "R3-3", "R3-4", "R3-5", "R4-1",
                 "R4-2", "R4-3", "T-1", "T-2", "T-3", "X-1", "X-2", "N-1", "N-2", "N-3"):
        assert RULES[rule]


def test_verified_city_sample_balances():
    """regulations-notes §1.5: 14069 + 560 = 13810 + 819; table 四 sums hold."""
    report = build_report(
        outcomes={"disclosed": [13810, 0, 0, 0, 0, 0]},
        carried_in=[560, 0, 0, 0, 0, 0],
        carried_out=[819, 0, 0, 0, 0, 0],
        appeals=[[376, 97, 196, 121], [16, 1, 12, 27], [74, 1, 30, 51]],
        fees=Decimal("316441"),
    )
    assert report.get("table3", "new", "total") == 14069
    assert report.get("table4", "cases", "review.total") == 790
    assert rules(validate(report), Severity.ERROR) == set()


def test_column_balance_r3_1():
    report = valid()
    report.set("table3", "new", "natural", 5)
    report.set("table3", "new", "total", 8)
    findings = validate(report)
    assert [f for f in findings if f.rule == "R3-1" and f.column == "natural"]
    assert [f for f in findings if f.rule == "R3-1" and f.column == "total"]


def test_row_sum_r3_2():
    report = valid()
    report.set("table3", "disclosed", "total", 5)
    [finding] = [f for f in validate(report) if f.rule == "R3-2"]
    assert finding.row == "disclosed" and finding.severity is Severity.ERROR


def test_outcome_sum_r3_3():
    report = valid()
    report.set("table3", "total", "natural", 3)
    report.set("table3", "total", "total", 4)
    assert "R3-3" in rules(validate(report), Severity.ERROR)


def test_negative_and_fractional_counts_r3_4_r2_1_and_fee_r2_2():
    report = valid()
    report.set("table3", "other", "business", -1)
    report.set("item6", "penalty", "decisions", Decimal("1.5"))
    report.set("item8", "fees", "amount", Decimal("-0.5"))
    report.set("item8", "fees", "amount", Decimal("-0.5"))
    findings = validate(report)
    assert {(f.rule, f.code) for f in findings} >= {
        ("R3-4", "negative"), ("R2-1", "not_integer"), ("R2-2", "negative"),
    }


def test_fee_amount_may_be_a_fraction_of_ten_thousand_yuan():
    report = valid()
    report.set("item8", "fees", "amount", Decimal("0.0350"))
    assert validate(report) == []


def test_appeal_group_totals_r4_1_and_negative_r4_2():
    report = valid()
    report.set("table4", "cases", "review.total", 0)
    report.set("table4", "cases", "lawsuit_direct.upheld", -2)
    findings = validate(report)
    assert {f.column for f in findings if f.rule == "R4-1"} == {"review.total", "lawsuit_direct.total"}
    assert "R4-2" in rules(findings, Severity.ERROR)


def test_lawsuit_after_review_without_review_is_a_hint_r4_3():
    report = build_report(appeals=[[0, 0, 0, 0], [0, 0, 0, 0], [1, 0, 0, 0]])
    [finding] = [f for f in validate(report) if f.rule == "R4-3"]
    assert finding.severity is Severity.INFO
    previous = build_report(year=2021, appeals=[[1, 0, 0, 0], [0, 0, 0, 0], [0, 0, 0, 0]])
    assert "R4-3" not in rules(validate(report, previous))


def test_missing_section_heading_variant_and_order_t_2():
    report = valid()
    del report.headings["六"]
    report.headings["五"] = "五、存在的主要问题及改进措施"
    report.source_lines.update({"section/一": 1, "section/二": 5, "section/三": 4})
    findings = validate(report)
    codes = {(f.code, f.section) for f in findings if f.rule == "T-2"}
    assert ("missing_section", "六") in codes
    assert ("heading_variant", "五") in codes
    assert ("section_order", "三") in codes
    severities = {f.code: f.severity for f in findings if f.rule == "T-2"}
    assert severities["heading_variant"] is Severity.WARNING
    assert severities["missing_section"] is Severity.ERROR


def test_missing_row_and_cell_and_label_variant_t_2():
    report = valid()
    for column in template.TABLE3.columns:
        del report.cells[template.cell_key("table3", "withheld_query", column.code)]
    del report.cells["item1/rule/in_force"]
    report.row_labels["item1/normative"] = "规范性文件"
    findings = [f for f in validate(report) if f.rule == "T-2"]
    assert {(f.code, f.row) for f in findings} >= {
        ("missing_row", "withheld_query"), ("missing_cell", "rule"), ("label_variant", "normative"),
    }
    [variant] = [f for f in findings if f.code == "label_variant"]
    assert variant.severity is Severity.WARNING


def test_carry_over_between_years_r3_5():
    previous = valid()
    previous.year = 2021
    report = valid()
    for column in template.TABLE3.columns:  # last year's carry-out is this year's carry-in
        previous.set("table3", "carried_out", column.code, report.value("table3", "carried_in", column.code))
    assert "R3-5" not in rules(validate(report, previous))
    report.set("table3", "carried_in", "natural", 2)
    report.set("table3", "carried_in", "total", 3)
    findings = validate(report, previous)
    assert {f.column for f in findings if f.rule == "R3-5"} == {"natural", "total"}
    assert all(f.severity is Severity.WARNING for f in findings if f.rule == "R3-5")


def test_documents_in_force_chain_across_years_r2_3_and_r2_4():
    previous = valid()
    previous.year = 2021
    previous.set("item1", "normative", "in_force", 8)
    report = valid()  # 8 + 2 issued − 0 repealed = 10 ✓
    assert "R2-3" not in rules(validate(report, previous))
    report.set("item1", "normative", "repealed", 12)
    findings = validate(report, previous)
    assert {"R2-3", "R2-4"} <= rules(findings, Severity.WARNING)


def test_similar_text_to_last_year_t_3():
    text = (
        "本局坚持以公开为常态、不公开为例外，围绕重点领域持续推进政府信息公开工作。"
        "一是加强权力配置信息公开，全面梳理依法行使的行政权力和公共服务职责，及时公开权责清单。"
        "二是加强政策解读，围绕社会关注的高频事项集中发布政策措施及成果实效。"
        "三是规范依申请公开，严格按照法定时限答复，做到件件有回音。"
        "四是强化监督保障，将政务公开纳入年度目标考核，组织业务培训，提升工作人员能力。"
    )
    previous = build_report(year=2021, texts={"一": text, "五": "问题", "六": "未收取信息处理费"})
    report = build_report(texts={"一": text.replace("重点", "关键"), "五": "问题", "六": "未收取信息处理费"})
    assert "T-3" in rules(validate(report, previous))
    fresh = build_report(texts={"一": "2022年本局新建了依申请公开办理系统，实现网上申请、全程留痕。" * 3,
                                "五": "问题", "六": "未收取信息处理费"})
    assert "T-3" not in rules(validate(fresh, previous))


def test_year_must_be_named_n_1():
    report = valid()
    report.title = "平安县人力资源和社会保障局政府信息公开工作年度报告"
    report.texts["一"] = "本局认真贯彻落实条例。"
    assert "N-1" in rules(validate(report))
    report.texts["一"] = "本报告统计期限为2021年1月1日至12月31日。"
    assert [f.code for f in validate(report) if f.rule == "N-1"] == ["year_not_named", "period_year_mismatch"]


def test_wording_of_another_level_n_2():
    report = valid()
    report.texts["五"] = "推动全镇各项工作任务圆满完成。\n做好全县政务公开。"
    report.source_lines["text/五"] = 40
    [finding] = [f for f in validate(report) if f.rule == "N-2"]
    assert finding.line == 40 and "全镇" in finding.message
    town = valid()
    town.level = AgencyLevel.TOWNSHIP
    town.texts["五"] = "推动全镇各项工作任务圆满完成。"
    assert "N-2" not in rules(validate(town))


def test_zero_request_and_appeal_claims_against_the_tables_n_3():
    report = valid()
    report.texts["一"] = "2022年，我局未接到群众要求公开政府信息的申请，亦未发生行政复议和行政诉讼。"
    findings = [f for f in validate(report) if f.rule == "N-3"]
    assert {f.code for f in findings} == {"zero_requests_claim", "zero_appeals_claim"}
    empty = build_report(texts={"一": report.texts["一"], "五": "无", "六": "未收取信息处理费"})
    assert "N-3" not in rules(validate(empty))


def test_numbers_stated_in_text_x_1():
    report = valid()
    report.texts["一"] = "2022年全年共收到政府信息公开申请9件，发生行政复议3件，行政诉讼0件。"
    findings = [f for f in validate(report) if f.rule == "X-1"]
    assert len(findings) == 2  # new total is 6, reviews 2; lawsuits 0 agree
    report.texts["一"] = "2022年全年共收到政府信息公开申请6件，发生行政复议2件。"
    assert "X-1" not in rules(validate(report))


def test_fee_statement_in_section_six_x_2():
    report = valid()
    report.texts["六"] = "无。"
    assert "X-2" in rules(validate(report))


def test_publication_deadline_t_1():
    report = valid()
    assert "T-1" not in rules(validate(report, published_on=date(2023, 1, 31)))
    assert "T-1" in rules(validate(report, published_on=date(2023, 2, 1)))
    report.agency = "平安县人民政府"
    assert "T-1" not in rules(validate(report, published_on=date(2023, 3, 31)))


def test_findings_are_grouped_by_section_in_chinese():
    report = valid()
    report.set("table3", "disclosed", "total", 9)
    del report.headings["六"]
    text = format_findings(validate(report))
    assert "【三、收到和处理政府信息公开申请情况】" in text and "错误 R3-2" in text
    assert list(group_by_section(validate(report))) == ["三", "六"]


def test_report_without_any_number_reports_every_table_missing():
    report = Report()
    findings = validate(report)
    assert {f.table for f in findings if f.code == "missing_table"} == {tb.code for tb in template.TABLES}
    assert {f.section for f in findings if f.code == "missing_section"} == {s.code for s in template.SECTIONS}


def test_previous_report_of_another_agency_is_warned_about():
    previous = build_report(year=2021, agency="西华县财政局")
    findings = validate(build_report(), previous)
    assert [f.code for f in findings if f.rule == "R3-5"] == ["other_agency"]


def test_cells_agree_with_the_platforms_ledger_r2_5():
    report = valid()  # 2 行政规范性文件 issued
    assert validate(report, ledger={"item1/normative/issued": 2}) == []
    [finding] = validate(report, ledger={"item1/normative/issued": 3, "item1/rule/issued": 0})
    assert (finding.rule, finding.row, finding.column) == ("R2-5", "normative", "issued")


def test_fee_statement_agrees_with_fee_records_x_2():
    report = valid()  # section 六: 本年度未收取信息处理费。
    assert validate(report, fees_charged=Decimal("0")) == []
    [finding] = validate(report, fees_charged=Decimal("300"))
    assert (finding.rule, finding.code) == ("X-2", "fee_mismatch")
    report.texts["六"] = "本年度收取信息处理费共计300元。"
    assert validate(report, fees_charged=Decimal("300")) == []
    assert [f.code for f in validate(report, fees_charged=Decimal("0"))] == ["fee_mismatch"]


def test_numbers_stated_across_a_line_break_are_found_with_their_line():
    report = valid()
    report.texts["一"] = "2022年，本局认真落实条例。\n全年共收到政府信息公开申请9\n件，发生行政复\n议2件。"
    report.source_lines["text/一"] = 10
    [finding] = [f for f in validate(report) if f.rule == "X-1"]
    assert finding.line == 11 and "9" in finding.message
