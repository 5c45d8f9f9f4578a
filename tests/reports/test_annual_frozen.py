"""A published report is frozen: records changed later do not change its numbers; its page
shows the difference, cell by cell, instead."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from gongkai.applications.models import Application
from gongkai.reports.annual_selectors import report_differences, report_value
from gongkai.reports.models import AnnualReport
from tests.appeals.factories import make_application
from tests.reports.annual_support import *  # noqa: F403
from tests.reports.annual_support import YEAR, report_at

pytestmark = pytest.mark.django_db


@pytest.fixture
def published(agency, publisher, supervisor, reviewer, records):
    return report_at(AnnualReport.Status.PUBLISHED, agency=agency, publisher=publisher,
                     supervisor=supervisor, reviewer=reviewer)


def test_a_record_changed_after_publication_leaves_the_report_unchanged(
    client, agency, published, publisher
):
    before = report_value(published).numbers()
    assert report_differences(published) == []
    # A request received in the year is entered late, and one outcome is corrected.
    make_application(agency, received_on=dt.date(YEAR, 9, 1), closed_on=dt.date(YEAR, 9, 9),
                     outcome="disclosed", applicant_type="natural")
    Application.objects.filter(outcome="partial").update(outcome="disclosed")

    published.refresh_from_db()
    assert report_value(published).numbers() == before
    diffs = {d.key: (d.frozen, d.now) for d in report_differences(published)}
    assert diffs["table3/new/total"] == (5, 6)
    assert diffs["table3/new/natural"] == (3, 4)
    assert diffs["table3/partial/natural"] == (1, 0)
    assert diffs["table3/disclosed/natural"] == (2, 4)

    client.force_login(publisher)
    page = client.get(reverse("reports:staff_detail", args=[agency.slug, YEAR])).content.decode()
    assert "发布（报送）后记录发生的变化" in page
    assert "本年新收政府信息公开申请数量 总计" in page
    cell = reverse("reports:staff_cell", args=[agency.slug, YEAR, "table3", "new", "total"])
    assert f'<td class="changed"><a href="{cell}">5</a></td>' in page  # published number kept

    data = client.get(reverse("reports:open_data_agency", args=[agency.slug, YEAR])).json()
    assert data["tables"]["table3"]["new"]["total"] == 5
    published.document.refresh_from_db()
    assert "本年新收" in published.document.body


def test_no_difference_shown_while_the_records_agree(client, agency, published, publisher):
    client.force_login(publisher)
    page = client.get(reverse("reports:staff_detail", args=[agency.slug, YEAR])).content.decode()
    assert "当前记录与冻结的数字一致" in page
    assert 'class="changed"' not in page
