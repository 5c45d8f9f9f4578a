import datetime as dt
from io import BytesIO
from pathlib import Path

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from gongkai.agencies.models import Role
from gongkai.applications.models import Application, Status
from gongkai.catalog.models import Status as DocStatus
from gongkai.reports.models import AnnualReport
from gongkai.supervision import scoring
from gongkai.supervision.models import UploadedReportCheck
from gongkai.supervision.selectors import dashboard_for
from tests.applications.factories import make_application
from tests.catalog.factories import DocumentFactory
from tests.factories import AgencyFactory

SAMPLE = Path(__file__).resolve().parents[1] / "fixtures" / "xihua-commerce-2021.txt"


@pytest.fixture
def supervisor(county, make_staff):
    return make_staff(county, Role.SUPERVISOR)


def _close(application, on: dt.date) -> None:
    Application.objects.filter(pk=application.pk).update(
        status=Status.CLOSED, closed_on=on, outcome="disclosed"
    )


def _row(board, agency):
    return next(r for r in board.rows if r.agency == agency)


def test_requests_overdue_due_soon_and_on_time_rate_are_counted_per_agency(agency, supervisor):
    requests = [make_application(agency, received_on=dt.date(2021, 9, 27)) for _ in range(3)]
    assert requests[0].due_on == dt.date(2021, 10, 29)
    board = dashboard_for(supervisor, year=2021, today=dt.date(2021, 10, 27), stale_days=90)
    assert (_row(board, agency).open_requests, _row(board, agency).due_soon) == (3, 3)
    assert _row(board, agency).overdue == 0
    _close(requests[0], dt.date(2021, 10, 20))
    _close(requests[1], dt.date(2021, 11, 3))
    board = dashboard_for(supervisor, year=2021, today=dt.date(2021, 11, 1), stale_days=90)
    row = _row(board, agency)
    assert (row.open_requests, row.overdue, row.due_soon) == (1, 1, 0)
    # The open request past its due date (29 October) is late already.
    assert (row.closed, row.closed_on_time, row.on_time.overdue_open) == (2, 1, 1)
    assert row.on_time_rate == pytest.approx(1 / 3)


def test_stale_columns_and_publications_later_than_twenty_working_days(agency, supervisor):
    # 成文 2024-03-01 (Fri): the 20th working day after it is 2024-03-29.
    late = DocumentFactory(agency=agency, status=DocStatus.PUBLISHED, written_on=dt.date(2024, 3, 1),
                           published_on=dt.date(2024, 4, 1))
    DocumentFactory(agency=agency, status=DocStatus.PUBLISHED, written_on=dt.date(2024, 3, 1),
                    published_on=dt.date(2024, 3, 29))
    board = dashboard_for(supervisor, year=2024, today=dt.date(2024, 9, 1), stale_days=90)
    row = _row(board, agency)
    assert [pk for pk, *_ in row.late_publications] == [late.pk]
    assert [column.name for column in row.stale_categories] == [late.category.name]
    board = dashboard_for(supervisor, year=2024, today=dt.date(2024, 5, 1), stale_days=90)
    assert _row(board, agency).stale_categories == []


def test_reports_not_published_by_31_january_are_flagged(agency, other_agency, supervisor, make_staff):
    author = make_staff(agency, Role.ADMIN)
    AnnualReport.objects.create(
        agency=agency, year=2021, status=AnnualReport.Status.PUBLISHED, created_by=author,
        published_at=timezone.make_aware(dt.datetime(2022, 2, 10, 9)),
    )
    before = dashboard_for(supervisor, year=2021, today=dt.date(2022, 1, 20), stale_days=90)
    assert _row(before, other_agency).report_state == "pending"
    after = dashboard_for(supervisor, year=2021, today=dt.date(2022, 3, 1), stale_days=90)
    assert _row(after, agency).report_state == "late"
    assert _row(after, other_agency).report_state == "missing"
    reasons = [why for why, _ in _row(after, other_agency).score.reasons]
    assert "年度报告逾期未发布" in reasons


def test_scores_explain_every_deduction():
    score = scoring.score_agency(agency_id=1, agency_name="甲", overdue=10, on_time_rate=0.8,
                                 stale_categories=1, late_publications=0, report_state="published")
    assert score.points == 100 - 30 - 4 - 2
    assert [points for _, points in score.reasons] == [30, 4, 2]


def test_the_number_of_queries_does_not_grow_with_the_agencies(county, supervisor, django_assert_max_num_queries):
    for i in range(2):
        AgencyFactory(name=f"部门{i}", parent=county)
    with django_assert_max_num_queries(12):
        small = dashboard_for(supervisor, year=2024, today=dt.date(2024, 6, 1), stale_days=90)
    for i in range(8):
        AgencyFactory(name=f"更多部门{i}", parent=county)
    with django_assert_max_num_queries(12):
        big = dashboard_for(supervisor, year=2024, today=dt.date(2024, 6, 1), stale_days=90)
    assert len(big.rows) == len(small.rows) + 8


def test_only_supervisors_of_the_subtree_see_it(client, county, agency, make_staff):
    client.force_login(make_staff(agency, Role.HANDLER))
    assert client.get(reverse("supervision:dashboard")).status_code == 403
    elsewhere = AgencyFactory(name="别的县人民政府", level="county")
    client.force_login(make_staff(elsewhere, Role.SUPERVISOR))
    response = client.get(reverse("supervision:dashboard"))
    assert response.status_code == 200
    assert agency.name not in response.content.decode()
    client.logout()
    assert client.get(reverse("supervision:dashboard")).status_code == 302


def test_the_dashboard_page_and_its_excel_export(client, agency, supervisor):
    make_application(agency, received_on=dt.date(2021, 9, 27))
    client.force_login(supervisor)
    page = client.get(reverse("supervision:dashboard"), {"year": 2021})
    assert page.status_code == 200
    assert agency.name in page.content.decode()
    assert "<svg" in page.content.decode()
    export = client.get(reverse("supervision:export"), {"year": 2021})
    assert export.status_code == 200
    workbook = load_workbook(BytesIO(export.content))
    assert workbook.sheetnames == ["排名", "依申请公开", "长期未更新栏目", "超期公开", "年度报告", "外部年报检查"]
    agencies = [row[0] for row in workbook["依申请公开"].iter_rows(min_row=2, values_only=True)]
    assert agency.name in agencies


def test_an_uploaded_report_is_parsed_and_checked(client, agency, supervisor, django_capture_on_commit_callbacks):
    client.force_login(supervisor)
    with SAMPLE.open("rb") as handle, django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("supervision:check_list"), {
            "agency": agency.pk, "year": 2021, "file": handle,
        })
    check = UploadedReportCheck.objects.get()
    assert response.status_code == 302
    assert check.status == UploadedReportCheck.Status.DONE
    assert check.error_count > 0
    assert any(f["code"] == "negative" and f["row"] == "normative" for f in check.findings)
    detail = client.get(check.get_absolute_url())
    assert detail.status_code == 200
    board = dashboard_for(supervisor, year=2021, today=dt.date(2022, 3, 1), stale_days=90)
    assert _row(board, agency).uploaded_checks == [check]
    sheet = load_workbook(BytesIO(client.get(reverse("supervision:export"), {"year": 2021}).content))[
        "外部年报检查"]
    header, *rows = sheet.iter_rows(values_only=True)
    assert header[-3:] == ("错误数", "警告数", "读取说明数")
    assert rows == [(agency.name, 2021, check.original_name, str(check.get_status_display()),
                     check.error_count, check.warning_count, check.notice_count)]


def test_an_executable_named_like_a_report_is_refused(client, agency, supervisor):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(supervisor)
    fake = SimpleUploadedFile("report.pdf", b"MZ\x90\x00\x03" + b"\x00" * 200)
    response = client.post(reverse("supervision:check_list"), {"agency": agency.pk, "year": 2021, "file": fake})
    assert response.status_code == 200
    assert not UploadedReportCheck.objects.exists()
    text = SimpleUploadedFile("report.txt", b"MZ\x90\x00\x03\x00\x00")
    response = client.post(reverse("supervision:check_list"), {"agency": agency.pk, "year": 2021, "file": text})
    assert not UploadedReportCheck.objects.exists()


def test_a_supervisor_cannot_upload_for_an_agency_outside_the_subtree(client, agency, make_staff):
    elsewhere = AgencyFactory(name="别的县人民政府", level="county")
    client.force_login(make_staff(elsewhere, Role.SUPERVISOR))
    from django.core.files.uploadedfile import SimpleUploadedFile

    response = client.post(reverse("supervision:check_list"), {
        "agency": agency.pk, "year": 2021, "file": SimpleUploadedFile("r.txt", "一、总体情况".encode()),
    })
    assert response.status_code == 200
    assert not UploadedReportCheck.objects.exists()
