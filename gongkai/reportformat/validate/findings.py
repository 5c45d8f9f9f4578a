"""Findings: what a rule found, how bad it is, and how to name a place of the format in Chinese.

Pure: imports `template` and `values` only.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass
from decimal import Decimal
from enum import StrEnum

from .. import template
from ..values import Number, Report


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


def table_name(table: template.Table) -> str:
    if table.title:
        return table.title
    return f"{template.SECTIONS_BY_CODE[table.section].title}表"


def row_name(table: template.Table, row_code: str) -> str:
    if table.code == template.TABLE4.code:
        return ""
    return table.row(row_code).full_label


def column_name(table: template.Table, column_code: str) -> str:
    column = table.column(column_code)
    if table.code == template.TABLE4.code:
        return "·".join([*column.group, column.label])
    return column.label


def cell_name(table: template.Table, row: str, column: str) -> str:
    parts = [table_name(table), row_name(table, row), column_name(table, column)]
    return " ".join(p for p in parts if p)


def fmt(value: Number) -> str:
    if isinstance(value, Decimal):
        return format(value.normalize(), "f") if value == value.to_integral_value() else str(value)
    return str(value)



def _cell_finding(
    report: Report, rule: str, severity: Severity, code: str, table: template.Table, row: str,
    column: str, message: str,
) -> Finding:
    return Finding(
        rule=rule, severity=severity, message=message, code=code, section=table.section,
        table=table.code, row=row, column=column,
        line=report.line_of(template.cell_key(table.code, row, column))
        or report.line_of(f"row/{table.code}/{row}"),
    )



def appeal_total(report: Report, kind: str) -> Number:
    """The 总计 of one kind of case in table 四 (0 where absent)."""
    return report.value(template.TABLE4.code, "cases", f"{kind}.{template.TOTAL}")
