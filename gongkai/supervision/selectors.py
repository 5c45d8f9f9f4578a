"""What a supervisor (监督员) sees of the agencies in their subtree, in a bounded number of
grouped queries whatever the number of agencies.

Rules (also shown on the page):
- 即将到期: open requests due within 3 working days from today; 已超期: open requests whose due
  date has passed (derived from `due_on`, never stored).
- 按期答复率: requests answered (答复日期) in the year on or before their due date, over the
  requests answered in the year that have a due date plus the open ones whose due date (in the
  year) has passed: an overdue request is late already (`applications.selectors.on_time_counts`).
- 长期未更新栏目: catalog columns in which the agency has published before, but neither
  published nor confirmed as reviewed (`ColumnReview`) for more than `stale_days` days.
- 超期公开 (《条例》第二十六条): documents published in the year more than 20 working days after
  their 成文日期.
- 年度报告: the year's report must be published by 31 January of the next year (《条例》第四十九条);
  a report that failed validation is flagged whatever its status. The dashboard checks the
  report of the chosen year, or of the year before when the chosen year has not ended (its
  report cannot exist yet); from 1 January to 31 January it opens on the year being reported.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Count, F, Max

from gongkai.agencies.models import Agency, Role
from gongkai.agencies.permissions import agencies_with_role
from gongkai.applications.models import Application
from gongkai.applications.models.application import (
    due_soon_condition,
    open_condition,
    overdue_condition,
)
from gongkai.applications.selectors import OnTime, on_time_counts
from gongkai.catalog.models import Document
from gongkai.reports.models import AnnualReport
from gongkai.workdays import ScheduleUnknown, add_workdays

from . import scoring
from .models import ColumnReview, UploadedReportCheck

DUE_SOON_WORKDAYS = 3
PUBLICATION_WORKDAYS = 20


@dataclass(frozen=True)
class StaleColumn:
    category_id: int
    name: str
    last_published: datetime.date
    last_reviewed: datetime.date | None

    def is_stale(self, cutoff: datetime.date) -> bool:
        """Neither published in nor confirmed as reviewed since `cutoff`."""
        return max(self.last_published, self.last_reviewed or self.last_published) < cutoff


@dataclass
class AgencyRow:
    agency: Agency
    open_requests: int = 0
    due_soon: int = 0
    overdue: int = 0
    on_time: OnTime = field(default_factory=OnTime)
    stale_categories: list[StaleColumn] = field(default_factory=list)
    late_publications: list[tuple[int, str, datetime.date, datetime.date]] = field(default_factory=list)
    report: AnnualReport | None = None
    report_state: str = "missing"
    uploaded_checks: list[UploadedReportCheck] = field(default_factory=list)
    score: scoring.Score | None = None

    @property
    def closed(self) -> int:
        return self.on_time.answered

    @property
    def closed_on_time(self) -> int:
        return self.on_time.on_time

    @property
    def on_time_rate(self) -> float | None:
        return self.on_time.rate


@dataclass
class Dashboard:
    year: int
    today: datetime.date
    stale_days: int
    rows: list[AgencyRow]
    calendar_problem: str = ""
    report_year: int = 0

    @property
    def agency_ids(self) -> list[int]:
        return [row.agency.pk for row in self.rows]

    @property
    def ranking(self) -> list[tuple[int, AgencyRow]]:
        """(rank, row), best first; equal scores share a rank (1, 2, 2, 4)."""
        by_agency = {row.agency.pk: row for row in self.rows}
        return [(rank, by_agency[score.agency_id])
                for rank, score in scoring.rank([row.score for row in self.rows])]

    @property
    def totals(self) -> dict[str, int]:
        return {
            "open_requests": sum(r.open_requests for r in self.rows),
            "due_soon": sum(r.due_soon for r in self.rows),
            "overdue": sum(r.overdue for r in self.rows),
            "closed": sum(r.closed for r in self.rows),
            "closed_on_time": sum(r.closed_on_time for r in self.rows),
            "stale_categories": sum(len(r.stale_categories) for r in self.rows),
            "late_publications": sum(len(r.late_publications) for r in self.rows),
            "reports_problem": sum(r.report_state in ("missing", "late", "failing") for r in self.rows),
        }


def supervised_agencies(user, root: Agency | None = None):
    """Agencies the user supervises, optionally limited to `root`'s subtree."""
    agencies = agencies_with_role(user, Role.SUPERVISOR).filter(is_active=True)
    if root is not None:
        agencies = agencies.filter(path__startswith=root.path)
    return agencies.order_by("path", "sort_order")


def report_deadline(year: int) -> datetime.date:
    """A department's report for `year` is due by 31 January of the next year (第四十九条)."""
    return datetime.date(year + 1, 1, 31)


def default_year(today: datetime.date) -> int:
    """The year the dashboard opens on: from 1 January to the end of the reporting season
    (31 January) the year being reported, afterwards the current year."""
    return today.year - 1 if today <= report_deadline(today.year - 1) else today.year


def report_year_for(year: int, today: datetime.date) -> int:
    """Whose annual report the dashboard checks: the chosen year's once it has ended, else the
    year before (in December 2026 the 2025 reports, due 31 January 2026)."""
    return min(year, today.year - 1)


def report_state(report: AnnualReport | None, year: int, today: datetime.date) -> str:
    deadline = report_deadline(year)
    if report is not None and report.error_count:
        return "failing"
    if report is not None and report.status == AnnualReport.Status.PUBLISHED and report.published_at:
        return "late" if report.published_at.date() > deadline else "published"
    return "missing" if today > deadline else "pending"


def dashboard_for(
    user, *, year: int, today: datetime.date, stale_days: int, root: Agency | None = None
) -> Dashboard:
    agencies = list(supervised_agencies(user, root))
    rows = {a.pk: AgencyRow(agency=a) for a in agencies}
    ids = list(rows)
    dashboard = Dashboard(year=year, today=today, stale_days=stale_days, rows=list(rows.values()),
                          report_year=report_year_for(year, today))
    if not ids:
        return dashboard
    try:
        soon = add_workdays(today, DUE_SOON_WORKDAYS)
    except ScheduleUnknown as error:
        soon, dashboard.calendar_problem = today, str(error)
    _count_requests(rows, ids, year=year, today=today, soon=soon)
    _find_stale_categories(rows, ids, today=today, stale_days=stale_days)
    try:
        _find_late_publications(rows, ids, year=year)
    except ScheduleUnknown as error:
        dashboard.calendar_problem = str(error)
    _attach_reports(rows, ids, year=dashboard.report_year, today=today)
    for row in rows.values():
        row.score = scoring.score_agency(
            agency_id=row.agency.pk, agency_name=row.agency.name, overdue=row.overdue,
            on_time_rate=row.on_time_rate, stale_categories=len(row.stale_categories),
            late_publications=len(row.late_publications), report_state=row.report_state,
        )
    return dashboard


def _count_requests(rows, ids, *, year, today, soon) -> None:
    applications = Application.objects.filter(agency_id__in=ids)
    counts = applications.values("agency_id").annotate(
        open_requests=Count("id", filter=open_condition()),
        due_soon=Count("id", filter=due_soon_condition(today, soon)),
        overdue=Count("id", filter=overdue_condition(today)),
    )
    for item in counts:
        row = rows[item.pop("agency_id")]
        for key, value in item.items():
            setattr(row, key, value)
    for agency_id, on_time in on_time_counts(applications, year=year, today=today, by="agency").items():
        rows[agency_id].on_time = on_time


def _column_dates(ids) -> list[tuple[int, StaleColumn]]:
    """(agency id, column) for every column each agency has published in, with its last
    publication and last review confirmation; two grouped queries."""
    reviewed = {
        (item["agency_id"], item["category_id"]): item["last"]
        for item in ColumnReview.objects.filter(agency_id__in=ids)
        .values("agency_id", "category_id").annotate(last=Max("reviewed_on"))
    }
    published = (
        Document.objects.published().filter(agency_id__in=ids)
        .values("agency_id", "category_id", "category__name")
        .annotate(last=Max("published_on")).order_by("agency_id", "last")
    )
    return [
        (item["agency_id"], StaleColumn(item["category_id"], item["category__name"], item["last"],
                                        reviewed.get((item["agency_id"], item["category_id"]))))
        for item in published
    ]


def _find_stale_categories(rows, ids, *, today, stale_days) -> None:
    cutoff = today - datetime.timedelta(days=stale_days)
    for agency_id, column in _column_dates(ids):
        if column.is_stale(cutoff):
            rows[agency_id].stale_categories.append(column)


def columns_for_review(user, *, today: datetime.date, stale_days: int) -> list[tuple[Agency, StaleColumn, bool]]:
    """(agency, column, stale) for the agencies whose columns `user` answers for (机构管理员,
    信息发布员), stale ones first."""
    agencies = {a.pk: a for a in agencies_with_role(user, Role.ADMIN, Role.PUBLISHER)
                .filter(is_active=True)}
    cutoff = today - datetime.timedelta(days=stale_days)
    rows = [(agencies[agency_id], column, column.is_stale(cutoff))
            for agency_id, column in _column_dates(list(agencies))]
    return sorted(rows, key=lambda r: (not r[2], r[0].path, r[1].name))


def _find_late_publications(rows, ids, *, year) -> None:
    """第二十六条: published more than 20 working days after 成文日期.

    20 working days span at least 20 calendar days, so only documents published more than 20
    calendar days after they were made can be late; the database narrows to those and the
    working-day calendar decides each.
    """
    candidates = (
        Document.objects.published()
        .filter(agency_id__in=ids, published_on__year=year, written_on__isnull=False)
        .filter(published_on__gt=F("written_on") + datetime.timedelta(days=PUBLICATION_WORKDAYS))
        .values_list("agency_id", "id", "title", "written_on", "published_on")
        .order_by("agency_id", "published_on")
    )
    limits: dict[datetime.date, datetime.date] = {}
    for agency_id, pk, title, written_on, published_on in candidates:
        if written_on not in limits:
            limits[written_on] = add_workdays(written_on, PUBLICATION_WORKDAYS)
        if published_on > limits[written_on]:
            rows[agency_id].late_publications.append((pk, title, written_on, published_on))


def _attach_reports(rows, ids, *, year, today) -> None:
    for report in AnnualReport.objects.filter(agency_id__in=ids, year=year):
        rows[report.agency_id].report = report
    checks = defaultdict(list)
    for check in UploadedReportCheck.objects.filter(agency_id__in=ids, year=year).order_by("-uploaded_at"):
        checks[check.agency_id].append(check)
    for agency_id, row in rows.items():
        row.report_state = report_state(row.report, year, today)
        row.uploaded_checks = checks.get(agency_id, [])


def uploaded_checks_for(user):
    return UploadedReportCheck.objects.filter(
        agency__in=agencies_with_role(user, Role.SUPERVISOR)
    ).select_related("agency", "uploaded_by")
