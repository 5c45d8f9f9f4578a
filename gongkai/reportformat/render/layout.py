"""The official tables as grids of header and label cells with their spans.

Shared by the HTML and Word renderers so both draw the tables the way the 2021 format does
(rowspan/colspan of the official Word template); the text renderer flattens the same grid.
Imports only `template` and `values`.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from .. import template
from ..values import Number, Report


@dataclass(frozen=True)
class Cell:
    text: str
    rowspan: int = 1
    colspan: int = 1
    header: bool = True
    row: int = 0  # grid position of the top-left corner
    col: int = 0


def format_number(value: Number | None, decimal: bool = False) -> str:
    """Counts as plain integers; amounts in 万元 with `t.AMOUNT_DISPLAY_PLACES` decimals (rounded
    half up, as money is); absent as 0."""
    if value is None:
        value = Decimal("0") if decimal else 0
    if isinstance(value, Decimal) or decimal:
        places = Decimal(1).scaleb(-template.AMOUNT_DISPLAY_PLACES)
        return format(Decimal(value).quantize(places, rounding=ROUND_HALF_UP), "f")
    return str(value)


def item_grid(report: Report) -> list[list[Cell]]:
    """第二部分: one 4-column table of four segments, as the official template has it."""
    rows: list[list[Cell]] = []
    for table in template.ITEM_TABLES:
        r = len(rows)
        rows.append([Cell(table.title, colspan=4, row=r, col=0)])
        r += 1
        header = [Cell(table.row_header, row=r, col=0)]
        span = 3 // len(table.columns)
        for i, column in enumerate(table.columns):
            header.append(Cell(column.label, colspan=span, row=r, col=1 + i * span))
        rows.append(header)
        for row in table.rows:
            r = len(rows)
            cells = [Cell(row.label, row=r, col=0)]
            for i, column in enumerate(table.columns):
                value = report.get(table.code, row.code, column.code)
                cells.append(Cell(format_number(value, table.decimal), colspan=span, header=False,
                                  row=r, col=1 + i * span))
            rows.append(cells)
    return rows


def table3_grid(report: Report) -> list[list[Cell]]:
    """第三部分: 3 label columns + 7 number columns; 3 header rows and 25 data rows."""
    table = template.TABLE3
    orgs = template.ORGANISATION_TYPES
    rows: list[list[Cell]] = [
        [Cell(template.TABLE3_NOTE, rowspan=3, colspan=3), Cell(template.APPLICANT_GROUP, colspan=7, col=3)],
        [Cell(template.APPLICANT_TYPES[0].label, rowspan=2, row=1, col=3),
         Cell(template.ORGANISATION_GROUP, colspan=len(orgs), row=1, col=4),
         Cell(template.APPLICANT_TOTAL.label, rowspan=2, row=1, col=4 + len(orgs))],
        [Cell(c.label, row=2, col=4 + i) for i, c in enumerate(orgs)],
    ]
    data_rows = list(table.rows)
    for index, row in enumerate(data_rows):
        r = len(rows)
        cells: list[Cell] = []
        depth = len(row.group)
        for level, heading in enumerate(row.group):
            previous = data_rows[index - 1].group[: level + 1] if index else ()
            if previous != row.group[: level + 1]:
                span = sum(1 for other in data_rows if other.group[: level + 1] == row.group[: level + 1])
                cells.append(Cell(heading, rowspan=span, row=r, col=level))
        cells.append(Cell(row.label, colspan=3 - depth, row=r, col=depth))
        for i, column in enumerate(table.columns):
            cells.append(Cell(format_number(report.get(table.code, row.code, column.code)),
                              header=False, row=r, col=3 + i))
        rows.append(cells)
    return rows


def table4_grid(report: Report) -> list[list[Cell]]:
    """第四部分: 15 number columns under 行政复议 / 行政诉讼 (未经复议直接起诉, 复议后起诉)."""
    results = [*template.APPEAL_RESULTS, template.APPEAL_TOTAL]
    review, direct, after = template.APPEAL_KINDS
    lawsuit_label = direct.group[0]
    rows: list[list[Cell]] = [
        [Cell(review.label, colspan=5), Cell(lawsuit_label, colspan=10, col=5)],
        [*(Cell(c.label, rowspan=2, row=1, col=i) for i, c in enumerate(results)),
         Cell(direct.label, colspan=5, row=1, col=5), Cell(after.label, colspan=5, row=1, col=10)],
        [Cell(c.label, row=2, col=5 + i) for i, c in enumerate(results * 2)],
        [Cell(format_number(report.get(template.TABLE4.code, "cases", c.code)), header=False, row=3, col=i)
         for i, c in enumerate(template.TABLE4.columns)],
    ]
    return rows


def paragraphs(text: str) -> list[str]:
    return [p.strip() for p in text.split("\n") if p.strip()]
