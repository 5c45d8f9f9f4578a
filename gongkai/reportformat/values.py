"""The annual report as a typed value: numbers per cell, narrative texts, and where they came from.

A `Report` is what the computation produces, what the parser recovers from a published file,
what the validator checks and what the renderers print. It is plain data (no Django, no ORM)
and round-trips through JSON.

Cells are keyed by ``"table/row/column"`` (see `template.cell_key`). A missing key means the
number is absent (a parsed report that lacks the row); a computed report has every key.
Counts are `int`; the fee amount of 第二十条第（八）项 is a `Decimal` in 万元. A parsed cell
may hold a `Decimal` where the source printed a fraction; the validator reports it.

Besides the numbers a report records its *layout* as written: the heading of each section,
the caption of each table, each row label and the column labels seen. For a computed report
these are the official ones; for a parsed report they are what the file said, so that the
validator can report missing or retyped parts. Imports only `template`.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from enum import StrEnum
from typing import Any

from . import template

Number = int | Decimal


class AgencyLevel(StrEnum):
    """Administrative level of the reporting agency (a department has its government's level)."""

    NATIONAL = "national"
    PROVINCE = "province"
    CITY = "city"
    COUNTY = "county"
    TOWNSHIP = "township"
    UNKNOWN = ""

    @property
    def label(self) -> str:
        return _LEVEL_LABELS[self]


_LEVEL_LABELS = {
    AgencyLevel.NATIONAL: "国家级",
    AgencyLevel.PROVINCE: "省级",
    AgencyLevel.CITY: "市级",
    AgencyLevel.COUNTY: "县级",
    AgencyLevel.TOWNSHIP: "乡镇级",
    AgencyLevel.UNKNOWN: "未知",
}


def guess_agency_level(name: str) -> AgencyLevel:
    """Guess the level from an agency's name: 西华县商务局 → county, 某某镇人民政府 → township."""
    name = name.strip()
    if not name:
        return AgencyLevel.UNKNOWN
    if name.startswith(("国务院", "国家", "中华人民共和国")) or name.endswith("部"):
        return AgencyLevel.NATIONAL
    # The last administrative suffix decides the level; words that merely contain one of the
    # suffix characters (市场监督管理局, 城乡建设, 社区) are removed first.
    for word in _NOT_DIVISIONS:
        name = name.replace(word, "〇" * len(word))
    best: tuple[int, AgencyLevel] | None = None
    for suffix, level in (
        ("省", AgencyLevel.PROVINCE),
        ("自治区", AgencyLevel.PROVINCE),
        ("市", AgencyLevel.CITY),
        ("州", AgencyLevel.CITY),
        ("盟", AgencyLevel.CITY),
        ("县", AgencyLevel.COUNTY),
        ("区", AgencyLevel.COUNTY),
        ("旗", AgencyLevel.COUNTY),
        ("乡", AgencyLevel.TOWNSHIP),
        ("镇", AgencyLevel.TOWNSHIP),
        ("街道", AgencyLevel.TOWNSHIP),
    ):
        pos = name.rfind(suffix)
        if pos != -1 and (best is None or pos > best[0]):
            best = (pos, level)
    if best is None:
        return AgencyLevel.UNKNOWN
    return best[1]


_NOT_DIVISIONS = (
    "市场", "城市", "市政", "市容", "都市", "区域", "社区", "园区", "景区", "城区", "片区", "牧区",
    "乡村", "城乡", "村镇", "城镇", "乡镇", "县域", "省级", "市级", "县级", "区级", "州府",
)


@dataclass
class Report:
    """One agency's annual report for one year."""

    year: int | None = None
    agency: str = ""
    level: AgencyLevel = AgencyLevel.UNKNOWN
    format: str = template.FORMAT_2021
    cells: dict[str, Number] = field(default_factory=dict)
    texts: dict[str, str] = field(default_factory=dict)  # section code -> narrative text
    title: str = ""
    # Layout as written (official for a computed report).
    headings: dict[str, str] = field(default_factory=dict)  # section code -> heading text
    table_titles: dict[str, str] = field(default_factory=dict)  # table code -> caption seen
    row_labels: dict[str, str] = field(default_factory=dict)  # "table/row" -> label seen
    column_labels: dict[str, list[str]] = field(default_factory=dict)  # table code -> labels
    # Where each thing was found in the source file: cell key, "section/一", "table/item1",
    # "row/table3/new", "text/一" (line of the text's first line) -> 1-based line number.
    source_lines: dict[str, int] = field(default_factory=dict)
    # What the reader could not take as a number, keyed "table", "table/row" or a cell key, with
    # why: "unread" (could not be read unambiguously from this copy), "blank" (an empty cell
    # where the format has a number) or "merged" (counted in another row of the copy). The
    # rules skip every check that needs such a part; the reading notice has said so.
    unread: dict[str, str] = field(default_factory=dict)

    # --- cells -----------------------------------------------------------------------------

    def get(self, table: str, row: str, column: str) -> Number | None:
        return self.cells.get(template.cell_key(table, row, column))

    def set(self, table: str, row: str, column: str, value: Number) -> None:
        self.cells[template.cell_key(table, row, column)] = value

    def value(self, table: str, row: str, column: str) -> Number:
        """The cell's value, 0 where absent (sums treat a missing cell as a blank)."""
        return self.cells.get(template.cell_key(table, row, column), 0)

    def has_table(self, table: str) -> bool:
        return any(self.has_row(table, row.code) for row in template.TABLES_BY_CODE[table].rows)

    def has_row(self, table: str, row: str) -> bool:
        cells = self.cells
        return any(
            template.cell_key(table, row, column.code) in cells
            for column in template.TABLES_BY_CODE[table].columns
        )

    def readable(self, table: str, row: str | None = None, column: str | None = None) -> bool:
        """False when the reader marked the table, the row or the cell as not read."""
        unread = self.unread
        if not unread:
            return True
        if table in unread:
            return False
        if row is not None and f"{table}/{row}" in unread:
            return False
        if row is not None and column is not None:
            return template.cell_key(table, row, column) not in unread
        if row is not None:
            return not any(k.startswith(f"{table}/{row}/") for k in unread)
        return not any(k.startswith(f"{table}/") and v != "merged" for k, v in unread.items())

    def line_of(self, key: str) -> int | None:
        return self.source_lines.get(key)

    def numbers(self) -> dict[str, Number]:
        """All cells, in the format's order (for comparisons and JSON)."""
        return {k: self.cells[k] for k in template.ALL_CELL_KEYS if k in self.cells}

    # --- construction ----------------------------------------------------------------------

    @classmethod
    def blank(
        cls, *, year: int | None = None, agency: str = "", level: AgencyLevel | None = None
    ) -> Report:
        """A report with the official layout and every number zero."""
        report = cls(
            year=year,
            agency=agency,
            level=level if level is not None else guess_agency_level(agency),
        )
        report.title = default_title(agency, year)
        for section in template.SECTIONS:
            report.headings[section.code] = section.heading
            if section.narrative:
                report.texts[section.code] = ""
        for table in template.TABLES:
            if table.title:
                report.table_titles[table.code] = table.title
            report.column_labels[table.code] = list(template.table_header_labels(table))
            for row in table.rows:
                report.row_labels[f"{table.code}/{row.code}"] = row.label
                for column in table.columns:
                    zero: Number = Decimal("0") if table.decimal else 0
                    report.set(table.code, row.code, column.code, zero)
        return report

    # --- JSON --------------------------------------------------------------------------------

    def to_dict(self) -> dict[str, Any]:
        return {
            "year": self.year,
            "agency": self.agency,
            "level": self.level.value,
            "format": self.format,
            "title": self.title,
            "cells": {k: _number_to_json(v) for k, v in self.numbers().items()},
            "texts": dict(self.texts),
            "headings": dict(self.headings),
            "table_titles": dict(self.table_titles),
            "row_labels": dict(self.row_labels),
            "column_labels": {k: list(v) for k, v in self.column_labels.items()},
            "source_lines": dict(self.source_lines),
            "unread": dict(self.unread),
        }

    def to_json(self, **kwargs: Any) -> str:
        kwargs.setdefault("ensure_ascii", False)
        kwargs.setdefault("indent", 2)
        return json.dumps(self.to_dict(), **kwargs)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Report:
        """Build a report from `to_dict` output. Unknown cell keys raise `ValueError`.

        A dict without layout keys (only numbers and texts, as a hand-written JSON file would
        be) gets the official layout, so it validates as a report typed in the format.
        """
        if not isinstance(data, dict):
            raise ValueError("报告数据必须是 JSON 对象")
        agency = str(data.get("agency") or "")
        year = data.get("year")
        if year is not None:
            year = int(year)
        level_raw = data.get("level")
        level = AgencyLevel(level_raw) if level_raw else guess_agency_level(agency)
        report = cls.blank(year=year, agency=agency, level=level)
        report.cells = {}
        report.format = str(data.get("format") or template.FORMAT_2021)
        report.title = str(data.get("title") or report.title)
        known = set(template.ALL_CELL_KEYS)
        for key, raw in (data.get("cells") or {}).items():
            if key not in known:
                raise ValueError(f"未知的单元格：{key}")
            report.cells[key] = _number_from_json(raw, key)
        report.texts.update({str(k): str(v) for k, v in (data.get("texts") or {}).items()})
        for name in ("headings", "table_titles", "row_labels"):
            if name in data:
                setattr(report, name, {str(k): str(v) for k, v in data[name].items()})
        if "column_labels" in data:
            report.column_labels = {str(k): list(v) for k, v in data["column_labels"].items()}
        report.source_lines = {str(k): int(v) for k, v in (data.get("source_lines") or {}).items()}
        report.unread = {str(k): str(v) for k, v in (data.get("unread") or {}).items()}
        return report

    @classmethod
    def from_json(cls, text: str) -> Report:
        return cls.from_dict(json.loads(text))


def default_title(agency: str, year: int | None) -> str:
    year_part = f"{year}年" if year else ""
    return f"{agency}{year_part}政府信息公开工作年度报告"


def _number_to_json(value: Number) -> int | str:
    if isinstance(value, Decimal):
        return str(value)
    return int(value)


def _number_from_json(raw: Any, key: str) -> Number:
    if isinstance(raw, bool):
        raise ValueError(f"{key} 不是数字")
    if isinstance(raw, int):
        return raw
    try:
        value = Decimal(str(raw))
    except InvalidOperation as exc:
        raise ValueError(f"{key} 不是数字：{raw!r}") from exc
    if not value.is_finite():
        raise ValueError(f"{key} 不是数字：{raw!r}")
    if key.startswith(template.ITEM_8.code + "/"):
        return value
    return int(value) if value == value.to_integral_value() else value
