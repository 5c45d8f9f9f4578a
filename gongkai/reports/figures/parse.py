"""Read yearly figures (第二十条第（五）（六）（八）项) from a CSV or XLSX file, with errors that
name the line and the column in Chinese.

Pure: no Django, no database. The file has one header line and one line per agency and year:

    机构代码（或机构名称）, 年度, 行政许可, 行政处罚, 行政强制, 行政事业性收费（万元）

Header cells are matched on the statutory row labels of `reports.template` (spacing, bracket
width and a trailing “（万元）”/“本年处理决定数量” are ignored), in any order. Counts are
non-negative integers; the fee is a non-negative amount in 万元 with at most four decimals.
Blank lines are skipped; an empty cell is an error (write 0 when nothing happened).
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from gongkai import spreadsheet
from gongkai.reportformat import template
from gongkai.reportformat.limits import Limits

MAX_BYTES = 2 * 1024 * 1024
MAX_LINES = 5000
FEE_PLACES = 4
YEAR_RANGE = (2019, 2100)

# Field name -> the statutory row label its column is headed with.
FIGURE_COLUMNS: dict[str, str] = {
    "licensing_decisions": template.ITEM_5.row(template.ROW_LICENSING).label,
    "penalty_decisions": template.ITEM_6.row(template.ROW_PENALTY).label,
    "coercion_decisions": template.ITEM_6.row(template.ROW_COERCION).label,
    "fee_amount": template.ITEM_8.row(template.ROW_FEES).label,
}
AGENCY_CODE_HEADER = "机构代码"
AGENCY_NAME_HEADER = "机构名称"
YEAR_HEADER = "年度"
TEMPLATE_HEADER: tuple[str, ...] = (
    AGENCY_CODE_HEADER, AGENCY_NAME_HEADER, YEAR_HEADER,
    *(label + ("（万元）" if name == "fee_amount" else "") for name, label in FIGURE_COLUMNS.items()),
)


@dataclass(frozen=True)
class LineError:
    line: int  # 1-based line of the file (the header is line 1); 0 for the file as a whole
    message: str
    code: str

    def __str__(self) -> str:
        return f"第{self.line}行：{self.message}" if self.line else self.message


@dataclass
class FigureRow:
    line: int
    agency_code: str
    agency_name: str
    year: int
    values: dict[str, int | Decimal]


@dataclass
class ParsedFigures:
    rows: list[FigureRow] = field(default_factory=list)
    errors: list[LineError] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


def _norm(text: object) -> str:
    text = unicodedata.normalize("NFKC", str(text or ""))
    text = re.sub(r"\s+", "", text)
    for suffix in ("(万元)", "(单位:万元)", "万元", "本年处理决定数量", "(件)", "件数", "数量"):
        if text.endswith(suffix):
            text = text[: -len(suffix)]
    return text


def read_table(filename: str, content: bytes,
               limits: Limits | None = None) -> list[tuple[int, list[object]]]:
    """(line number, cells) of the lines of a CSV or XLSX file. Raises ValueError in Chinese.
    An XLSX is read in a sandboxed child within `limits` (see `gongkai.spreadsheet`)."""
    return spreadsheet.read_table(filename, content, max_bytes=MAX_BYTES, max_lines=MAX_LINES,
                                  limits=limits)


def _blank(cells: list[object]) -> bool:
    return spreadsheet.blank(cells)


def parse_figures(filename: str, content: bytes, limits: Limits | None = None) -> ParsedFigures:
    """Parse a whole file; every problem is reported, none stops the reading of other lines."""
    result = ParsedFigures()
    try:
        lines = [(n, cells) for n, cells in read_table(filename, content, limits)
                 if not _blank(cells)]
    except ValueError as exc:
        result.errors.append(LineError(0, str(exc), "unreadable"))
        return result
    if not lines:
        result.errors.append(LineError(0, "文件是空的", "empty"))
        return result
    if len(lines) > MAX_LINES + 1:
        result.errors.append(LineError(0, f"一次最多导入 {MAX_LINES} 行", "too_many_lines"))
        return result
    header_line, header = lines[0]
    columns = _columns(header_line, header, result.errors)
    if columns is None:
        return result
    seen: dict[tuple[str, int], int] = {}
    for line, cells in lines[1:]:
        row = _row(line, cells, columns, result.errors)
        if row is None:
            continue
        key = (row.agency_code or row.agency_name, row.year)
        if key in seen:
            result.errors.append(LineError(
                line, f"与第{seen[key]}行重复（同一机构同一年度只能有一行）", "duplicate_line"))
            continue
        seen[key] = line
        result.rows.append(row)
    if not result.rows and not result.errors:
        result.errors.append(LineError(0, "文件只有表头，没有数据行", "no_rows"))
    return result


def _columns(line: int, header: list[object], errors: list[LineError]) -> dict[str, int] | None:
    wanted = {
        "agency_code": _norm(AGENCY_CODE_HEADER),
        "agency_name": _norm(AGENCY_NAME_HEADER),
        "year": _norm(YEAR_HEADER),
        **{name: _norm(label) for name, label in FIGURE_COLUMNS.items()},
    }
    by_label = {v: k for k, v in wanted.items()}
    columns: dict[str, int] = {}
    for index, cell in enumerate(header):
        name = by_label.get(_norm(cell))
        if name is None:
            continue
        if name in columns:
            errors.append(LineError(line, f"表头“{cell}”出现了两次", "duplicate_column"))
            return None
        columns[name] = index
    missing = [label for name, label in [
        ("year", YEAR_HEADER), *FIGURE_COLUMNS.items()] if name not in columns]
    if "agency_code" not in columns and "agency_name" not in columns:
        missing.insert(0, f"{AGENCY_CODE_HEADER}或{AGENCY_NAME_HEADER}")
    if missing:
        errors.append(LineError(
            line, "表头缺少以下列：" + "、".join(missing) + "（请使用导入模板）", "missing_columns"))
        return None
    return columns


def _cell(cells: list[object], index: int | None) -> object:
    if index is None or index >= len(cells):
        return None
    value = cells[index]
    return value.strip() if isinstance(value, str) else value


def _row(line: int, cells: list[object], columns: dict[str, int], errors: list[LineError]):
    problems: list[LineError] = []
    code = str(_cell(cells, columns.get("agency_code")) or "").strip().upper()
    name = str(_cell(cells, columns.get("agency_name")) or "").strip()
    if not code and not name:
        problems.append(LineError(line, "缺少机构代码或机构名称", "agency_missing"))
    year = _integer(_cell(cells, columns["year"]))
    if year is None or not (YEAR_RANGE[0] <= year <= YEAR_RANGE[1]):
        problems.append(LineError(
            line, f"“{YEAR_HEADER}”应为 {YEAR_RANGE[0]}–{YEAR_RANGE[1]} 之间的四位年份", "bad_year"))
    values: dict[str, int | Decimal] = {}
    for field_name, label in FIGURE_COLUMNS.items():
        raw = _cell(cells, columns[field_name])
        if raw is None or raw == "":
            problems.append(LineError(line, f"“{label}”为空（没有发生请填 0）", "empty_cell"))
            continue
        if field_name == "fee_amount":
            amount = _amount(raw)
            if amount is None:
                problems.append(LineError(
                    line, f"“{label}”应为以万元为单位的非负数，最多四位小数，而不是“{raw}”",
                    "bad_amount"))
            else:
                values[field_name] = amount
        else:
            number = _integer(raw)
            if number is None or number < 0:
                problems.append(LineError(
                    line, f"“{label}”应为非负整数，而不是“{raw}”", "bad_count"))
            else:
                values[field_name] = number
    if problems:
        errors.extend(problems)
        return None
    return FigureRow(line, code, name, year, values)


def _number_text(raw: object) -> str:
    text = unicodedata.normalize("NFKC", str(raw)).strip().replace(",", "")
    return text


def _integer(raw: object) -> int | None:
    if raw is None or isinstance(raw, bool):
        return None
    if isinstance(raw, int):
        return raw
    if isinstance(raw, float):
        return int(raw) if raw.is_integer() else None
    text = _number_text(raw)
    if not re.fullmatch(r"-?\d+(\.0+)?", text):
        return None
    return int(Decimal(text))


def _amount(raw: object) -> Decimal | None:
    if raw is None or isinstance(raw, bool):
        return None
    text = repr(raw) if isinstance(raw, float) else _number_text(raw)
    try:
        value = Decimal(text)
    except InvalidOperation:
        return None
    if not value.is_finite() or value < 0:
        return None
    if value != value.quantize(Decimal(1).scaleb(-FEE_PLACES)):
        return None
    return value


def template_csv() -> bytes:
    """An import template with the header and one example line (UTF-8 with BOM for Excel)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(TEMPLATE_HEADER)
    writer.writerow(["11411622057210014X", "西华县商务局", "2022", "12", "3", "0", "1.25"])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")
