"""双公示 records as tables: the columns of the decision and fee spreadsheets, the readers for an
import (every bad row reported with its line and reason) and the blank templates to download.

Headers are matched as in the 权责清单 import (spaces and full-width forms ignored, any order).
A row names its power item by 事项编码; the decision's kind is the item's category.
"""

from __future__ import annotations

import datetime
import io
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from ..models import DecisionKind, PartyType, PenaltyKind, PowerStatus
from ..tables import RowError, _norm
from .validators import clean_party_id

MAX_ROWS = 5000

# field -> (header, required, max length)
DECISION_COLUMNS: dict[str, tuple[str, bool, int]] = {
    "item_code": ("事项编码", True, 60),
    "document_no": ("决定文书号", True, 100),
    "party_type": ("相对人类别", True, 20),
    "party_name": ("相对人名称", True, 200),
    "party_id_number": ("统一社会信用代码或身份证号码", True, 30),
    "facts": ("事由或违法事实", True, 5000),
    "basis": ("依据", True, 5000),
    "content": ("决定内容", True, 5000),
    "penalty_kind": ("处罚类别", False, 60),
    "fine_amount": ("罚没金额（元）", False, 20),
    "decided_on": ("决定日期", True, 20),
    "valid_from": ("有效期自", False, 20),
    "valid_until": ("有效期至", False, 20),
    "deciding_body": ("决定机关", False, 200),
}
FEE_COLUMNS: dict[str, tuple[str, bool, int]] = {
    "item_code": ("事项编码", True, 60),
    "year": ("年度", True, 4),
    "name": ("收费项目", True, 200),
    "basis": ("收费依据", True, 5000),
    "standard": ("收费标准", True, 2000),
    "amount": ("本年收费金额（元）", True, 20),
}
HEADER_ALIASES = {"决定书文号": "document_no", "行政相对人类别": "party_type",
                  "行政相对人名称": "party_name", "证件号码": "party_id_number",
                  "统一社会信用代码": "party_id_number", "罚款金额(元)": "fine_amount",
                  "收费金额(元)": "amount", "处罚种类": "penalty_kind"}
PARTY_BY_LABEL = {_norm(label): value for value, label in PartyType.choices} | {
    _norm("法人或其他组织"): PartyType.LEGAL, _norm("非法人组织"): PartyType.OTHER,
    _norm("其他组织"): PartyType.OTHER, _norm("个体工商户"): PartyType.OTHER}
DATE_PATTERN = re.compile(r"^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$")
DATES = ("decided_on", "valid_from", "valid_until")


def penalty_kind_of(text: str) -> str | None:
    """The 处罚类别 a cell names: its label, or one of the kinds the label lists (罚款 → fine)."""
    text = _norm(text)
    for value, label in PenaltyKind.choices:
        if text == _norm(label) or text in _norm(label).split("、"):
            return value
    return None


@dataclass
class Parsed:
    rows: list[tuple[int, dict]] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)


def _columns(header, columns) -> tuple[dict[str, int], list[RowError]]:
    by_header = {_norm(h): f for f, (h, _r, _m) in columns.items()}
    by_header.update({_norm(k): v for k, v in HEADER_ALIASES.items() if v in columns})
    found: dict[str, int] = {}
    for index, cell in enumerate(header):
        name = by_header.get(_norm(cell))
        if name and name not in found:
            found[name] = index
    missing = [h for f, (h, required, _m) in columns.items() if required and f not in found]
    errors = [RowError(1, _("缺少必需的列：%(cols)s") % {"cols": "、".join(missing)})] if missing else []
    return found, errors


def _cells(lines, columns) -> tuple[list[tuple[int, dict, list[str]]], list[RowError]]:
    """Each data line as {field: raw value} with the problems of required and long cells."""
    if not lines:
        return [], [RowError(0, _("文件中没有数据。"))]
    found, errors = _columns(lines[0][1], columns)
    if errors:
        return [], errors
    if len(lines) - 1 > MAX_ROWS:
        return [], [RowError(0, _("一次最多导入 %(n)s 行，请拆分后导入。") % {"n": MAX_ROWS})]
    out = []
    for line, cells in lines[1:]:
        row: dict[str, object] = {}
        problems = []
        for name, (header, required, limit) in columns.items():
            index = found.get(name)
            value = cells[index] if index is not None and index < len(cells) else None
            if isinstance(value, datetime.datetime):
                value = value.date()
            if isinstance(value, str):
                value = value.strip()
            if value is None or value == "":
                if required:
                    problems.append(_("“%(col)s”不能为空") % {"col": header})
                value = ""
            elif isinstance(value, str) and len(value) > limit:
                problems.append(_("“%(col)s”超过 %(n)s 字") % {"col": header, "n": limit})
            row[name] = value
        out.append((line, row, problems))
    return out, []


def parse_date(value) -> datetime.date | None:
    """A date cell: an Excel date, 2025-03-01, 2025/3/1, 2025.3.1 or 2025年3月1日."""
    if isinstance(value, datetime.date):
        return value
    match = DATE_PATTERN.match(str(value).strip())
    if not match:
        return None
    try:
        return datetime.date(*(int(g) for g in match.groups()))
    except ValueError:
        return None


def parse_amount(value) -> Decimal | None:
    """An amount in 元, at most two decimals and not negative; None if it is not one."""
    try:
        amount = Decimal(str(value).replace(",", "").replace("，", "").strip())
    except InvalidOperation:
        return None
    if not amount.is_finite() or amount < 0 or amount != amount.quantize(Decimal("0.01")) \
            or amount >= Decimal("1e12"):
        return None
    return amount.quantize(Decimal("0.01"))


def _item(items: dict, code: str, problems: list[str]):
    item = items.get(str(code).strip())
    if item is None:
        problems.append(_("事项编码“%(code)s”不是本机关权责清单中的事项") % {"code": code})
    elif item.status != PowerStatus.ACTIVE:
        problems.append(_("事项编码“%(code)s”的事项已取消") % {"code": code})
        item = None
    return item


def parse_decisions(lines, *, items: dict, existing_numbers: set[str], agency_name: str,
                    today: datetime.date) -> Parsed:
    """Decisions of a table whose first line is its header (`items`: code -> PowerItem of the
    agency; `existing_numbers`: 决定文书号 already recorded), or every error found."""
    result = Parsed()
    rows, result.errors = _cells(lines, DECISION_COLUMNS)
    seen: dict[str, int] = {}
    for line, raw, problems in rows:
        data: dict[str, object] = {}
        if raw["item_code"]:
            item = _item(items, raw["item_code"], problems)
            if item is not None and item.category not in DecisionKind.values:
                problems.append(_("事项“%(name)s”是%(category)s事项，不登记行政许可、处罚、强制决定") % {
                    "name": item.name, "category": item.get_category_display()})
            elif item is not None:
                data["item"], data["kind"] = item, item.category
        number = str(raw["document_no"])
        if number in existing_numbers:
            problems.append(_("决定文书号“%(no)s”已经登记过") % {"no": number})
        elif number and number in seen:
            problems.append(_("决定文书号“%(no)s”与第%(line)s行重复") % {"no": number, "line": seen[number]})
        seen.setdefault(number, line)
        data["document_no"] = number
        party_type = PARTY_BY_LABEL.get(_norm(raw["party_type"])) if raw["party_type"] else None
        if raw["party_type"] and party_type is None:
            problems.append(_("相对人类别“%(value)s”应为自然人、法人或非法人组织") % {"value": raw["party_type"]})
        data["party_type"] = party_type or ""
        if party_type and raw["party_id_number"]:
            try:
                data["party_id_number"] = clean_party_id(party_type, str(raw["party_id_number"]),
                                                         today=today)
            except ValidationError as exc:
                problems.extend(exc.messages)
        for name in ("party_name", "facts", "basis", "content"):
            data[name] = str(raw[name])
        data["deciding_body"] = str(raw["deciding_body"]) or agency_name
        for name in DATES:
            if raw[name] != "":
                day = parse_date(raw[name])
                if day is None:
                    problems.append(_("“%(col)s”不是日期（如 2025-03-01）：%(value)s") % {
                        "col": DECISION_COLUMNS[name][0], "value": raw[name]})
                data[name] = day
            else:
                data[name] = None
        if data.get("decided_on") and data["decided_on"] > today:
            problems.append(_("决定日期不能晚于今天"))
        data["penalty_kind"] = ""
        if raw["penalty_kind"]:
            data["penalty_kind"] = penalty_kind_of(str(raw["penalty_kind"])) or ""
            if not data["penalty_kind"]:
                problems.append(_("处罚类别“%(value)s”不是《行政处罚法》第九条的种类") % {
                    "value": raw["penalty_kind"]})
        data["fine_amount"] = None
        if raw["fine_amount"] != "":
            data["fine_amount"] = parse_amount(raw["fine_amount"])
            if data["fine_amount"] is None:
                problems.append(_("罚没金额应为不小于零、最多两位小数的数字（元）：%(value)s") % {
                    "value": raw["fine_amount"]})
        if problems:
            result.errors.append(RowError(line, "；".join(problems)))
        else:
            result.rows.append((line, data))
    return result


def parse_fees(lines, *, items: dict, existing: set[tuple[int, str]]) -> Parsed:
    """Fee records of a table (`existing`: (year, 收费项目) already recorded), or every error."""
    result = Parsed()
    rows, result.errors = _cells(lines, FEE_COLUMNS)
    seen: dict[tuple[int, str], int] = {}
    for line, raw, problems in rows:
        data: dict[str, object] = {}
        if raw["item_code"]:
            data["item"] = _item(items, raw["item_code"], problems)
        year = None
        if raw["year"] != "":
            text = str(raw["year"]).removesuffix("年").removesuffix(".0")
            year = int(text) if text.isdigit() and 2008 <= int(text) <= 2100 else None
            if year is None:
                problems.append(_("年度应为四位年份，如 2025：%(value)s") % {"value": raw["year"]})
        data["year"] = year
        for name in ("name", "basis", "standard"):
            data[name] = str(raw[name])
        key = (year, data["name"])
        if year and data["name"]:
            if key in existing:
                problems.append(_("%(year)s年的收费项目“%(name)s”已经登记过") % {"year": year, "name": data["name"]})
            elif key in seen:
                problems.append(_("收费项目与第%(line)s行重复") % {"line": seen[key]})
            seen.setdefault(key, line)
        if raw["amount"] != "":
            data["amount"] = parse_amount(raw["amount"])
            if data["amount"] is None:
                problems.append(_("收费金额应为不小于零、最多两位小数的数字（元）：%(value)s") % {
                    "value": raw["amount"]})
        if problems:
            result.errors.append(RowError(line, "；".join(problems)))
        else:
            result.rows.append((line, data))
    return result


TEMPLATE_NOTES = {
    "decisions": (
        "每行一个行政许可、行政处罚或行政强制决定；决定类别由“事项编码”对应的权责事项确定。",
        "相对人类别：自然人、法人或非法人组织。自然人填写居民身份证号码（只在内部保存，公开时不显示，姓名只显示姓氏）；"
        "法人和非法人组织填写统一社会信用代码（随决定公示）。",
        "处罚类别（仅行政处罚）：警告、罚款、没收违法所得、暂扣许可证件、吊销许可证件、责令停产停业、行政拘留等。",
        "日期写作 2025-03-01；金额单位为元，最多两位小数。",
        "任何一行有错误，整个文件都不导入，并列出每一行的错误。",
    ),
    "fees": (
        "每行一个行政事业性收费项目一年的收费情况；“事项编码”为本机关权责清单中的事项。",
        "年度写四位年份；本年收费金额单位为元，最多两位小数，年度报告按万元汇总。",
        "任何一行有错误，整个文件都不导入，并列出每一行的错误。",
    ),
}


def template_xlsx(what: str) -> bytes:
    """A blank import table: the header row, and the rules on a second sheet."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    columns = DECISION_COLUMNS if what == "decisions" else FEE_COLUMNS
    book = Workbook()
    sheet = book.active
    sheet.title = "行政决定" if what == "decisions" else "行政事业性收费"
    sheet.append([header for header, _r, _m in columns.values()])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        sheet.column_dimensions[cell.column_letter].width = 20
    notes = book.create_sheet("填写说明")
    notes.append(["必填列"])
    notes.append(["、".join(h for h, required, _m in columns.values() if required)])
    for line in TEMPLATE_NOTES[what]:
        notes.append([line])
    notes.column_dimensions["A"].width = 120
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
