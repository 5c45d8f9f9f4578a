"""Numeric rules: non-negative integers (R2-1, R2-2, R3-4, R4-2), the sums of tables 三 and 四
(R3-1, R3-2, R3-3, R4-1, R4-3), the platform's ledger (R2-5) and the rules across years
(R2-3, R2-4, R3-5, with T-3 from `narrative`)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping

from .. import template
from ..values import Number, Report
from .findings import Finding, Severity, _cell_finding, appeal_total, cell_name, fmt, table_name
from .narrative import SIMILARITY_THRESHOLD, text_similarity


def check_ledger(report: Report, ledger: Mapping[str, Number]) -> Iterator[Finding]:
    """R2-5: a cell the platform also counts (e.g. 本年制发件数 from the catalog) agrees."""
    for key, expected in ledger.items():
        table_code, row, column = key.split("/", 2)
        value = report.cells.get(key)
        if value is None or value == expected:
            continue
        table = template.TABLES_BY_CODE[table_code]
        yield _cell_finding(
            report, "R2-5", Severity.WARNING, "ledger_mismatch", table, row, column,
            f"{cell_name(table, row, column)} 为 {fmt(value)}，但系统台账记录为 {fmt(expected)}",
        )



# Non-negative integers (R2-1, R2-2, R3-4, R4-2).

_VALUE_RULES = {"item1": "R2-1", "item5": "R2-1", "item6": "R2-1", "item8": "R2-2",
                "table3": "R3-4", "table4": "R4-2"}


def check_values(report: Report) -> Iterator[Finding]:
    for table in template.TABLES:
        rule = _VALUE_RULES[table.code]
        for row, column in table.cells:
            value = report.get(table.code, row, column)
            if value is None:
                continue
            if value < 0:
                yield _cell_finding(
                    report, rule, Severity.ERROR, "negative", table, row, column,
                    f"{cell_name(table, row, column)} 为 {fmt(value)}，不能为负数",
                )
            elif not table.decimal and not isinstance(value, int) and value != int(value):
                yield _cell_finding(
                    report, rule, Severity.ERROR, "not_integer", table, row, column,
                    f"{cell_name(table, row, column)} 为 {fmt(value)}，件数应为整数",
                )


# Table 三 (R3-1, R3-2, R3-3).


def _has_any(report: Report, table: template.Table) -> bool:
    return report.has_table(table.code)


def column_readable(report: Report, table: str, column: str, rows: Iterable[str]) -> bool:
    """Every cell of `column` in `rows` was read (a row merged into another counts as read: its
    number is in the other row)."""
    unread = report.unread
    if not unread:
        return True
    if table in unread:
        return False
    for row in rows:
        if unread.get(f"{table}/{row}", "merged") != "merged":
            return False
        if template.cell_key(table, row, column) in unread:
            return False
    return True


def check_table3(report: Report) -> Iterator[Finding]:
    table = template.TABLE3
    if not _has_any(report, table):
        return
    code = table.code
    for column in table.columns:
        v = {r.code: report.value(code, r.code, column.code) for r in table.rows}
        left = v[template.ROW_NEW] + v[template.ROW_CARRIED_IN]
        right = v[template.ROW_RESULTS_TOTAL] + v[template.ROW_CARRIED_OUT]
        balance_rows = (template.ROW_NEW, template.ROW_CARRIED_IN, template.ROW_RESULTS_TOTAL, template.ROW_CARRIED_OUT)
        if left != right and column_readable(report, code, column.code, balance_rows):
            yield _cell_finding(
                report, "R3-1", Severity.ERROR, "column_balance", table, template.ROW_RESULTS_TOTAL,
                column.code,
                f"{table_name(table)}“{column.label}”列：第一项 {fmt(v[template.ROW_NEW])} + 第二项 "
                f"{fmt(v[template.ROW_CARRIED_IN])} = {fmt(left)}，但第三项（七）总计 "
                f"{fmt(v[template.ROW_RESULTS_TOTAL])} + 第四项 {fmt(v[template.ROW_CARRIED_OUT])} = {fmt(right)}",
            )
        outcomes = sum((v[c] for c in template.OUTCOME_CODES), 0)
        if outcomes != v[template.ROW_RESULTS_TOTAL] and column_readable(
            report, code, column.code, (*template.OUTCOME_CODES, template.ROW_RESULTS_TOTAL)
        ):
            yield _cell_finding(
                report, "R3-3", Severity.ERROR, "outcome_sum", table, template.ROW_RESULTS_TOTAL,
                column.code,
                f"{table_name(table)}“{column.label}”列：（七）总计为 {fmt(v[template.ROW_RESULTS_TOTAL])}，"
                f"但各项办理结果之和为 {fmt(outcomes)}",
            )
    for row in table.rows:
        if not report.has_row(code, row.code) or not report.readable(code, row.code):
            continue
        parts = sum((report.value(code, row.code, c.code) for c in template.APPLICANT_TYPES), 0)
        total = report.value(code, row.code, template.TOTAL)
        if parts != total:
            yield _cell_finding(
                report, "R3-2", Severity.ERROR, "row_sum", table, row.code, template.TOTAL,
                f"{table_name(table)}“{row.full_label}”行：总计为 {fmt(total)}，"
                f"但六类申请人之和为 {fmt(parts)}",
            )


# Table 四 (R4-1, R4-3).


def check_table4(report: Report, previous: Report | None = None) -> Iterator[Finding]:
    table = template.TABLE4
    if not _has_any(report, table):
        return
    for kind in template.APPEAL_KINDS:
        parts = sum(
            (report.value(table.code, "cases", f"{kind.code}.{r.code}") for r in template.APPEAL_RESULTS), 0
        )
        total = appeal_total(report, kind.code)
        if not all(report.readable(table.code, "cases", f"{kind.code}.{r.code}")
                   for r in (*template.APPEAL_RESULTS, template.APPEAL_TOTAL)):
            continue
        if parts != total:
            name = "·".join([*kind.group, kind.label])
            yield _cell_finding(
                report, "R4-1", Severity.ERROR, "group_sum", table, "cases",
                f"{kind.code}.{template.TOTAL}",
                f"{table_name(table)}“{name}”：总计为 {fmt(total)}，但结果维持、结果纠正、其他结果、"
                f"尚未审结之和为 {fmt(parts)}",
            )
    after_review = appeal_total(report, template.APPEAL_LAWSUIT_AFTER_REVIEW)
    reviews = appeal_total(report, template.APPEAL_REVIEW)
    if previous is not None:
        reviews += appeal_total(previous, template.APPEAL_REVIEW)
    if after_review > 0 and reviews == 0 and report.readable(table.code, "cases"):
        yield _cell_finding(
            report, "R4-3", Severity.INFO, "lawsuit_without_review", table, "cases",
            f"{template.APPEAL_LAWSUIT_AFTER_REVIEW}.{template.TOTAL}",
            f"{table_name(table)}有“复议后起诉”{fmt(after_review)} 件，但没有行政复议记录，请核实",
        )



# Across years (R2-3, R2-4, R3-5, T-3).


def check_previous(report: Report, previous: Report) -> Iterator[Finding]:
    if report.year is not None and previous.year is not None and previous.year != report.year - 1:
        yield Finding(
            "R3-5", Severity.WARNING,
            f"对照的上年报告是{previous.year}年的，不是{report.year - 1}年的", code="not_consecutive",
        )
    if report.agency and previous.agency and report.agency != previous.agency:
        yield Finding(
            "R3-5", Severity.WARNING,
            f"对照的上年报告属于“{previous.agency}”，不是“{report.agency}”", code="other_agency",
        )
    table = template.TABLE3
    if report.has_row(table.code, template.ROW_CARRIED_IN) and previous.has_row(table.code, template.ROW_CARRIED_OUT):
        for column in table.columns:
            now = report.value(table.code, template.ROW_CARRIED_IN, column.code)
            before = previous.value(table.code, template.ROW_CARRIED_OUT, column.code)
            if now != before:
                yield _cell_finding(
                    report, "R3-5", Severity.WARNING, "carry_over", table, template.ROW_CARRIED_IN,
                    column.code,
                    f"“{column.label}”列上年结转 {fmt(now)} 件，但上年报告结转下年度继续办理 "
                    f"{fmt(before)} 件",
                )
    item = template.ITEM_1
    if report.format == template.FORMAT_2021 and previous.format == template.FORMAT_2021:
        for row in item.rows:
            if not (report.has_row(item.code, row.code) and previous.has_row(item.code, row.code)):
                continue
            before = previous.value(item.code, row.code, "in_force")
            issued = report.value(item.code, row.code, "issued")
            repealed = report.value(item.code, row.code, "repealed")
            now = report.value(item.code, row.code, "in_force")
            expected = before + issued - repealed
            if now != expected:
                yield _cell_finding(
                    report, "R2-3", Severity.WARNING, "in_force_continuity", item, row.code,
                    "in_force",
                    f"{row.label}现行有效件数为 {fmt(now)}，按上年现行有效 {fmt(before)} + 本年制发 "
                    f"{fmt(issued)} − 本年废止 {fmt(repealed)} 应为 {fmt(expected)}（如有修订、失效请说明）",
                )
            if repealed > before + issued:
                yield _cell_finding(
                    report, "R2-4", Severity.WARNING, "repealed_too_many", item, row.code,
                    "repealed",
                    f"{row.label}本年废止 {fmt(repealed)} 件，多于上年现行有效 {fmt(before)} 件与本年"
                    f"制发 {fmt(issued)} 件之和",
                )
    ratio = text_similarity(report, previous)
    if ratio >= SIMILARITY_THRESHOLD:
        yield Finding(
            "T-3", Severity.WARNING,
            f"文字部分与上年报告的相似度为 {ratio:.0%}，内容雷同（30号文点名的问题）",
            code="similar_to_previous",
        )

