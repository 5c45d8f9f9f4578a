"""Structural rules: the six sections, the tables, their rows and headers as the format has them
(T-2), and the publication deadline (T-1)."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from datetime import date

from .. import template
from ..values import Report
from .findings import Finding, Severity, _cell_finding, cell_name, table_name

# Structure (T-2).


def normalise_label(text: str) -> str:
    """Compare labels without spacing, bracket width, digit width or quotation style."""
    text = unicodedata.normalize("NFKC", text)
    text = re.sub(r"\s+", "", text)
    text = re.sub(r"[\"'“”‘’「」『』]", "", text)
    return text.replace("、", ".").replace("．", ".")


def check_structure(report: Report) -> Iterator[Finding]:
    yield from _check_sections(report)
    for table in template.TABLES:
        if report.format == template.FORMAT_2019 and table in template.ITEM_TABLES:
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
    for section in template.SECTIONS:
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


def _check_table_structure(report: Report, table: template.Table) -> Iterator[Finding]:
    name = table_name(table)
    title_seen = report.table_titles.get(table.code)
    table_line = report.line_of(f"table/{table.code}")
    if table.code in report.unread or any(
        k.startswith(f"{table.code}/") for k in report.unread
    ) and not report.has_table(table.code):
        return  # the reader could not recover it from this copy and has said so
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
    missing = [h for h in template.table_header_labels(table) if normalise_label(h) not in seen_headers]
    variants = {
        h: v for h in missing for v in template.COLUMN_LABEL_VARIANTS.get(h, ())
        if normalise_label(v) in seen_headers
    }
    for official, variant in variants.items():
        yield Finding(
            "T-2", Severity.WARNING, f"表格“{name}”表头“{variant}”与官方格式“{official}”不一致",
            code="header_variant", section=table.section, table=table.code, line=table_line,
        )
    missing = [h for h in missing if h not in variants]
    if missing == [table.row_header] and report.has_table(table.code):
        # Only the label column's header ("信息内容") is absent, the number columns are there:
        # a page break or a merged cell took it, the numbers are read all the same.
        yield Finding(
            "T-2", Severity.WARNING, f"表格“{name}”缺少表头：{table.row_header}",
            code="row_header_missing", section=table.section, table=table.code, line=table_line,
        )
    elif missing:
        yield Finding(
            "T-2", Severity.ERROR, f"表格“{name}”缺少表头：{'、'.join(dict.fromkeys(missing))}",
            code="headers_missing", section=table.section, table=table.code, line=table_line,
        )
    for row in table.rows:
        if report.format == template.FORMAT_2019 and row.code in ("other_no_correction", "other_unpaid_fee"):
            continue
        row_line = report.line_of(f"row/{table.code}/{row.code}")
        if f"{table.code}/{row.code}" in report.unread:
            continue
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
            if report.get(table.code, row.code, column.code) is None and report.readable(
                table.code, row.code, column.code
            ):
                yield _cell_finding(
                    report, "T-2", Severity.ERROR, "missing_cell", table, row.code, column.code,
                    f"{cell_name(table, row.code, column.code)} 没有数值",
                )



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

