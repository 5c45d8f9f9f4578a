"""The 权责清单 as a table: the columns agencies' spreadsheets use, the reader for an import
(every bad row reported, with its line) and the writers for the exports (XLSX and JSON).

Headers are matched after removing spaces and full-width forms, so "事项 编码" and "事项编码"
are the same column; a column may come in any order.
"""

from __future__ import annotations

import io
import re
import unicodedata
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from gongkai.spreadsheet import safe_cell

from .models import PowerCategory

# field -> (header, required, max length)
COLUMNS: dict[str, tuple[str, bool, int]] = {
    "code": ("事项编码", True, 60),
    "name": ("事项名称", True, 200),
    "category": ("权力类别", True, 20),
    "legal_basis": ("设定依据", True, 10000),
    "implementing_body": ("实施主体", True, 200),
    "risk_points": ("廉政风险点", False, 5000),
    "controls": ("防控措施", False, 5000),
    "supervision_rules": ("监管细则", False, 10000),
}
HEADER_ALIASES = {"承办机构": "implementing_body", "实施主体(承办机构)": "implementing_body",
                  "编码": "code", "名称": "name", "类别": "category", "依据": "legal_basis"}
CATEGORY_BY_LABEL = {str(label): value for value, label in PowerCategory.choices}
MAX_ROWS = 5000


def _norm(text: object) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", str(text or "")))


@dataclass(frozen=True)
class RowError:
    line: int
    message: str

    def __str__(self) -> str:
        return _("第%(line)s行：%(message)s") % {"line": self.line, "message": self.message} \
            if self.line else self.message


@dataclass
class ParsedItems:
    rows: list[tuple[int, dict]] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)


def _columns(header: list[object]) -> tuple[dict[str, int], list[RowError]]:
    by_header = {_norm(h): f for f, (h, _r, _m) in COLUMNS.items()}
    by_header.update({_norm(k): v for k, v in HEADER_ALIASES.items()})
    columns: dict[str, int] = {}
    for index, cell in enumerate(header):
        name = by_header.get(_norm(cell))
        if name and name not in columns:
            columns[name] = index
    missing = [COLUMNS[f][0] for f, (_h, required, _m) in COLUMNS.items()
               if required and f not in columns]
    errors = [RowError(1, _("缺少必需的列：%(cols)s") % {"cols": "、".join(missing)})] if missing else []
    return columns, errors


def parse_rows(lines: list[tuple[int, list[object]]]) -> ParsedItems:
    """The items of a table whose first line is its header, or every error found."""
    result = ParsedItems()
    if not lines:
        result.errors.append(RowError(0, _("文件中没有数据。")))
        return result
    columns, result.errors = _columns(lines[0][1])
    if result.errors:
        return result
    if len(lines) - 1 > MAX_ROWS:
        result.errors.append(RowError(0, _("一次最多导入 %(n)s 个事项，请拆分后导入。") % {"n": MAX_ROWS}))
        return result
    seen: dict[str, int] = {}
    for line, cells in lines[1:]:
        row: dict[str, str] = {}
        for name, index in columns.items():
            value = cells[index] if index < len(cells) else None
            row[name] = "" if value is None else str(value).strip()
        problems = []
        for name, (header, required, limit) in COLUMNS.items():
            value = row.get(name, "")
            if required and not value:
                problems.append(_("“%(col)s”不能为空") % {"col": header})
            elif len(value) > limit:
                problems.append(_("“%(col)s”超过 %(n)s 字") % {"col": header, "n": limit})
        if row.get("category"):
            category = CATEGORY_BY_LABEL.get(_norm(row["category"]))
            if category is None:
                problems.append(_("权力类别“%(value)s”不是十类行政权力之一") % {"value": row["category"]})
            row["category"] = category or ""
        code = row.get("code", "")
        if code and code in seen:
            problems.append(_("事项编码“%(code)s”与第%(line)s行重复") % {"code": code, "line": seen[code]})
        seen.setdefault(code, line)
        if problems:
            result.errors.append(RowError(line, "；".join(problems)))
        else:
            result.rows.append((line, row))
    return result


def export_rows(items) -> list[list[object]]:
    """Header and one row per item, in the import's column order (an export imports back)."""
    rows: list[list[object]] = [[header for header, _r, _m in COLUMNS.values()] + ["状态"]]
    for item in items:
        rows.append([safe_cell(getattr(item, name)) if name != "category"
                     else item.get_category_display() for name in COLUMNS]
                    + [item.get_status_display()])
    return rows


def export_xlsx(items) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    book = Workbook()
    sheet = book.active
    sheet.title = "权责清单"
    for row in export_rows(items):
        sheet.append([str(v) for v in row])
    widths = {"A": 18, "B": 36, "C": 12, "D": 48, "E": 24, "F": 36, "G": 36, "H": 36, "I": 8}
    for column, width in widths.items():
        sheet.column_dimensions[column].width = width
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    sheet.freeze_panes = "A2"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def item_json(item) -> dict:
    return {
        "agency": item.agency.name, "code": item.code, "name": item.name,
        "category": item.category, "category_label": item.get_category_display(),
        "legal_basis": item.basis_lines, "implementing_body": item.implementing_body,
        "risk_points": item.risk_points, "controls": item.controls,
        "supervision_rules": item.supervision_rules, "status": item.status,
        "changes": [{"kind": c.kind, "decision": c.decision, "decided_on": c.decided_on.isoformat()}
                    for c in item.changes.all()],
    }
