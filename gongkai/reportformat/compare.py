"""Comparing two reports cell by cell: a report read from a file against the platform's own.

Pure: no Django. A supervisor who checks an agency's externally published report for a year
the platform holds records for sees every cell where the published number differs from the
number the platform computes (`gongkai.reports.compute`), named by the format's table, row
and column labels. Only cells the file's copy gave a number for are compared: a cell the
reader could not recover is a reading notice of the check, not a difference.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from . import template
from .validate import table_name
from .values import Number, Report


@dataclass(frozen=True)
class Difference:
    key: str            # the cell key, e.g. "table3/new/natural"
    table: str          # the table's name in the format
    row: str            # the row's full label
    column: str         # the column's label, with its group ("法人或其他组织 商业企业")
    published: Number   # as the file reads
    platform: Number    # as the platform computes

    @property
    def delta(self) -> Number:
        return self.published - self.platform


def column_label(column: template.Column) -> str:
    return " ".join([*column.group, column.label])


def compare_cells(published: Report, platform: Report) -> list[Difference]:
    """The cells of `published` whose number differs from `platform`'s, in the format's order."""
    differences = []
    for table in template.TABLES:
        for row in table.rows:
            for column in table.columns:
                key = template.cell_key(table.code, row.code, column.code)
                if key not in published.cells:
                    continue
                mine, theirs = published.cells[key], platform.cells.get(key, 0)
                if Decimal(str(mine)) != Decimal(str(theirs)):
                    differences.append(Difference(
                        key, table_name(table), row.full_label or table_name(table),
                        column_label(column), mine, theirs,
                    ))
    return differences
