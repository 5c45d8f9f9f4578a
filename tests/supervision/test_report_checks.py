"""The supervisor's uploaded-report checks: limits, checks left running, the three kinds of
finding, and the comparison with the platform's own report of the agency and year."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from gongkai.agencies.models import Role
from gongkai.reportformat.render import render
from gongkai.reports.compute import compute_report
from gongkai.supervision import services
from gongkai.supervision.models import UploadedReportCheck
from tests.applications.factories import make_application
from tests.untrusted import hostile

pytestmark = pytest.mark.django_db

SAMPLE = Path(__file__).resolve().parents[1] / "fixtures" / "xihua-commerce-2021.txt"
Status = UploadedReportCheck.Status


@pytest.fixture
def supervisor(county, make_staff):
    return make_staff(county, Role.SUPERVISOR)


def _upload(client, agency, year, name, data, capture):
    """Upload, run the queued check (as the in-process task runner does on commit), then open
    the page the upload redirects to."""
    with capture(execute=True):
        response = client.post(reverse("supervision:check_list"), {
            "agency": agency.pk, "year": year, "file": SimpleUploadedFile(name, data),
        })
    assert response.status_code == 302, response.content.decode()[-2000:]
    return client.get(response.url)


def _check(agency, supervisor, **fields) -> UploadedReportCheck:
    check = UploadedReportCheck(agency=agency, year=2021, original_name="r.txt", sha256="0" * 64,
                                uploaded_by=supervisor, **fields)
    check.file.save("r", ContentFile(b"x"), save=False)
    check.save()
    return check


def test_a_finished_check_page_does_not_say_it_is_still_checking(
        client, agency, supervisor, django_capture_on_commit_callbacks):
    """Issue 20: after an upload the page said 正在检查 although the check had finished."""
    client.force_login(supervisor)
    response = _upload(client, agency, 2021, "report.txt", SAMPLE.read_bytes(),
                       django_capture_on_commit_callbacks)
    page = response.content.decode()
    assert UploadedReportCheck.objects.get().status == Status.DONE
    assert "正在检查" not in page
    assert "文件已上传。" in page and "已完成" in page
    assert 'http-equiv="refresh"' not in page


def test_a_running_check_page_says_so_and_refreshes(client, agency, supervisor):
    check = _check(agency, supervisor, status=Status.RUNNING, started_at=timezone.now())
    client.force_login(supervisor)
    page = client.get(check.get_absolute_url()).content.decode()
    assert "正在检查" in page and 'http-equiv="refresh"' in page


def test_a_file_past_a_limit_fails_the_check_with_the_limit_message(
        client, agency, supervisor, settings, django_capture_on_commit_callbacks):
    settings.REPORT_PARSE_LIMITS = {"max_pages": 20}
    client.force_login(supervisor)
    page = _upload(client, agency, 2021, "report.pdf", hostile.many_page_pdf(200),
                   django_capture_on_commit_callbacks).content.decode()
    check = UploadedReportCheck.objects.get()
    assert check.status == Status.FAILED
    assert "超过 20 页" in check.failure
    assert check.failure in page and "正在检查" not in page


def test_checks_left_running_or_queued_fail_with_a_message_and_others_are_left(
        agency, supervisor, settings):
    settings.REPORT_PARSE_LIMITS = {"wall_seconds": 30}
    now = timezone.now()
    dead = _check(agency, supervisor, status=Status.RUNNING, started_at=now - dt.timedelta(minutes=5))
    alive = _check(agency, supervisor, status=Status.RUNNING, started_at=now - dt.timedelta(seconds=20))
    lost = _check(agency, supervisor, status=Status.PENDING)
    queued = _check(agency, supervisor, status=Status.PENDING)
    UploadedReportCheck.objects.filter(pk=lost.pk).update(uploaded_at=now - dt.timedelta(hours=2))
    done = _check(agency, supervisor, status=Status.DONE, started_at=now - dt.timedelta(days=1))

    assert services.report_checks_fail_stale(now=now) == 2
    assert services.report_checks_fail_stale(now=now) == 0  # idempotent
    states = {c.pk: (c.status, c.failure) for c in UploadedReportCheck.objects.all()}
    assert states[dead.pk][0] == Status.FAILED and "意外中止" in states[dead.pk][1]
    assert states[lost.pk][0] == Status.FAILED and "等待过久" in states[lost.pk][1]
    assert states[alive.pk][0] == Status.RUNNING
    assert states[queued.pk][0] == Status.PENDING
    assert states[done.pk][0] == Status.DONE


def test_a_check_left_running_is_failed_when_its_page_is_opened(client, agency, supervisor):
    check = _check(agency, supervisor, status=Status.RUNNING,
                   started_at=timezone.now() - dt.timedelta(hours=1))
    client.force_login(supervisor)
    page = client.get(check.get_absolute_url()).content.decode()
    assert "正在检查" not in page and "意外中止" in page
    assert UploadedReportCheck.objects.get().status == Status.FAILED


def test_a_finished_check_run_again_is_left_as_it_is(agency, supervisor):
    check = _check(agency, supervisor, status=Status.FAILED, failure="x")
    assert services.report_check_run(check_id=check.pk).failure == "x"


def test_errors_warnings_and_reading_notices_are_counted_and_shown_apart(client, agency, supervisor):
    findings = [
        {"rule": "R3-2", "severity": "error", "message": "总计为 61，但六类申请人之和为 60",
         "section": "三", "line": 40},
        {"rule": "S-1", "severity": "warning", "message": "标题写法与官方格式不同", "section": "五"},
        {"rule": "P-4", "severity": "notice", "message": "表三第3行数字粘连，无法唯一拆分", "line": 41},
    ]
    check = _check(agency, supervisor, status=Status.DONE, findings=findings, error_count=1,
                   warning_count=1, notice_count=1)
    client.force_login(supervisor)
    page = client.get(check.get_absolute_url()).content.decode()
    for kind in ("错误", "警告", "读取说明"):
        assert f">{kind}</span>" in page
    assert "并非报告本身的错误" in page  # what a reading notice means
    assert page.index("总计为 61") < page.index("标题写法") < page.index("数字粘连")
    listing = client.get(reverse("supervision:check_list")).content.decode()
    assert "读取说明" in listing


def test_the_sample_check_counts_each_kind_from_the_engine(
        client, agency, supervisor, django_capture_on_commit_callbacks):
    client.force_login(supervisor)
    _upload(client, agency, 2021, "report.txt", SAMPLE.read_bytes(), django_capture_on_commit_callbacks)
    check = UploadedReportCheck.objects.get()
    by_kind = {kind: sum(1 for f in check.findings if f["severity"] == kind)
               for kind in ("error", "warning", "notice")}
    assert (check.error_count, check.warning_count, check.notice_count) == (
        by_kind["error"], by_kind["warning"], by_kind["notice"])
    # The numbers read are kept for the comparison, the sample's negative count among them.
    assert any(key.startswith("item1/normative/") and value < 0
               for key, value in check.cells.items() if isinstance(value, int))


# --- the comparison with the platform's records (issue 13 item 4) ---------------------------


def _platform_year(agency):
    for day in (3, 4, 5):
        make_application(agency, received_on=dt.date(2022, 3, day))
    make_application(agency, received_on=dt.date(2022, 4, 1), applicant_type="business",
                     closed_on=dt.date(2022, 4, 20), outcome="disclosed")
    return compute_report(agency, 2022)


def test_each_cell_where_the_published_report_differs_from_the_platform_is_listed(
        client, agency, supervisor, django_capture_on_commit_callbacks):
    platform = _platform_year(agency)
    assert platform.get("table3", "new", "natural") == 3
    published = compute_report(agency, 2022)
    published.agency, published.title = agency.name, f"{agency.name}2022年政府信息公开工作年度报告"
    published.set("table3", "new", "natural", 5)            # 3 on the platform
    published.set("item8", "fees", "amount", Decimal("1.5"))  # 0 on the platform
    text = render(published, "text").encode()
    client.force_login(supervisor)
    page = _upload(client, agency, 2022, "report.txt", text,
                   django_capture_on_commit_callbacks).content.decode()
    check = UploadedReportCheck.objects.get()
    assert check.status == Status.DONE
    assert "与平台数据比对" in page
    rows = page.split('<table class="data cross-check">')[1].split("</table>")[0]
    assert rows.count("<tr>") == 3  # the header and the two cells
    assert "本年新收政府信息公开申请数量" in rows and "自然人" in rows
    assert '<td class="num">5</td><td class="num">3</td><td class="num">2</td>' in rows
    fees = rows.split("行政事业性收费")[1].split("</tr>")[0]
    assert [Decimal(n) for n in re.findall(r'<td class="num">([\d.]+)</td>', fees)] == [
        Decimal("1.5"), 0, Decimal("1.5")]


def test_a_published_report_that_agrees_with_the_platform_says_so(
        client, agency, supervisor, django_capture_on_commit_callbacks):
    published = _platform_year(agency)
    published.agency, published.title = agency.name, f"{agency.name}2022年政府信息公开工作年度报告"
    client.force_login(supervisor)
    page = _upload(client, agency, 2022, "report.txt", render(published, "text").encode(),
                   django_capture_on_commit_callbacks).content.decode()
    assert "与平台按记录统计的结果一致" in page
    assert "cross-check" not in page


def test_a_year_without_platform_records_is_not_compared(
        client, agency, supervisor, django_capture_on_commit_callbacks):
    client.force_login(supervisor)
    page = _upload(client, agency, 2021, "report.txt", SAMPLE.read_bytes(),
                   django_capture_on_commit_callbacks).content.decode()
    assert "无法比对" in page


def test_the_demo_check_shows_the_one_cell_typed_differently(client, django_capture_on_commit_callbacks):
    from importlib import import_module

    from gongkai import demo

    wanted = ("agencies", "workdays", "applications", "appeals", "figures", "report_checks")
    with django_capture_on_commit_callbacks(execute=True):
        for step in demo.STEPS:
            if step.rsplit(".", 1)[-1] in wanted:
                import_module(step).load()
    import_module("gongkai.demo.report_checks").load()  # idempotent
    check = UploadedReportCheck.objects.get()
    assert check.status == Status.DONE and check.error_count == 0
    client.force_login(check.uploaded_by)
    page = client.get(check.get_absolute_url()).content.decode()
    rows = page.split('<table class="data cross-check">')[1].split("</table>")[0]
    assert rows.count("<tr>") == 5  # header, 自然人 and 总计 of 本年新收 and of 结转下年度
    assert "申请人情况 自然人" in rows and "申请人情况 总计" in rows
