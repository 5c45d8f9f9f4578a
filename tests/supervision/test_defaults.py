"""Supervision defaults (issue 15 item 7): the report year the dashboard checks, overdue open
requests in the on-time rate, column review confirmations, shared ranks, the XLSX layout."""

from __future__ import annotations

import datetime as dt
from io import BytesIO
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone
from hypothesis import given
from hypothesis import strategies as st
from openpyxl import load_workbook

from gongkai.agencies.models import Role
from gongkai.audit.models import AuditEntry
from gongkai.catalog.models import Category
from gongkai.catalog.models import Status as DocStatus
from gongkai.reports.models import AnnualReport
from gongkai.supervision import scoring
from gongkai.supervision.export import display_width
from gongkai.supervision.models import ColumnReview
from gongkai.supervision.selectors import dashboard_for
from tests.appeals.factories import make_application
from tests.catalog.factories import DocumentFactory
from tests.factories import AgencyFactory

SHANGHAI = ZoneInfo("Asia/Shanghai")


@pytest.fixture
def travel():
    travellers = []

    def go(day: dt.date):
        traveller = time_machine.travel(dt.datetime.combine(day, dt.time(12), tzinfo=SHANGHAI),
                                        tick=False)
        traveller.start()
        travellers.append(traveller)

    yield go
    for traveller in reversed(travellers):
        traveller.stop()


@pytest.fixture
def supervisor(county, make_staff):
    return make_staff(county, Role.SUPERVISOR)


@pytest.fixture
def six_agencies(county, agency, other_agency):
    """The county and five departments; only 商务局 published its 2025 report on time."""
    more = [AgencyFactory(name=f"西华县第{i}局", parent=county) for i in range(3)]
    AnnualReport.objects.create(
        agency=agency, year=2025, status=AnnualReport.Status.PUBLISHED,
        published_at=timezone.make_aware(dt.datetime(2026, 1, 20, 9)),
    )
    return [county, agency, other_agency, *more]


def _get(client, user, **params):
    client.force_login(user)
    return client.get(reverse("supervision:dashboard"), params)


def test_in_december_the_dashboard_flags_last_years_missing_reports(
        client, supervisor, six_agencies, travel):
    travel(dt.date(2026, 12, 4))
    page = _get(client, supervisor)
    board = page.context["dashboard"]
    assert (board.year, board.report_year) == (2026, 2025)
    assert page.context["totals"]["reports_problem"] == 5
    text = page.content.decode()
    assert "个机构的2025年度报告逾期或未通过校验" in text
    assert "2025年度报告" in text


def test_in_january_the_dashboard_opens_on_the_year_being_reported(
        client, supervisor, six_agencies, travel):
    travel(dt.date(2027, 1, 15))
    board = _get(client, supervisor).context["dashboard"]
    assert (board.year, board.report_year) == (2026, 2026)
    assert {row.report_state for row in board.rows} == {"pending"}  # due 31 January
    travel(dt.date(2027, 1, 31))
    assert _get(client, supervisor).context["dashboard"].year == 2026
    travel(dt.date(2027, 2, 1))
    board = _get(client, supervisor).context["dashboard"]
    assert (board.year, board.report_year) == (2027, 2026)
    assert {row.report_state for row in board.rows} == {"missing"}
    chosen = _get(client, supervisor, year=2025).context["dashboard"]
    assert chosen.report_year == 2025 and chosen.totals["reports_problem"] == 5


def test_overdue_open_requests_are_late_in_the_on_time_rate(client, agency, supervisor, travel):
    """Four open requests past their due date: the rate is 0 %, not 100 % (nor blank)."""
    for day in (3, 4, 5, 6):
        make_application(agency, received_on=dt.date(2026, 10, day))
    travel(dt.date(2026, 12, 4))
    page = _get(client, supervisor)
    row = next(r for r in page.context["dashboard"].rows if r.agency == agency)
    assert (row.overdue, row.on_time.overdue_open, row.on_time_rate) == (4, 4, 0.0)
    assert any("按期答复率 0%" in why for why, _ in row.score.reasons)
    assert "全年 0.0%，0/4件" in page.content.decode()


@pytest.fixture
def old_guide(agency):
    """A 公开指南 page last published in spring: stale by December."""
    category = Category.objects.create(name="政府信息公开指南", slug="guide-test")
    DocumentFactory(agency=agency, category=category, status=DocStatus.PUBLISHED,
                    written_on=dt.date(2026, 3, 1), published_on=dt.date(2026, 3, 2))
    return category


def _stale_names(supervisor, agency, today):
    board = dashboard_for(supervisor, year=today.year, today=today, stale_days=90)
    return [c.name for r in board.rows if r.agency == agency for c in r.stale_categories]


def test_a_column_confirmed_as_reviewed_is_not_stale_for_one_period(
        client, agency, supervisor, publisher_of, old_guide, travel):
    assert _stale_names(supervisor, agency, dt.date(2026, 12, 4)) == ["政府信息公开指南"]
    travel(dt.date(2026, 12, 4))
    client.force_login(publisher_of(agency))
    page = client.get(reverse("supervision:columns")).content.decode()
    assert "政府信息公开指南" in page and "长期未更新" in page
    response = client.post(reverse("supervision:columns"),
                           {"agency": agency.pk, "category": old_guide.pk, "note": "已核对，内容准确"})
    assert response.status_code == 302
    review = ColumnReview.objects.get()
    assert (review.reviewed_on, review.note) == (dt.date(2026, 12, 4), "已核对，内容准确")
    entry = AuditEntry.objects.get(action="supervision.column_review")
    assert entry.agency == agency and entry.data["category"] == "政府信息公开指南"
    assert _stale_names(supervisor, agency, dt.date(2026, 12, 4)) == []
    assert _stale_names(supervisor, agency, dt.date(2027, 3, 4)) == []  # 90 days on
    assert _stale_names(supervisor, agency, dt.date(2027, 3, 5)) == ["政府信息公开指南"]


def test_only_the_agencys_admin_or_publisher_may_confirm(
        client, agency, other_agency, make_staff, publisher_of, old_guide):
    for user in (make_staff(agency, Role.HANDLER), make_staff(agency.parent, Role.SUPERVISOR)):
        client.force_login(user)
        assert client.get(reverse("supervision:columns")).status_code == 403
        assert client.post(reverse("supervision:columns"),
                           {"agency": agency.pk, "category": old_guide.pk}).status_code == 403
    client.force_login(publisher_of(other_agency))
    client.post(reverse("supervision:columns"), {"agency": agency.pk, "category": old_guide.pk})
    assert not ColumnReview.objects.exists()
    assert not AuditEntry.objects.filter(action="supervision.column_review").exists()


@pytest.fixture
def publisher_of(make_staff):
    return lambda agency: make_staff(agency, Role.PUBLISHER)


def test_equal_scores_share_a_rank_on_the_page_and_in_the_export(client, county, supervisor, travel):
    AgencyFactory(name="甲局", parent=county)
    AgencyFactory(name="乙局", parent=county)
    travel(dt.date(2026, 6, 1))
    board = _get(client, supervisor).context["dashboard"]
    assert {rank for rank, _row in board.ranking} == {1}
    export = client.get(reverse("supervision:export"))
    sheet = load_workbook(BytesIO(export.content))["排名"]
    assert {row[0] for row in sheet.iter_rows(min_row=2, values_only=True)} == {1}


@given(st.lists(st.sampled_from([100.0, 95.5, 90.0, 70.0, 0.0]), min_size=1, max_size=12))
def test_rank_is_one_plus_the_number_of_better_scores(points):
    scores = [scoring.Score(i, f"机构{i}", p) for i, p in enumerate(points)]
    ranked = scoring.rank(scores)
    assert [s.points for _r, s in ranked] == sorted(points, reverse=True)
    for rank, score in ranked:
        assert rank == 1 + sum(p > score.points for p in points)


def test_the_export_has_a_frozen_header_and_columns_fitted_to_their_text(client, agency, supervisor):
    make_application(agency, received_on=dt.date(2026, 3, 2))
    client.force_login(supervisor)
    workbook = load_workbook(BytesIO(client.get(reverse("supervision:export"), {"year": 2026}).content))
    for sheet in workbook.worksheets:
        assert sheet.freeze_panes == "A2", sheet.title
        assert all(cell.font.bold for cell in sheet[1])
    sheet = workbook["依申请公开"]
    names = [row[0] for row in sheet.iter_rows(min_row=1, values_only=True)]
    assert sheet.column_dimensions["A"].width >= max(display_width(n) for n in names)
    assert display_width("西华县商务局") == 12 and display_width("ab1") == 3


def test_the_demo_agency_confirms_its_current_columns(old_guide, agency, supervisor, make_staff):
    from gongkai.demo import supervision as demo_supervision

    assert agency.slug == "xihua-commerce"  # the demo's 商务局
    make_staff(agency, Role.PUBLISHER, username="commerce_publisher")
    today = timezone.localdate()
    assert _stale_names(supervisor, agency, today) == ["政府信息公开指南"]
    demo_supervision.load()
    demo_supervision.load()  # idempotent
    assert ColumnReview.objects.count() == 1
    assert AuditEntry.objects.filter(action="supervision.column_review").count() == 1
    assert _stale_names(supervisor, agency, today) == []
