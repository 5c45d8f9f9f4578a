"""The annual report computed from live records (年度报告统计口径).

Public API (each returns the engine's typed `gongkai.reportformat.values.Report`):

    compute_report(agency, year)             one agency's report
    compute_reports(agencies, year)          {agency id: Report}, seven queries for any number
    compute_rollup(agencies, year, name=…)   the sum of the agencies' tables, seven queries
    compute_subtree(agency, year)            roll-up of the agency and everything below it
                                             (a county: the county government and all its
                                             departments and townships)
    sum_reports(reports, year=…, agency=…)   add reports cell by cell
    cell_filter(agency_ids, year, table, row, column) -> QuerySet of the records a cell counts
    item_sources(agency_ids, year) -> {cell key: ItemSource}   records or figures, 第（五）（六）（八）项
    compute_reports_python / compute_rollup_python   the row-by-row reference (tests, bench)

Every report is computed by grouped aggregate queries (GROUP BY with conditional COUNT/SUM):
a constant number of queries per call, never the records in Python. Narrative sections are
left empty; the report page fills them.

Counting rules (also in README.md, "年度报告统计口径 / Counting rules"). "The year" is
1 January to 31 December inclusive.

第二十条第（一）项 — published (已发布) documents of kind 规章 or 行政规范性文件:
  - issue date = 成文日期, or 发布日期 when no 成文日期 is recorded (a document is counted in the
    year it was made, not the year it reached the website);
  - 本年制发件数: issue date in the year;
  - 本年废止件数: validity 废止 and its change date (有效性变更日期) in the year;
  - 现行有效件数: issued on or before 31 December and not 废止/失效 with a change date on or
    before 31 December (a document repealed next year is still in force at this year's end).
  A change date missing or earlier than the issue date counts as the issue date. Withdrawn
  (已撤回) and unpublished documents are not counted. 失效 (expired) documents leave 现行有效
  without being counted as 废止, so R2-3 warns for them: explain them in the narrative.

第二十条第（五）（六）（八）项 — per agency and per cell, from the 双公示 records
  (`powers.Decision`, `powers.FeeRecord`) when the agency has any of the cell's kind for the
  year, else from its `YearlyFigures` of the year (entered or imported by staff; a missing
  record counts as zero):
  - 行政许可 / 行政处罚 / 行政强制: decisions of that kind whose 决定日期 is in the year;
  - 行政事业性收费: the fee records of the year, summed in 元 and turned into 万元 (four
    decimals) per agency.
  `item_sources` tells which source each number has. Roll-ups add the agencies' numbers.

表三 — requests (`applications.Application`), by applicant type (column) and outcome (row):
  - 一、本年新收: received (收到申请日期) in the year;
  - 二、上年结转: received before 1 January and not closed (答复日期) before 1 January;
  - 三、办理结果 (一)…(六): closed in the year, in the row of its outcome; （七）总计 is their sum;
  - 四、结转下年度继续办理: received on or before 31 December and not closed by 31 December.
  The date that closes a request for counting is max(答复日期, 收到日期), so that 一 + 二 =
  三（七）+ 四 holds for every column by construction, and this year's 二 equals last year's 四
  (R3-5). A withdrawn request (申请人撤回) is closed by the request workflow on the withdrawal
  date with outcome 3.其他 (（六）其他处理), and is counted there. An outcome code the format
  does not know also counts as 3.其他.

表四 — appeal cases (`appeals.AppealCase`) filed (立案/申请日期) in the year, by kind: a case
  closed on or before 31 December counts under its result (维持 / 纠正 / 其他); a case still
  open at 31 December, or closed only later, counts as 尚未审结 (the report states the position
  at the year's end). 总计 is the sum of the four.

Roll-up — a parent agency's or a county's report is the cell-by-cell sum of its agencies'
reports (inactive agencies included: their records still happened). It is computed by the
same seven queries without the per-agency grouping, and equals `sum_reports` of the
per-agency reports.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

from gongkai.reportformat import template
from gongkai.reportformat.values import AgencyLevel, Report, default_title

from .aggregate import ROLLUP, collect, tidy_amount
from .cells import ItemSource, UnknownCell, cell_filter, item_sources
from .reference import collect_python

__all__ = [
    "ItemSource",
    "item_sources",
    "UnknownCell",
    "cell_filter",
    "compute_report",
    "compute_reports",
    "compute_reports_python",
    "compute_rollup",
    "compute_rollup_python",
    "compute_subtree",
    "sum_reports",
]

_GOVERNMENT_LEVELS = {
    "province": AgencyLevel.PROVINCE,
    "city": AgencyLevel.CITY,
    "county": AgencyLevel.COUNTY,
    "township": AgencyLevel.TOWNSHIP,
}


def _agency_ids(agencies) -> list[int]:
    return sorted({a if isinstance(a, int) else a.pk for a in agencies})


def agency_levels(agency_ids: Iterable[int]) -> dict[int, tuple[str, AgencyLevel]]:
    """Name and report level per agency: a department has the level of the government above
    it (a county bureau is county-level). Two queries."""
    from gongkai.agencies.models import Agency

    rows = list(
        Agency.objects.filter(pk__in=list(agency_ids)).values_list("pk", "name", "level", "path")
    )
    ancestor_ids = {int(x) for _pk, _n, _l, path in rows for x in path.strip("/").split("/") if x}
    levels = dict(Agency.objects.filter(pk__in=ancestor_ids).values_list("pk", "level"))
    result = {}
    for pk, name, _level, path in rows:
        found = AgencyLevel.UNKNOWN
        for ancestor in reversed([int(x) for x in path.strip("/").split("/") if x]):
            if levels.get(ancestor) in _GOVERNMENT_LEVELS:
                found = _GOVERNMENT_LEVELS[levels[ancestor]]
                break
        result[pk] = (name, found)
    return result


def _label(reports: dict, year: int) -> dict[int, Report]:
    names = agency_levels(reports)
    for pk, report in reports.items():
        name, level = names.get(pk, ("", AgencyLevel.UNKNOWN))
        report.agency, report.level, report.title = name, level, default_title(name, year)
    return reports


def compute_reports(agencies, year: int) -> dict[int, Report]:
    """Each agency's report for `year`, by grouped aggregate queries (agencies or their ids)."""
    return _label(collect(_agency_ids(agencies), year, by_agency=True), year)


def compute_report(agency, year: int) -> Report:
    """One agency's report for `year` (its own records only; see `compute_subtree`)."""
    ids = _agency_ids([agency])
    return compute_reports(ids, year)[ids[0]]


def compute_rollup(
    agencies, year: int, *, name: str = "", level: AgencyLevel = AgencyLevel.UNKNOWN
) -> Report:
    """The sum of the agencies' reports for `year`, in five ungrouped aggregate queries."""
    report = collect(_agency_ids(agencies), year, by_agency=False)[ROLLUP]
    report.agency, report.level, report.title = name, level, default_title(name, year)
    return report


def compute_subtree(agency, year: int) -> Report:
    """The roll-up of `agency` and every agency below it (a county: the whole county)."""
    from gongkai.agencies.models import Agency

    ids = list(Agency.objects.filter(path__startswith=agency.path).values_list("pk", flat=True))
    _name, level = agency_levels([agency.pk])[agency.pk]
    return compute_rollup(ids, year, name=agency.name, level=level)


def sum_reports(reports: Iterable[Report], *, year: int, agency: str = "") -> Report:
    """Cell-by-cell sum of computed reports (the definition the roll-up must equal)."""
    total = Report.blank(year=year, agency=agency)
    for report in reports:
        for key, value in report.cells.items():
            total.cells[key] = total.cells.get(key, 0) + value
    key = template.cell_key(template.ITEM_8.code, template.ROW_FEES, "amount")
    total.cells[key] = tidy_amount(Decimal(total.cells[key]))
    return total


def compute_reports_python(agencies, year: int) -> dict[int, Report]:
    """`compute_reports` computed row by row in Python (reference for tests and the bench)."""
    return _label(collect_python(_agency_ids(agencies), year, by_agency=True), year)


def compute_rollup_python(agencies, year: int, *, name: str = "") -> Report:
    report = collect_python(_agency_ids(agencies), year, by_agency=False)[ROLLUP]
    report.agency, report.title = name, default_title(name, year)
    return report
