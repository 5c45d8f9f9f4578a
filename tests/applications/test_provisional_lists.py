"""Provisional (暂定) due dates count: due-soon and overdue lists of the staff queue and the
supervision dashboard use them, and the API and the CSV export mark them (issue 15 item 1)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from gongkai.agencies.models import Role
from gongkai.supervision.selectors import dashboard_for

from .factories import applicant_data, make_application

D = dt.date


@pytest.fixture
def december(agency):
    # Received Fri 2026-12-04; 2027 unknown: 12-07..31 (1-19), 01-01 元旦 assumed, 01-04 (20).
    application = make_application(agency, received_on=D(2026, 12, 4))
    assert (application.due_on, application.due_on_provisional) == (D(2027, 1, 4), True)
    return application


def _queue(client, **params):
    response = client.get(reverse("applications:queue"), params)
    assert response.status_code == 200
    return [a.pk for a, _urgency in response.context["rows"]]


def test_a_provisional_date_is_due_soon_then_overdue_in_the_staff_queue(december, handler,
                                                                      client_for, travel):
    travel(D(2026, 12, 30))  # 3 working days: 12-31, (01-01 元旦), 01-04, 01-05
    client = client_for(handler)
    assert _queue(client, overdue="soon") == [december.pk]
    page = client.get(reverse("applications:queue")).content.decode()
    assert "2027-01-04" in page and "暂定" in page and "2027 年节假日安排尚未录入" in page
    travel(D(2027, 1, 5))
    client = client_for(handler)
    assert _queue(client, overdue="yes") == [december.pk]


def test_the_supervision_dashboard_counts_provisional_dates(december, agency, county, make_staff,
                                                           client):
    supervisor = make_staff(county, Role.SUPERVISOR)
    board = dashboard_for(supervisor, year=2026, today=D(2026, 12, 30), stale_days=90)
    row = next(r for r in board.rows if r.agency == agency)
    assert (row.due_soon, row.provisional, row.overdue) == (1, 1, 0)
    board = dashboard_for(supervisor, year=2027, today=D(2027, 1, 5), stale_days=90)
    row = next(r for r in board.rows if r.agency == agency)
    assert (row.overdue, row.provisional) == (1, 1)
    client.force_login(supervisor)
    body = client.get(reverse("supervision:dashboard")).content.decode()
    assert "件在办申请的答复期限为暂定" in body


def test_the_api_marks_a_provisional_due_date(agency, client, travel):
    travel(D(2026, 12, 4))
    data = applicant_data(agency)
    data["agency"] = agency.slug
    response = client.post("/api/v1/requests", data, content_type="application/json")
    assert response.status_code == 201, response.content.decode()
    body = response.json()
    assert body["due_on"] == "2027-01-04"
    assert body["due_on_provisional"] is True
    assert body["due_on_provisional_reason"] == "2027 年节假日安排尚未录入"


def test_the_export_marks_a_provisional_due_date(december, handler, client_for, travel):
    travel(D(2026, 12, 10))
    response = client_for(handler).get(reverse("applications:export"))
    assert "2027-01-04（暂定）" in response.content.decode("utf-8-sig")


def test_the_applicant_sees_the_date_marked_provisional(agency, client, travel):
    from .test_public_form import form_data

    travel(D(2026, 12, 4))
    response = client.post(reverse("applications:apply"), form_data(agency), follow=True)
    assert response.status_code == 200
    assert "2027-01-04（暂定）" in response.content.decode()


def test_late_publications_in_december_are_judged_without_a_2027_schedule(agency, county,
                                                                         make_staff):
    """成文 2026-12-01, published 12-31: the 20th working day (12-29) is in 2026, so it is late;
    成文 12-10, published 12-31: its limit (2027-01-08, provisional) is in 2027, so it is not.
    Before, the whole list gave way to a 'schedule unknown' message."""
    from gongkai.catalog.models import Status as DocStatus
    from tests.catalog.factories import DocumentFactory

    late = DocumentFactory(agency=agency, status=DocStatus.PUBLISHED, written_on=D(2026, 12, 1),
                           published_on=D(2026, 12, 31))
    DocumentFactory(agency=agency, status=DocStatus.PUBLISHED, written_on=D(2026, 12, 10),
                    published_on=D(2026, 12, 31))
    supervisor = make_staff(county, Role.SUPERVISOR)
    board = dashboard_for(supervisor, year=2026, today=D(2026, 12, 31), stale_days=90)
    row = next(r for r in board.rows if r.agency == agency)
    assert [pk for pk, *_rest in row.late_publications] == [late.pk]
