"""`gongkai erase_personal_data`: applicants' details go once the retention period is over;
the statistics, published annual reports, open and recent requests stay as they were."""

from __future__ import annotations

import datetime as dt
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection
from django.urls import reverse

from gongkai.appeals.models import AppealCase
from gongkai.applications.models import Application
from gongkai.audit.models import AuditEntry
from gongkai.privacy.retention import ERASED
from gongkai.reports.compute import compute_report, compute_reports_python
from gongkai.reports.models import AnnualReport
from tests.appeals.factories import make_application
from tests.reports.annual_support import *  # noqa: F403
from tests.reports.annual_support import YEAR, report_at

pytestmark = pytest.mark.django_db

# With one year of retention, running on 1 Jan of YEAR+2 erases what closed before YEAR+1.
RUN_ON = dt.date(YEAR + 2, 1, 1)


@pytest.fixture(autouse=True)
def _one_year(settings):
    settings.PERSONAL_DATA_RETENTION_DAYS = 365


def _erase(*args) -> str:
    out = StringIO()
    call_command("erase_personal_data", "--date", RUN_ON.isoformat(), "--batch-size", "2", *args,
                 stdout=out)
    return out.getvalue()


def _closed_in_year() -> list[Application]:
    return list(Application.objects.filter(closed_on__year=YEAR))


def test_closed_requests_lose_the_applicants_details_and_nothing_else(records):
    before = {a.pk: (a.applicant_type, a.received_on, a.closed_on, a.outcome, a.agency_id, a.status)
              for a in _closed_in_year()}
    assert len(before) == 5

    output = _erase()

    assert "applications.Application" in output and "已删除个人信息" in output
    for a in _closed_in_year():
        assert (a.applicant_type, a.received_on, a.closed_on, a.outcome, a.agency_id,
                a.status) == before[a.pk]
        assert (a.applicant_name, a.id_number, a.phone, a.applicant_key, a.user_id) == (
            ERASED, "", "", "", None)
        assert a.personal_data_erased_at is not None
    with connection.cursor() as cursor:
        cursor.execute("SELECT id_number, phone FROM applications_application WHERE closed_on < %s",
                       [dt.date(YEAR + 1, 1, 1)])
        assert set(cursor.fetchall()) == {("", "")}
    case = AppealCase.objects.get()
    assert case.applicant_name == ERASED and case.personal_data_erased_at is not None


def test_open_and_recently_closed_requests_are_untouched(records):
    recent = make_application(records, received_on=dt.date(YEAR + 1, 1, 5),
                              closed_on=dt.date(YEAR + 1, 1, 20))
    still_open = Application.objects.get(status="in_progress")
    kept = {a.pk: (a.applicant_name, a.id_number, a.phone) for a in (recent, still_open)}

    _erase()

    for a in Application.objects.filter(pk__in=kept):
        assert (a.applicant_name, a.id_number, a.phone) == kept[a.pk]
        assert a.personal_data_erased_at is None


def test_the_annual_report_of_a_past_year_is_the_same_before_and_after(records):
    before = compute_report(records, YEAR)
    before_python = compute_reports_python([records], YEAR)

    _erase()

    after = compute_report(records, YEAR)
    assert after.cells == before.cells
    assert compute_reports_python([records], YEAR)[records.pk].cells == before_python[records.pk].cells


def test_a_published_annual_report_is_unchanged(agency, publisher, supervisor, reviewer, records):
    published = report_at(AnnualReport.Status.PUBLISHED, agency=agency, publisher=publisher,
                          supervisor=supervisor, reviewer=reviewer)
    snapshot, body = published.snapshot, published.document.body

    _erase()

    published.refresh_from_db()
    published.document.refresh_from_db()
    assert published.snapshot == snapshot
    assert published.document.body == body


def test_a_second_run_erases_nothing_and_each_run_is_audited(records):
    _erase()
    output = _erase()

    assert "的 0 件已删除个人信息" in output
    entries = AuditEntry.objects.filter(action="privacy.erase_personal_data").order_by("id")
    assert [e.data["erased"]["applications.Application"] for e in entries] == [5, 0]
    assert entries[0].data["closed_before"] == dt.date(YEAR + 1, 1, 1).isoformat()


def test_dry_run_counts_and_changes_nothing(records):
    output = _erase("--dry-run")

    assert "5 件将删除个人信息" in output
    assert not Application.objects.filter(personal_data_erased_at__isnull=False).exists()
    assert not AuditEntry.objects.filter(action="privacy.erase_personal_data").exists()


def test_staff_page_and_status_look_up_say_the_details_were_erased(client, records, handler):
    application = _closed_in_year()[0]
    followed = client.post(reverse("applications:lookup"),
                           {"code": application.query_code, "phone": "13800000000"})
    assert followed.status_code == 302  # this session may follow the request
    _erase()

    track = client.get(followed["Location"])
    assert track.status_code == 200
    assert "个人信息已按保存期限删除" in track.content.decode()
    assert application.applicant_name not in track.content.decode()

    client.force_login(handler)
    page = client.get(application.get_absolute_url())
    assert page.status_code == 200
    assert "个人信息已按保存期限删除" in page.content.decode()
    queue = client.get(reverse("applications:queue") + "?status=closed")
    assert queue.status_code == 200
    client.logout()  # a new session must look the request up again

    # An erased request answers a look-up exactly as an unknown code (issue 14 item 6): the
    # difference would confirm that a guessed code exists.
    answers = [client.post(reverse("applications:lookup"), {"code": code, "phone": "13800000000"})
               for code in (application.query_code, "NOSUCHCODE1")]
    assert [a.status_code for a in answers] == [200, 200]
    errors = [a.context["form"].non_field_errors().as_data()[0] for a in answers]
    assert [e.code for e in errors] == ["lookup_failed", "lookup_failed"]
    assert errors[0].message == errors[1].message
    assert "个人信息已按保存期限删除" not in answers[0].content.decode()


def test_a_retention_period_shorter_than_the_time_to_sue_is_warned_about(settings):
    from gongkai.privacy.checks import check_retention_period

    settings.PERSONAL_DATA_RETENTION_DAYS = 90
    assert [w.id for w in check_retention_period()] == ["gongkai_privacy.W002"]
    settings.PERSONAL_DATA_RETENTION_DAYS = 1827
    assert check_retention_period() == []
