"""Reading an annual report: its numbers (live or frozen), its findings, what changed since it
was frozen. No writes here (`annual_services` writes).

    report_live_value(report)        computed from the records now, with the report's texts
    report_value(report)             what the page shows: the snapshot once 报送, else live
    previous_value(report)           last year's report, for the cross-year rules
    report_findings(report, value)   the engine's findings plus the platform's own (W-1)
    report_differences(report)       cell by cell: frozen vs recomputed now
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from gongkai.reportformat import template
from gongkai.reportformat.validate import Finding, Severity, cell_name, validate
from gongkai.reportformat.values import Number, Report

from .compute import compute_report
from .models import AnnualReport

# Our rule (not the format's): the narrative sections are written before a report is 报送.
NARRATIVE_RULE = "W-1"
NARRATIVE_RULE_LABEL = "报送前须填写第一、五、六部分文字"


def report_live_value(report: AnnualReport) -> Report:
    value = compute_report(report.agency_id, report.year)
    value.texts.update(report.texts)
    return value


def report_value(report: AnnualReport) -> Report:
    """The frozen snapshot of a report that was 报送 (or published), else the live numbers."""
    if report.status != AnnualReport.Status.DRAFT and report.snapshot:
        return Report.from_dict(report.snapshot)
    return report_live_value(report)


def previous_value(report: AnnualReport) -> Report:
    """Last year's report: its published snapshot if there is one, else computed now (with the
    texts of last year's draft, if any)."""
    previous = AnnualReport.objects.filter(agency_id=report.agency_id, year=report.year - 1).first()
    if previous is not None and previous.status == AnnualReport.Status.PUBLISHED and previous.snapshot:
        return Report.from_dict(previous.snapshot)
    value = compute_report(report.agency_id, report.year - 1)
    if previous is not None:
        value.texts.update(previous.texts)
    return value


def narrative_findings(value: Report) -> list[Finding]:
    found = []
    for section in template.NARRATIVE_SECTIONS:
        if not (value.texts.get(section.code) or "").strip():
            found.append(Finding(
                NARRATIVE_RULE, Severity.ERROR, f"第{section.code}部分“{section.title}”尚未填写",
                code="narrative_missing", section=section.code,
            ))
    return found


def report_findings(report: AnnualReport, value: Report | None = None, *,
                    published_on: date | None = None) -> list[Finding]:
    """Findings of the engine with last year's report (cross-year rules), plus W-1."""
    value = value if value is not None else report_value(report)
    own = narrative_findings(value)
    # W-1 already says each empty section must be written; the engine's T-2 "empty section"
    # warning about the same section would say it twice (issue 20).
    empty = {f.section for f in own}
    engine = [f for f in validate(value, previous_value(report), published_on=published_on)
              if not (f.code == "empty_section" and f.section in empty)]
    return own + engine


@dataclass(frozen=True)
class Difference:
    key: str
    name: str  # the cell in Chinese, e.g. "三 本年新收政府信息公开申请数量 自然人"
    frozen: Number
    now: Number

    @property
    def change(self) -> Number:
        return self.now - self.frozen


def differences(frozen: Report, now: Report) -> list[Difference]:
    found = []
    for key in template.ALL_CELL_KEYS:
        a, b = frozen.cells.get(key, 0), now.cells.get(key, 0)
        if a != b:
            table, row, column = key.split("/", 2)
            found.append(Difference(key, cell_name(template.TABLES_BY_CODE[table], row, column), a, b))
    return found


def report_differences(report: AnnualReport) -> list[Difference]:
    """Cells where the frozen numbers differ from a computation from today's records (empty
    for a draft, whose numbers are always today's)."""
    if report.status == AnnualReport.Status.DRAFT or not report.snapshot:
        return []
    return differences(Report.from_dict(report.snapshot), compute_report(report.agency_id, report.year))


def findings_from_json(data: list[dict]) -> list[Finding]:
    """Stored findings (`AnnualReport.findings`) as `Finding` objects."""
    return [Finding(**{**item, "severity": Severity(item["severity"])}) for item in data or []]
