"""Consistency rules of the annual report, as findings with stable ids.

`validate(report, previous=None)` returns every finding for one report: the arithmetic of the
tables (R2-*, R3-*, R4-*), the structure of the format (T-2), the cross-year rules when last
year's report is given (R2-3, R2-4, R3-5, T-3) and the narrative warnings (N-*, X-*). Rule ids
follow ``shared/spec/regulations-notes.md`` §2; N-* and P-* are ours and listed in `RULES`.
Only R3-1 is printed in the format itself; the others follow from what the tables mean, which
is why the cross-year ones are warnings.

Pure: imports `template` and `values`, never Django or the parser.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import asdict, dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum

from . import template as t
from .values import AgencyLevel, Number, Report


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"
    # A reading notice: what the reader could not recover from this copy (a table it could not
    # read unambiguously, lines it skipped). Never a defect of the report itself.
    NOTICE = "notice"

    @property
    def label(self) -> str:
        return {"error": "错误", "warning": "警告", "info": "提示", "notice": "读取说明"}[self.value]


RULES: dict[str, str] = {
    "R2-1": "第（一）（五）（六）项的数值为非负整数",
    "R2-2": "第（八）项收费金额为非负数（万元）",
    "R2-3": "现行有效件数 = 上年现行有效件数 + 本年制发件数 − 本年废止件数",
    "R2-4": "本年废止件数不超过上年现行有效件数与本年制发件数之和",
    "R2-5": "本年制发、废止件数与系统台账一致",
    "R3-1": "表三每列：第一项 + 第二项 = 第三项（七）总计 + 第四项",
    "R3-2": "表三每行：总计 = 六类申请人之和",
    "R3-3": "表三每列：（七）总计 = 21 个办理结果行之和",
    "R3-4": "表三全部单元格为非负整数",
    "R3-5": "本年“上年结转” = 上年报告“结转下年度继续办理”",
    "R4-1": "表四各组：总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结",
    "R4-2": "表四全部单元格为非负整数",
    "R4-3": "复议后起诉的案件一般应有对应的行政复议",
    "T-1": "部门年报于次年1月31日前公布，政府汇总年报于3月31日前公布",
    "T-2": "六个部分齐全、标题一致、顺序正确；表格、行、表头齐全且与官方一致",
    "T-3": "文字内容与上年报告雷同",
    "X-1": "文字中的数字与表格一致",
    "X-2": "第六部分说明信息处理费收取情况",
    "N-1": "报告写明本报告年度",
    "N-2": "文字不使用其他行政层级的表述（如县级部门写“全乡”“全镇”）",
    "N-3": "“未收到申请”“未发生复议诉讼”等表述与表格一致",
    "P-1": "文件中有无法识别或无法归位的内容",
    "P-2": "文件无法读取",
    "P-3": "报告使用2019年试行格式",
}


@dataclass(frozen=True)
class Finding:
    """One problem: which rule, how bad, where, and what to tell the person who wrote it."""

    rule: str
    severity: Severity
    message: str
    code: str = ""  # what exactly: "negative", "missing_table", … (tests assert on it)
    section: str | None = None  # section code 一 … 六; None for the whole document
    table: str | None = None
    row: str | None = None
    column: str | None = None
    line: int | None = None

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    def to_dict(self) -> dict[str, object]:
        data = asdict(self)
        data["severity"] = self.severity.value
        return data


def has_errors(findings: Iterable[Finding]) -> bool:
    return any(f.is_error for f in findings)


# --- naming places in Chinese ----------------------------------------------------------------


def table_name(table: t.Table) -> str:
    if table.title:
        return table.title
    return f"{t.SECTIONS_BY_CODE[table.section].title}表"


def row_name(table: t.Table, row_code: str) -> str:
    if table.code == t.TABLE4.code:
        return ""
    return table.row(row_code).full_label


def column_name(table: t.Table, column_code: str) -> str:
    column = table.column(column_code)
    if table.code == t.TABLE4.code:
        return "·".join([*column.group, column.label])
    return column.label


def cell_name(table: t.Table, row: str, column: str) -> str:
    parts = [table_name(table), row_name(table, row), column_name(table, column)]
    return " ".join(p for p in parts if p)


def fmt(value: Number) -> str:
    if isinstance(value, Decimal):
        return format(value.normalize(), "f") if value == value.to_integral_value() else str(value)
    return str(value)


# --- the validator --------------------------------------------------------------------------


def validate(
    report: Report,
    previous: Report | None = None,
    *,
    published_on: date | None = None,
    ledger: Mapping[str, Number] | None = None,
    fees_charged: Decimal | None = None,
) -> list[Finding]:
    """All findings for `report`; `previous` is the same agency's report for the year before.

    The keyword arguments carry what the platform knows besides the report: the day it was
    published (T-1), counts kept elsewhere for some cells, keyed like `Report.cells` (R2-5: the
    catalog's documents issued and repealed in the year), and the information processing fees
    actually charged in the year, in 元 (X-2).
    """
    findings: list[Finding] = []
    findings += check_structure(report)
    findings += check_values(report)
    findings += check_table3(report)
    findings += check_table4(report, previous)
    findings += check_narrative(report)
    if previous is not None:
        findings += check_previous(report, previous)
    if published_on is not None:
        findings += check_deadline(report, published_on)
    if ledger is not None:
        findings += check_ledger(report, ledger)
    if fees_charged is not None:
        findings += check_fees(report, fees_charged)
    return findings


def check_ledger(report: Report, ledger: Mapping[str, Number]) -> Iterator[Finding]:
    """R2-5: a cell the platform also counts (e.g. 本年制发件数 from the catalog) agrees."""
    for key, expected in ledger.items():
        table_code, row, column = key.split("/", 2)
        value = report.cells.get(key)
        if value is None or value == expected:
            continue
        table = t.TABLES_BY_CODE[table_code]
        yield _cell_finding(
            report, "R2-5", Severity.WARNING, "ledger_mismatch", table, row, column,
            f"{cell_name(table, row, column)} 为 {fmt(value)}，但系统台账记录为 {fmt(expected)}",
        )


def check_fees(report: Report, fees_charged: Decimal) -> Iterator[Finding]:
    """X-2: what section 六 says about information processing fees agrees with the records."""
    six = report.texts.get("六", "")
    says_none = bool(re.search(r"(?:未|没有|无|不)(?:收取|收缴|收费)", six))
    if fees_charged > 0 and says_none:
        yield Finding(
            "X-2", Severity.WARNING,
            f"第六部分称未收取信息处理费，但系统记录本年收取 {fmt(fees_charged)} 元",
            code="fee_mismatch", section="六", line=report.line_of("text/六"),
        )
    elif fees_charged == 0 and "信息处理费" in six and not says_none:
        yield Finding(
            "X-2", Severity.WARNING, "第六部分提到收取信息处理费，但系统中本年没有收费记录",
            code="fee_mismatch", section="六", line=report.line_of("text/六"),
        )


def _cell_finding(
    report: Report, rule: str, severity: Severity, code: str, table: t.Table, row: str,
    column: str, message: str,
) -> Finding:
    return Finding(
        rule=rule, severity=severity, message=message, code=code, section=table.section,
        table=table.code, row=row, column=column,
        line=report.line_of(t.cell_key(table.code, row, column))
        or report.line_of(f"row/{table.code}/{row}"),
    )


# Non-negative integers (R2-1, R2-2, R3-4, R4-2).

_VALUE_RULES = {"item1": "R2-1", "item5": "R2-1", "item6": "R2-1", "item8": "R2-2",
                "table3": "R3-4", "table4": "R4-2"}


def check_values(report: Report) -> Iterator[Finding]:
    for table in t.TABLES:
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


def _has_any(report: Report, table: t.Table) -> bool:
    return report.has_table(table.code)


def check_table3(report: Report) -> Iterator[Finding]:
    table = t.TABLE3
    if not _has_any(report, table):
        return
    code = table.code
    for column in table.columns:
        v = {r.code: report.value(code, r.code, column.code) for r in table.rows}
        left = v[t.ROW_NEW] + v[t.ROW_CARRIED_IN]
        right = v[t.ROW_RESULTS_TOTAL] + v[t.ROW_CARRIED_OUT]
        if left != right:
            yield _cell_finding(
                report, "R3-1", Severity.ERROR, "column_balance", table, t.ROW_RESULTS_TOTAL,
                column.code,
                f"{table_name(table)}“{column.label}”列：第一项 {fmt(v[t.ROW_NEW])} + 第二项 "
                f"{fmt(v[t.ROW_CARRIED_IN])} = {fmt(left)}，但第三项（七）总计 "
                f"{fmt(v[t.ROW_RESULTS_TOTAL])} + 第四项 {fmt(v[t.ROW_CARRIED_OUT])} = {fmt(right)}",
            )
        outcomes = sum((v[c] for c in t.OUTCOME_CODES), 0)
        if outcomes != v[t.ROW_RESULTS_TOTAL]:
            yield _cell_finding(
                report, "R3-3", Severity.ERROR, "outcome_sum", table, t.ROW_RESULTS_TOTAL,
                column.code,
                f"{table_name(table)}“{column.label}”列：（七）总计为 {fmt(v[t.ROW_RESULTS_TOTAL])}，"
                f"但各项办理结果之和为 {fmt(outcomes)}",
            )
    for row in table.rows:
        if not report.has_row(code, row.code):
            continue
        parts = sum((report.value(code, row.code, c.code) for c in t.APPLICANT_TYPES), 0)
        total = report.value(code, row.code, t.TOTAL)
        if parts != total:
            yield _cell_finding(
                report, "R3-2", Severity.ERROR, "row_sum", table, row.code, t.TOTAL,
                f"{table_name(table)}“{row.full_label}”行：总计为 {fmt(total)}，"
                f"但六类申请人之和为 {fmt(parts)}",
            )


# Table 四 (R4-1, R4-3).


def appeal_total(report: Report, kind: str) -> Number:
    return report.value(t.TABLE4.code, "cases", f"{kind}.{t.TOTAL}")


def check_table4(report: Report, previous: Report | None = None) -> Iterator[Finding]:
    table = t.TABLE4
    if not _has_any(report, table):
        return
    for kind in t.APPEAL_KINDS:
        parts = sum(
            (report.value(table.code, "cases", f"{kind.code}.{r.code}") for r in t.APPEAL_RESULTS), 0
        )
        total = appeal_total(report, kind.code)
        if parts != total:
            name = "·".join([*kind.group, kind.label])
            yield _cell_finding(
                report, "R4-1", Severity.ERROR, "group_sum", table, "cases",
                f"{kind.code}.{t.TOTAL}",
                f"{table_name(table)}“{name}”：总计为 {fmt(total)}，但结果维持、结果纠正、其他结果、"
                f"尚未审结之和为 {fmt(parts)}",
            )
    after_review = appeal_total(report, t.APPEAL_LAWSUIT_AFTER_REVIEW)
    reviews = appeal_total(report, t.APPEAL_REVIEW)
    if previous is not None:
        reviews += appeal_total(previous, t.APPEAL_REVIEW)
    if after_review > 0 and reviews == 0:
        yield _cell_finding(
            report, "R4-3", Severity.INFO, "lawsuit_without_review", table, "cases",
            f"{t.APPEAL_LAWSUIT_AFTER_REVIEW}.{t.TOTAL}",
            f"{table_name(table)}有“复议后起诉”{fmt(after_review)} 件，但没有行政复议记录，请核实",
        )


# Structure (T-2).


def normalise_label(text: str) -> str:
    """Compare labels without spacing, bracket width, digit width or quotation style."""
    text = unicodedata.normalize("NFKC", text)
    text = re.sub(r"\s+", "", text)
    text = re.sub(r"[\"'“”‘’「」『』]", "", text)
    return text.replace("、", ".").replace("．", ".")


def check_structure(report: Report) -> Iterator[Finding]:
    yield from _check_sections(report)
    for table in t.TABLES:
        if report.format == t.FORMAT_2019 and table in t.ITEM_TABLES:
            continue  # the 2019 tables differ; the parser has said so (P-3)
        yield from _check_table_structure(report, table)


_ANCHORS: tuple[str, ...] = (
    "section/一", "section/二", "table/item1", "table/item5", "table/item6", "table/item8",
    "section/三", "table/table3", "section/四", "table/table4", "section/五", "section/六",
)


def _where_missing(report: Report, anchor: str) -> tuple[int | None, str]:
    """For a missing section or table of a parsed report: the line of the next part found
    after where it belongs, and a note saying so ("" for a report not read from a file)."""
    later = _ANCHORS[_ANCHORS.index(anchor) + 1 :]
    lines = [report.source_lines[a] for a in later if a in report.source_lines]
    if anchor.startswith("table/"):  # rows found without a caption still place the table
        table = anchor.split("/", 1)[1]
        rows = [v for k, v in report.source_lines.items() if k.startswith(f"row/{table}/")]
        lines += rows
    if not lines:
        return None, ""
    line = min(lines)
    return line, "（应在此行之前）"


def _check_sections(report: Report) -> Iterator[Finding]:
    previous_line = 0
    previous_code = None
    for section in t.SECTIONS:
        seen = report.headings.get(section.code)
        line = report.line_of(f"section/{section.code}")
        if seen is None:
            where, note = _where_missing(report, f"section/{section.code}")
            yield Finding(
                "T-2", Severity.ERROR, f"缺少第{section.code}部分标题“{section.heading}”{note}",
                code="missing_section", section=section.code, line=where,
            )
            continue
        if normalise_label(seen) != normalise_label(section.heading):
            yield Finding(
                "T-2", Severity.WARNING,
                f"第{section.code}部分标题“{seen}”与官方格式“{section.heading}”不一致",
                code="heading_variant", section=section.code, line=line,
            )
        if line is not None:
            if line < previous_line:
                yield Finding(
                    "T-2", Severity.ERROR,
                    f"第{section.code}部分出现在第{previous_code}部分之前，顺序与官方格式不符",
                    code="section_order", section=section.code, line=line,
                )
            previous_line, previous_code = line, section.code
        if section.narrative and not report.texts.get(section.code, "").strip():
            yield Finding(
                "T-2", Severity.WARNING, f"第{section.code}部分“{section.title}”没有内容",
                code="empty_section", section=section.code, line=line,
            )


def _check_table_structure(report: Report, table: t.Table) -> Iterator[Finding]:
    name = table_name(table)
    title_seen = report.table_titles.get(table.code)
    table_line = report.line_of(f"table/{table.code}")
    if not report.has_table(table.code):
        if title_seen is not None or table_line is not None:
            yield Finding(
                "T-2", Severity.ERROR, f"表格“{name}”没有任何数据行（应有 "
                f"{'、'.join(r.label for r in table.rows) or '1 行'}）",
                code="empty_table", section=table.section, table=table.code, line=table_line,
            )
        else:
            shape = f"{len(table.rows)} 行 × {len(table.columns)} 列"
            where, note = _where_missing(report, f"table/{table.code}")
            yield Finding(
                "T-2", Severity.ERROR, f"缺少表格“{name}”（{shape}）{note}",
                code="missing_table", section=table.section, table=table.code, line=where,
            )
        return
    if table.title and title_seen is not None and (
        normalise_label(title_seen) != normalise_label(table.title)
    ):
        yield Finding(
            "T-2", Severity.WARNING, f"表格标题“{title_seen}”与官方格式“{table.title}”不一致",
            code="title_variant", section=table.section, table=table.code, line=table_line,
        )
    seen_headers = {normalise_label(x) for x in report.column_labels.get(table.code, [])}
    missing = [h for h in t.table_header_labels(table) if normalise_label(h) not in seen_headers]
    variants = {
        h: v for h in missing for v in t.COLUMN_LABEL_VARIANTS.get(h, ())
        if normalise_label(v) in seen_headers
    }
    for official, variant in variants.items():
        yield Finding(
            "T-2", Severity.WARNING, f"表格“{name}”表头“{variant}”与官方格式“{official}”不一致",
            code="header_variant", section=table.section, table=table.code, line=table_line,
        )
    missing = [h for h in missing if h not in variants]
    if missing:
        yield Finding(
            "T-2", Severity.ERROR, f"表格“{name}”缺少表头：{'、'.join(dict.fromkeys(missing))}",
            code="headers_missing", section=table.section, table=table.code, line=table_line,
        )
    for row in table.rows:
        if report.format == t.FORMAT_2019 and row.code in ("other_no_correction", "other_unpaid_fee"):
            continue
        row_line = report.line_of(f"row/{table.code}/{row.code}")
        if not report.has_row(table.code, row.code):
            yield Finding(
                "T-2", Severity.ERROR, f"表格“{name}”缺少“{row.full_label or '数据'}”行",
                code="missing_row", section=table.section, table=table.code, row=row.code,
                line=table_line,
            )
            continue
        seen = report.row_labels.get(f"{table.code}/{row.code}")
        if row.label and seen is not None and normalise_label(seen) != normalise_label(row.label):
            yield Finding(
                "T-2", Severity.WARNING, f"行标签“{seen}”与官方格式“{row.label}”不一致",
                code="label_variant", section=table.section, table=table.code, row=row.code,
                line=row_line,
            )
        for column in table.columns:
            if report.get(table.code, row.code, column.code) is None:
                yield _cell_finding(
                    report, "T-2", Severity.ERROR, "missing_cell", table, row.code, column.code,
                    f"{cell_name(table, row.code, column.code)} 没有数值",
                )


# Narrative (N-1, N-2, N-3, X-1, X-2).

_LEVEL_WORDS: dict[AgencyLevel, tuple[str, ...]] = {
    AgencyLevel.TOWNSHIP: ("全乡", "全镇", "本乡", "本镇", "全街道", "本街道"),
    AgencyLevel.COUNTY: ("全县", "本县"),
    AgencyLevel.CITY: ("全市", "本市"),
    AgencyLevel.PROVINCE: ("全省", "本省"),
}
_LEVEL_ORDER = [AgencyLevel.TOWNSHIP, AgencyLevel.COUNTY, AgencyLevel.CITY, AgencyLevel.PROVINCE,
                AgencyLevel.NATIONAL]


def _text_positions(report: Report) -> Iterator[tuple[str, str, int | None]]:
    """(section code, text, line of its first line) for each narrative text."""
    for code, text in report.texts.items():
        yield code, text, report.line_of(f"text/{code}")


def _flat(text: str) -> tuple[str, list[int]]:
    """The text without line breaks (a PDF copy breaks sentences anywhere) and half-width,
    with the offset in `text` of each character, so a match still names its source line."""
    chars: list[str] = []
    offsets: list[int] = []
    for i, ch in enumerate(text):
        if ch in "\r\n":
            continue
        for out in unicodedata.normalize("NFKC", ch):
            chars.append(out)
            offsets.append(i)
    offsets.append(len(text))
    return "".join(chars), offsets


def _line_at(start: int | None, text: str, offset: int) -> int | None:
    if start is None:
        return None
    return start + text.count("\n", 0, offset)


def check_narrative(report: Report) -> Iterator[Finding]:
    yield from _check_year(report)
    yield from _check_level_wording(report)
    yield from _check_claims(report)
    yield from _check_stated_numbers(report)
    six = report.texts.get("六")
    if six is not None and "信息处理费" not in six and "处理费" not in six:
        yield Finding(
            "X-2", Severity.WARNING, "第六部分没有说明信息处理费的收取情况（未收取的应写明“未收取”）",
            code="fee_not_stated", section="六", line=report.line_of("text/六"),
        )


def _all_text(report: Report) -> str:
    return "\n".join([report.title, *report.texts.values()])


_PERIOD = re.compile(r"统计(?:期限|时限|区间|期间)?[为是：:]?\s*(\d{4})\s*年\s*1\s*月\s*1\s*日")


def _check_year(report: Report) -> Iterator[Finding]:
    if report.year is None:
        yield Finding("N-1", Severity.WARNING, "报告没有写明年度（标题中应有“XXXX年”）",
                      code="year_unknown")
        return
    text = unicodedata.normalize("NFKC", _all_text(report))
    if f"{report.year}年" not in text:
        yield Finding("N-1", Severity.WARNING, f"报告正文和标题中没有出现“{report.year}年”",
                      code="year_not_named")
    for match in _PERIOD.finditer(text):
        if int(match.group(1)) != report.year:
            yield Finding(
                "N-1", Severity.WARNING,
                f"统计期限写的是{match.group(1)}年，与报告年度{report.year}年不符",
                code="period_year_mismatch",
            )


def _check_level_wording(report: Report) -> Iterator[Finding]:
    if report.level not in _LEVEL_ORDER:
        return
    own = _LEVEL_ORDER.index(report.level)
    words = [w for lvl in _LEVEL_ORDER[:own] for w in _LEVEL_WORDS.get(lvl, ())]
    if not words:
        return
    pattern = re.compile("|".join(words))
    for code, text, start in _text_positions(report):
        for match in pattern.finditer(text):
            yield Finding(
                "N-2", Severity.WARNING,
                f"{report.level.label}机关的报告中出现“{match.group(0)}”，"
                f"疑似照搬其他层级的报告",
                code="other_level_wording", section=code, line=_line_at(start, text, match.start()),
            )


_ZERO_REQUESTS = re.compile(
    r"(?:未|没有|无)(?:接到|收到|受理|接收|发生)[^。；;]{0,30}?(?:公开)?申请"
    r"|申请(?:数量|件数)?(?:为|是)\s*(?:0|零)\s*件?"
)
_ZERO_APPEALS = re.compile(r"(?:未|没有|无)(?:发生|出现|收到|接到|涉及)[^。；;]{0,40}?(行政复议|行政诉讼)")


def _check_claims(report: Report) -> Iterator[Finding]:
    new_total = report.get(t.TABLE3.code, t.ROW_NEW, t.TOTAL)
    review = appeal_total(report, t.APPEAL_REVIEW) if report.has_table("table4") else None
    lawsuits = (
        appeal_total(report, t.APPEAL_LAWSUIT_DIRECT)
        + appeal_total(report, t.APPEAL_LAWSUIT_AFTER_REVIEW)
        if report.has_table("table4") else None
    )
    for code, text, start in _text_positions(report):
        flat, offsets = _flat(text)
        for match in _ZERO_REQUESTS.finditer(flat):
            if new_total is not None and new_total > 0:
                yield Finding(
                    "N-3", Severity.WARNING,
                    f"文字称“{match.group(0)}”，但第三部分表格本年新收申请 {fmt(new_total)} 件",
                    code="zero_requests_claim", section=code,
                    line=_line_at(start, text, offsets[match.start()]),
                )
        for match in _ZERO_APPEALS.finditer(flat):
            segment = match.group(0)
            for word, value in (("行政复议", review), ("行政诉讼", lawsuits)):
                if word in segment and value is not None and value > 0:
                    yield Finding(
                        "N-3", Severity.WARNING,
                        f"文字称“{segment}”，但第四部分表格{word}共 {fmt(value)} 件",
                        code="zero_appeals_claim", section=code,
                        line=_line_at(start, text, offsets[match.start()]),
                    )


_NUM = r"(\d[\d,，]*)"
_STATED: tuple[tuple[re.Pattern[str], str, str], ...] = (
    (re.compile(r"(?:收到|受理|接收|新收|接到)[^。；;\d]{0,25}?申请[^。；;\d]{0,6}?" + _NUM
                + r"\s*[件个条份]"), "table3/new/total", "本年新收申请"),
    (re.compile(r"行政复议[^。；;\d]{0,6}?" + _NUM + r"\s*[件起宗次]"), "review", "行政复议"),
    (re.compile(r"行政诉讼[^。；;\d]{0,6}?" + _NUM + r"\s*[件起宗次]"), "lawsuits", "行政诉讼"),
    (re.compile(r"(?:制发|出台|印发|制定)[^。；;\d]{0,10}?行政规范性文件[^。；;\d]{0,4}?" + _NUM
                + r"\s*件"), "item1/normative/issued", "本年制发行政规范性文件"),
)


def _table_value(report: Report, target: str) -> Number | None:
    if target == "review":
        return appeal_total(report, t.APPEAL_REVIEW) if report.has_table("table4") else None
    if target == "lawsuits":
        if not report.has_table("table4"):
            return None
        return appeal_total(report, t.APPEAL_LAWSUIT_DIRECT) + appeal_total(
            report, t.APPEAL_LAWSUIT_AFTER_REVIEW
        )
    return report.cells.get(target)


def _check_stated_numbers(report: Report) -> Iterator[Finding]:
    for code, text, start in _text_positions(report):
        flat, offsets = _flat(text)
        for pattern, target, what in _STATED:
            for match in pattern.finditer(flat):
                stated = int(re.sub(r"[,，]", "", match.group(1)))
                value = _table_value(report, target)
                if value is not None and stated != value:
                    yield Finding(
                        "X-1", Severity.WARNING,
                        f"文字称“{match.group(0)}”，但表格中{what}为 {fmt(value)}",
                        code="stated_number_mismatch", section=code,
                        line=_line_at(start, text, offsets[match.start()]),
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
    table = t.TABLE3
    if report.has_row(table.code, t.ROW_CARRIED_IN) and previous.has_row(table.code, t.ROW_CARRIED_OUT):
        for column in table.columns:
            now = report.value(table.code, t.ROW_CARRIED_IN, column.code)
            before = previous.value(table.code, t.ROW_CARRIED_OUT, column.code)
            if now != before:
                yield _cell_finding(
                    report, "R3-5", Severity.WARNING, "carry_over", table, t.ROW_CARRIED_IN,
                    column.code,
                    f"“{column.label}”列上年结转 {fmt(now)} 件，但上年报告结转下年度继续办理 "
                    f"{fmt(before)} 件",
                )
    item = t.ITEM_1
    if report.format == t.FORMAT_2021 and previous.format == t.FORMAT_2021:
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


SIMILARITY_THRESHOLD = 0.8


def _shingles(text: str, size: int = 4) -> set[str]:
    text = re.sub(r"[\s\d０-９]+", "", unicodedata.normalize("NFKC", text))
    return {text[i : i + size] for i in range(max(len(text) - size + 1, 0))}


def text_similarity(report: Report, previous: Report) -> float:
    """Jaccard similarity of 4-character shingles of the narrative texts (years ignored)."""
    a = _shingles("".join(report.texts.get(s.code, "") for s in t.NARRATIVE_SECTIONS))
    b = _shingles("".join(previous.texts.get(s.code, "") for s in t.NARRATIVE_SECTIONS))
    if len(a) < 50 or len(b) < 50:
        return 0.0
    return len(a & b) / len(a | b)


# Deadline (T-1).


def check_deadline(report: Report, published_on: date) -> Iterator[Finding]:
    """《条例》第四十九条：部门 1月31日前，县级以上地方人民政府 3月31日前."""
    if report.year is None:
        return
    government = report.agency.endswith("人民政府")
    due = date(report.year + 1, 3, 31) if government else date(report.year + 1, 1, 31)
    if published_on > due:
        yield Finding(
            "T-1", Severity.WARNING,
            f"报告于 {published_on:%Y年%m月%d日} 公布，晚于第四十九条规定的 {due:%Y年%m月%d日}",
            code="late",
        )


# --- presentation --------------------------------------------------------------------------


def group_by_section(findings: Iterable[Finding]) -> dict[str, list[Finding]]:
    """Findings keyed by section code, "" (the whole document) first, then 一 … 六."""
    order = ["", *(s.code for s in t.SECTIONS)]
    grouped: dict[str, list[Finding]] = {code: [] for code in order}
    for finding in findings:
        grouped.setdefault(finding.section or "", []).append(finding)
    return {k: v for k, v in grouped.items() if v}


def format_findings(findings: Iterable[Finding]) -> str:
    """Readable Chinese text: one block per section, one line per finding."""
    lines: list[str] = []
    for code, items in group_by_section(findings).items():
        if code:
            lines.append(f"【{t.SECTIONS_BY_CODE[code].heading}】")
        else:
            lines.append("【全文】")
        for f in sorted(items, key=lambda f: (f.line or 0, f.rule)):
            where = f"第{f.line}行 " if f.line else ""
            lines.append(f"  {f.severity.label} {f.rule} {where}{f.message}")
    return "\n".join(lines)
