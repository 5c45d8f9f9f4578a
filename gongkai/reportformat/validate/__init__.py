"""Consistency rules of the annual report, as findings with stable ids.

`validate(report, previous=None)` returns every finding for one report: the arithmetic of the
tables (R2-*, R3-*, R4-*), the structure of the format (T-2), the cross-year rules when last
year's report is given (R2-3, R2-4, R3-5, T-3) and the narrative warnings (N-*, X-*). Every id
and what it checks is listed in `RULES`.
Only R3-1 is printed in the format itself; the others follow from what the tables mean, which
is why the cross-year ones are warnings.

Pure: imports `template` and `values`, never Django or the parser.

Kinds of rule live in their own modules: `numeric` (sums, signs, ledger, across years),
`structural` (sections, tables, rows, headers, deadline), `narrative` (the texts) and
`presentation` (grouping and printing findings); `findings` holds `Finding` and the names of
places. Everything is importable from here as before.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from decimal import Decimal

from ..values import Number, Report
from .findings import (
    RULES,
    Finding,
    Severity,
    cell_name,
    column_name,
    fmt,
    has_errors,
    row_name,
    table_name,
)
from .narrative import SIMILARITY_THRESHOLD, check_fees, check_narrative, text_similarity
from .numeric import (
    appeal_total,
    check_ledger,
    check_previous,
    check_table3,
    check_table4,
    check_values,
)
from .presentation import format_findings, group_by_section
from .structural import check_deadline, check_structure, normalise_label

__all__ = [
    "RULES", "SIMILARITY_THRESHOLD", "Finding", "Severity", "appeal_total", "cell_name",
    "check_deadline", "check_fees", "check_ledger", "check_narrative", "check_previous",
    "check_structure", "check_table3", "check_table4", "check_values", "column_name", "fmt",
    "format_findings", "group_by_section", "has_errors", "normalise_label", "row_name",
    "table_name", "text_similarity", "validate",
]


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

