"""Showing the result of a report check: findings by kind, and the tables as they were read.

Used by the supervisor's uploaded-report page and the public checker page (年报体检), so both
show a check the same way: errors, warnings and reading notices apart, each kind explained,
and every table of the format with the numbers the reader recovered (blank where it
recovered none). Works on findings as dictionaries (`Finding.to_dict()`, as stored).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

from gongkai.reportformat import template
from gongkai.reportformat.compare import column_label
from gongkai.reportformat.validate import table_name
from gongkai.reportformat.values import Number

KINDS = (
    ("error", _("错误"), _("报告本身的问题：合计不成立、出现负数、缺少必需的表格或行。需要报告单位更正。")),
    ("warning", _("警告"), _("与官方格式不一致或前后矛盾之处（标题或行名写法不同、正文与表格数字不一致等），请核对。")),
    ("notice", _("读取说明"), _("系统从这份文件中未能完整读出的内容（如表格数字粘连、无法唯一拆分），"
                            "并非报告本身的错误；请对照原文核对这些位置。")),
    ("info", _("提示"), _("供参考的信息。")),
)


@dataclass
class FindingGroup:
    severity: str
    label: str
    explanation: str
    findings: list[dict] = field(default_factory=list)


def group_findings(findings: list[dict]) -> list[FindingGroup]:
    """Findings by kind (errors, warnings, reading notices, hints), empty kinds left out."""
    groups = {code: FindingGroup(code, label, text) for code, label, text in KINDS}
    for finding in findings:
        groups.get(finding.get("severity"), groups["info"]).findings.append(finding)
    return [group for group in groups.values() if group.findings]


@dataclass
class TableView:
    name: str
    columns: list[str]
    rows: list[tuple[str, list[Number | None]]]
    read: bool  # whether any number of this table was read


def recovered_tables(cells: dict[str, Number]) -> list[TableView]:
    """Every table of the format with the numbers read from the file (None where none was)."""
    views = []
    for table in template.TABLES:
        rows = []
        for row in table.rows:
            values = [cells.get(template.cell_key(table.code, row.code, c.code)) for c in table.columns]
            rows.append((row.full_label or table_name(table), values))
        views.append(TableView(
            table_name(table), [column_label(c) for c in table.columns], rows,
            any(v is not None for _label, values in rows for v in values),
        ))
    return views
