"""Public statistics of 依申请公开 per agency and year: requests received, answered on time,
outcome mix, appeals and their results.

The numbers are the annual report's, never a second count: tables 三 and 四 come from
`annual_selectors.report_value` when the agency has a report for the year (its frozen snapshot
once 报送) and otherwise from `compute.compute_report`, the queries that generate the report;
the on-time rate is `applications.selectors.on_time_counts`, the one implementation the
dashboard and the report charts use. Reads only.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from gongkai.reportformat import template
from gongkai.reportformat.values import Report

from .annual_selectors import report_value
from .compute import compute_report
from .models import FIRST_YEAR, AnnualReport


@dataclass(frozen=True)
class AppealLine:
    label: str
    results: tuple[tuple[str, int], ...]  # (result label, count) in the format's order
    total: int


@dataclass(frozen=True)
class AgencyStatistics:
    agency: object
    year: int
    report: Report
    from_report: bool  # an annual report exists for the year (its numbers are shown)
    received: int
    carried_in: int
    answered: int
    carried_out: int
    on_time: object  # applications.selectors.OnTime
    outcomes: tuple[tuple[str, int], ...]  # (full label of table 三, count), every row
    appeals: tuple[AppealLine, ...]

    @property
    def on_time_percent(self) -> str:
        rate = self.on_time.rate
        return "—" if rate is None else f"{100 * rate:.1f}%"


def statistics_years(today: datetime.date) -> list[int]:
    """The years a visitor may pick, newest first (the format's first year to this year)."""
    return list(range(today.year, max(FIRST_YEAR, template.FORMAT_FIRST_YEAR) - 1, -1))


def _report(agency, year: int) -> tuple[Report, bool]:
    annual = AnnualReport.objects.filter(agency=agency, year=year).first()
    if annual is not None:
        return report_value(annual), True
    return compute_report(agency, year), False


def agency_statistics(agency, year: int, *, today: datetime.date) -> AgencyStatistics:
    from gongkai.applications.models import Application
    from gongkai.applications.selectors import OnTime, on_time_counts

    report, from_report = _report(agency, year)

    def table3(row: str) -> int:
        return int(report.value(template.TABLE3.code, row, template.TOTAL))

    on_time = on_time_counts(Application.objects.filter(agency=agency), year=year, today=today,
                             by="agency").get(agency.pk, OnTime())
    appeals = tuple(
        AppealLine(
            label=" ".join([*kind.group, kind.label]),
            results=tuple((result.label, int(report.value(
                template.TABLE4.code, "cases", f"{kind.code}.{result.code}"))) for result in template.APPEAL_RESULTS),
            total=int(report.value(template.TABLE4.code, "cases", f"{kind.code}.{template.TOTAL}")),
        )
        for kind in template.APPEAL_KINDS
    )
    return AgencyStatistics(
        agency=agency, year=year, report=report, from_report=from_report,
        received=table3(template.ROW_NEW), carried_in=table3(template.ROW_CARRIED_IN),
        answered=table3(template.ROW_RESULTS_TOTAL), carried_out=table3(template.ROW_CARRIED_OUT),
        on_time=on_time,
        outcomes=tuple((row.full_label, table3(row.code)) for row in template.OUTCOMES),
        appeals=appeals,
    )


def statistics_csv_rows(stats: AgencyStatistics) -> list[list]:
    """The page as CSV rows: the summary, table 三 with every applicant column, table 四."""
    rows: list[list] = [
        ["机关", stats.agency.name], ["年度", stats.year],
        ["本年新收申请", stats.received], ["上年结转", stats.carried_in],
        ["本年办结", stats.answered], ["结转下年度", stats.carried_out],
        ["按期答复", stats.on_time.on_time], ["计入按期率的申请", stats.on_time.counted],
        ["按期答复率", stats.on_time_percent], [],
        ["表三 收到和处理政府信息公开申请情况", *(c.label for c in template.TABLE3.columns)],
    ]
    for row in template.TABLE3.rows:
        rows.append([row.full_label or row.label,
                     *(stats.report.value(template.TABLE3.code, row.code, c.code)
                       for c in template.TABLE3.columns)])
    rows += [[], ["表四 行政复议、行政诉讼情况", *(label for label, _n in stats.appeals[0].results),
                  "总计"]]
    for line in stats.appeals:
        rows.append([line.label, *(n for _label, n in line.results), line.total])
    return rows
