"""Reads about a supervisor's uploaded-report check: the comparison with the platform's records.

A check of an agency's externally published report for a year is compared, cell by cell,
with the report the platform computes from its own records for that agency and year
(`gongkai.reports.compute.compute_report`), when the platform holds any record for it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from gongkai.reportformat.compare import Difference, compare_cells
from gongkai.reportformat.values import Report
from gongkai.reports.compute import compute_report

from .models import UploadedReportCheck


@dataclass
class CrossCheck:
    has_records: bool               # the platform holds any number for the agency and year
    compared: int = 0               # cells read from the file and compared
    differences: list[Difference] = field(default_factory=list)


def _read_report(check: UploadedReportCheck) -> Report:
    cells = {key: value if isinstance(value, int) else Decimal(str(value))
             for key, value in (check.cells or {}).items()}
    return Report(year=check.year, agency=check.agency.name, cells=cells)


def check_cross_check(check: UploadedReportCheck) -> CrossCheck | None:
    """The comparison for a finished check; None while it runs or when it failed."""
    if check.status != UploadedReportCheck.Status.DONE:
        return None
    platform = compute_report(check.agency, check.year)
    if not any(platform.cells.values()):
        return CrossCheck(has_records=False)
    published = _read_report(check)
    return CrossCheck(True, len(published.cells), compare_cells(published, platform))
