"""Public 依申请公开 statistics per agency and year: the same numbers as the annual report's
tables 三 and 四 (live, and frozen once 报送), a CSV of them, and no applicant data."""

from __future__ import annotations

import csv
import datetime as dt
import io

import pytest
import time_machine
from django.urls import reverse

from gongkai.reportformat import template
from gongkai.reportformat.render.html import render_table_html
from gongkai.reports.annual_selectors import report_value
from gongkai.reports.models import AnnualReport
from tests.appeals.factories import AppealCaseFactory, make_application
from tests.reports.annual_support import *  # noqa: F403
from tests.reports.annual_support import YEAR, report_at

pytestmark = pytest.mark.django_db
TODAY = dt.datetime(YEAR + 1, 3, 1, 12, tzinfo=dt.UTC)


@pytest.fixture(autouse=True)
def _frozen_clock():
    with time_machine.travel(TODAY, tick=False):
        yield


@pytest.fixture
def more_records(records):
    """Further requests of every applicant type and outcome group, and appeals of each kind."""
    agency = records
    types = [c.code for c in template.APPLICANT_TYPES]
    for n, row in enumerate(template.OUTCOMES):
        make_application(agency, received_on=dt.date(YEAR, 1 + n % 11, 3),
                         closed_on=dt.date(YEAR, 1 + n % 11, 25), outcome=row.code,
                         applicant_type=types[n % len(types)])
    make_application(agency, received_on=dt.date(YEAR, 12, 1))  # carried over
    AppealCaseFactory(agency=agency, kind="lawsuit_direct", filed_on=dt.date(YEAR, 3, 1),
                      result="corrected", closed_on=dt.date(YEAR, 9, 1))
    AppealCaseFactory(agency=agency, kind="lawsuit_after_review", filed_on=dt.date(YEAR, 10, 1))
    return agency


def _csv(client, agency) -> list[list[str]]:
    response = client.get(reverse("reports:statistics_csv",
                                  kwargs={"slug": agency.slug, "year": YEAR}))
    assert response.status_code == 200
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))


def _table3_of_csv(rows: list[list[str]]) -> dict[str, list[int]]:
    start = next(i for i, r in enumerate(rows) if r and r[0].startswith("表三"))
    return {r[0]: [int(v) for v in r[1:]] for r in rows[start + 1:start + 1 + len(template.TABLE3.rows)]}


def _table3_of_report(report) -> dict[str, list[int]]:
    return {row.full_label or row.label: [int(report.value(template.TABLE3.code, row.code, c.code))
                                          for c in template.TABLE3.columns]
            for row in template.TABLE3.rows}


def test_statistics_equal_the_annual_reports_table_three(client, more_records, publisher):
    agency = more_records
    annual = report_at(AnnualReport.Status.DRAFT, agency=agency, publisher=publisher)
    value = report_value(annual)
    assert value.value("table3", "new", "total") > 10  # a real year, not an empty table

    assert _table3_of_csv(_csv(client, agency)) == _table3_of_report(value)
    page = client.get(reverse("reports:statistics", kwargs={"slug": agency.slug}),
                      {"year": YEAR}).content.decode()
    assert render_table_html("三", value) in page
    assert render_table_html("四", value) in page
    assert f'id="stat-received">{value.value("table3", "new", "total")}<' in page
    assert f'id="stat-answered">{value.value("table3", "total", "total")}<' in page


def test_once_reported_the_statistics_show_the_frozen_numbers(client, more_records, publisher):
    agency = more_records
    annual = report_at(AnnualReport.Status.SUBMITTED, agency=agency, publisher=publisher)
    frozen = report_value(annual)
    # A request entered late for that year changes the live count, not the reported one.
    make_application(agency, received_on=dt.date(YEAR, 6, 6), closed_on=dt.date(YEAR, 6, 9),
                     outcome="disclosed")
    assert _table3_of_csv(_csv(client, agency)) == _table3_of_report(frozen)


def test_appeals_and_on_time_rate(client, more_records):
    rows = {r[0]: r[1:] for r in _csv(client, more_records) if r}
    review = rows["行政复议"]
    assert review == ["1", "0", "0", "0", "1"]  # upheld
    assert rows["行政诉讼 未经复议直接起诉"] == ["0", "1", "0", "0", "1"]
    assert rows["行政诉讼 复议后起诉"] == ["0", "0", "0", "1", "1"]
    # The factories answer within the due date (28 days); the two requests still open (received
    # 5 November and 1 December) are past their due date in that year and count as late.
    answered = int(rows["本年办结"][0])
    assert rows["按期答复"] == [str(answered)]
    assert rows["计入按期率的申请"] == [str(answered + 2)]
    assert rows["按期答复率"] == [f"{100 * answered / (answered + 2):.1f}%"]


def test_no_applicant_data_on_the_page(client, more_records):
    page = client.get(reverse("reports:statistics", kwargs={"slug": more_records.slug}),
                      {"year": YEAR}).content.decode()
    assert "申请人1" not in page and "关于第" not in page and "13800000000" not in page


def test_unknown_years_and_agencies_are_not_found(client, agency):
    url = reverse("reports:statistics", kwargs={"slug": agency.slug})
    assert client.get(url, {"year": 1999}).status_code == 404
    assert client.get(url, {"year": YEAR + 5}).status_code == 404
    assert client.get(url).status_code == 200  # last year by default
    assert client.get(reverse("reports:statistics", kwargs={"slug": "no-such"})).status_code == 404
    agency.is_active = False
    agency.save(update_fields=["is_active"])
    assert client.get(url).status_code == 404


def test_agency_page_links_to_its_statistics(client, agency):
    page = client.get(agency.get_absolute_url()).content.decode()
    assert reverse("reports:statistics", kwargs={"slug": agency.slug}) in page
