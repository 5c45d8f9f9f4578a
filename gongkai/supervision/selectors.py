"""What a supervisor (监督员) sees of the agencies in their subtree, in a bounded number of
grouped queries whatever the number of agencies.

Rules (also shown on the page):
- 即将到期: open requests due within 3 working days from today; 已超期: open requests whose due
  date has passed (derived from `due_on`, never stored). A due date reaching into a year without
  a holiday schedule is provisional (暂定) and counts like any other; 暂定 counts them.
- 按期答复率: requests closed (答复日期) in the year on or before their due date, over all
  requests closed in the year that have a due date.
- 长期未更新栏目: catalog columns in which the agency has published before, but nothing for
  more than `stale_days` days.
- 超期公开 (《条例》第二十六条): documents published in the year more than 20 working days after
  their 成文日期.
- 年度报告: the year's report must be published by 31 January of the next year (《条例》第四十九条);
  a report that failed validation is flagged whatever its status.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Count, F, Max, Q

from gongkai.agencies.models import Agency, Role
from gongkai.agencies.permissions import agencies_with_role
from gongkai.applications.models import Application
from gongkai.applications.models import Status as RequestStatus
from gongkai.catalog.models import Document
from gongkai.reports.models import AnnualReport
from gongkai.workdays import calendar

from . import scoring
from .models import UploadedReportCheck

DUE_SOON_WORKDAYS = 3
PUBLICATION_WORKDAYS = 20


@dataclass
class AgencyRow:
    agency: Agency
    open_requests: int = 0
    due_soon: int = 0
    overdue: int = 0
    provisional: int = 0
    closed: int = 0
    closed_on_time: int = 0
    stale_categories: list[tuple[str, datetime.date]] = field(default_factory=list)
    late_publications: list[tuple[int, str, datetime.date, datetime.date]] = field(default_factory=list)
    report: AnnualReport | None = None
    report_state: str = "missing"
    uploaded_checks: list[UploadedReportCheck] = field(default_factory=list)
    score: scoring.Score | None = None

    @property
    def on_time_rate(self) -> float | None:
        return self.closed_on_time / self.closed if self.closed else None


@dataclass
class Dashboard:
    year: int
    today: datetime.date
    stale_days: int
    rows: list[AgencyRow]

    @property
    def agency_ids(self) -> list[int]:
        return [row.agency.pk for row in self.rows]

    @property
    def ranking(self) -> list[AgencyRow]:
        return sorted(self.rows, key=lambda r: (-r.score.points, r.agency.name))

    @property
    def totals(self) -> dict[str, int]:
        return {
            "open_requests": sum(r.open_requests for r in self.rows),
            "due_soon": sum(r.due_soon for r in self.rows),
            "overdue": sum(r.overdue for r in self.rows),
            "provisional": sum(r.provisional for r in self.rows),
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
    dashboard = Dashboard(year=year, today=today, stale_days=stale_days, rows=list(rows.values()))
    if not ids:
        return dashboard
    soon = calendar(provisional=True).add_workdays(today, DUE_SOON_WORKDAYS)
    _count_requests(rows, ids, year=year, today=today, soon=soon)
    _find_stale_categories(rows, ids, today=today, stale_days=stale_days)
    _find_late_publications(rows, ids, year=year)
    _attach_reports(rows, ids, year=year, today=today)
    for row in rows.values():
        row.score = scoring.score_agency(
            agency_id=row.agency.pk, agency_name=row.agency.name, overdue=row.overdue,
            on_time_rate=row.on_time_rate, stale_categories=len(row.stale_categories),
            late_publications=len(row.late_publications), report_state=row.report_state,
        )
    return dashboard


def _count_requests(rows, ids, *, year, today, soon) -> None:
    open_q = ~Q(status=RequestStatus.CLOSED)
    closed_in_year = Q(status=RequestStatus.CLOSED, closed_on__year=year, due_on__isnull=False)
    counts = (
        Application.objects.filter(agency_id__in=ids)
        .values("agency_id")
        .annotate(
            open_requests=Count("id", filter=open_q),
            due_soon=Count("id", filter=open_q & Q(due_on__gte=today, due_on__lte=soon)),
            overdue=Count("id", filter=open_q & Q(due_on__lt=today)),
            provisional=Count("id", filter=open_q & Q(due_on_provisional=True)),
            closed=Count("id", filter=closed_in_year),
            closed_on_time=Count("id", filter=closed_in_year & Q(closed_on__lte=F("due_on"))),
        )
    )
    for item in counts:
        row = rows[item.pop("agency_id")]
        for key, value in item.items():
            setattr(row, key, value)


def _find_stale_categories(rows, ids, *, today, stale_days) -> None:
    cutoff = today - datetime.timedelta(days=stale_days)
    latest = (
        Document.objects.published()
        .filter(agency_id__in=ids)
        .values("agency_id", "category__name")
        .annotate(last=Max("published_on"))
        .filter(last__lt=cutoff)
        .order_by("agency_id", "last")
    )
    for item in latest:
        rows[item["agency_id"]].stale_categories.append((item["category__name"], item["last"]))


def _find_late_publications(rows, ids, *, year) -> None:
    """第二十六条: published more than 20 working days after 成文日期.

    20 working days span at least 20 calendar days, so only documents published more than 20
    calendar days after they were made can be late; the database narrows to those and the
    working-day calendar decides each. A limit reaching into a year without a holiday
    schedule is provisional (weekends and fixed-date holidays), as for request deadlines: a
    document published before that year is never judged late on it.
    """
    counting = calendar(provisional=True)
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
            limits[written_on] = counting.add_workdays(written_on, PUBLICATION_WORKDAYS)
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
