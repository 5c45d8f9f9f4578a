"""Django admin for entered schedules: edits are audited and reach the calendar at once."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse

from gongkai.audit.models import AuditEntry
from gongkai.workdays import add_workdays
from gongkai.workdays.models import CalendarYear
from gongkai.workdays.services import CALENDAR_YEAR_DELETE, CALENDAR_YEAR_SAVE

from .factories import enter_test_2027

pytestmark = pytest.mark.django_db


def inline_management(total: int, initial: int = 0) -> dict:
    return {
        "days-TOTAL_FORMS": str(total),
        "days-INITIAL_FORMS": str(initial),
        "days-MIN_NUM_FORMS": "0",
        "days-MAX_NUM_FORMS": "1000",
    }


def test_adding_a_year_in_the_admin_is_audited_and_used(client, calendar_admin):
    client.force_login(calendar_admin)
    data = {"year": "2027", "notice": "测试用安排", "is_complete": "on", **inline_management(1)}
    data.update(
        {"days-0-date": "2027-01-01", "days-0-kind": "holiday", "days-0-holiday": "new_years_day"}
    )
    response = client.post(reverse("admin:workdays_calendaryear_add"), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    calendar_year = CalendarYear.objects.get(year=2027)
    assert calendar_year.entered_by == calendar_admin
    entry = AuditEntry.objects.get(action=CALENDAR_YEAR_SAVE)
    assert entry.data["via"] == "admin"
    assert entry.data["holidays"] == ["2027-01-01"]
    # 2027-01-01 is off, so the 1st working day after Thu 2026-12-31 is Mon 2027-01-04.
    assert add_workdays(datetime.date(2026, 12, 31), 1) == datetime.date(2027, 1, 4)


def test_the_admin_refuses_a_year_the_package_covers(client, calendar_admin):
    client.force_login(calendar_admin)
    data = {"year": "2025", "notice": "", **inline_management(0)}
    response = client.post(reverse("admin:workdays_calendaryear_add"), data)
    assert response.status_code == 200
    assert CalendarYear.objects.exists() is False


def test_deleting_in_the_admin_is_audited(client, calendar_admin):
    calendar_year = enter_test_2027()
    client.force_login(calendar_admin)
    url = reverse("admin:workdays_calendaryear_delete", args=[calendar_year.pk])
    assert client.post(url, {"post": "yes"}).status_code == 302
    assert CalendarYear.objects.exists() is False
    assert AuditEntry.objects.filter(action=CALENDAR_YEAR_DELETE).count() == 1
