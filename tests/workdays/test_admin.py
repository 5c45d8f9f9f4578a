"""Django admin for entered schedules: it writes through the calendar's services (their checks,
their audit entry, the cache dropped) instead of saving rows around them (issue 17 item 3)."""

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


def test_adding_a_year_in_the_admin_is_audited_and_used(client, calendar_admin):
    client.force_login(calendar_admin)
    data = {"year": "2027", "notice": "测试用安排", "is_complete": "on",
            "holidays": "元旦 2027-01-01", "makeup_days": ""}
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
    data = {"year": "2025", "notice": "", "holidays": "", "makeup_days": ""}
    response = client.post(reverse("admin:workdays_calendaryear_add"), data)
    assert response.status_code == 200
    assert CalendarYear.objects.exists() is False


def test_the_admin_applies_the_services_checks(client, calendar_admin):
    """Marked complete without a single holiday: the service's rule, shown as a form error."""
    client.force_login(calendar_admin)
    data = {"year": "2027", "notice": "", "is_complete": "on", "holidays": "",
            "makeup_days": "春节 2027-02-20"}
    response = client.post(reverse("admin:workdays_calendaryear_add"), data)
    assert response.status_code == 200
    errors = response.context["adminform"].form.non_field_errors().as_data()
    assert [e.code for e in errors] == ["complete_without_holidays"]
    assert CalendarYear.objects.exists() is False
    assert AuditEntry.objects.exists() is False


def test_a_bad_line_is_reported_on_its_field(client, calendar_admin):
    client.force_login(calendar_admin)
    data = {"year": "2027", "notice": "", "holidays": "元旦 2027-13-01", "makeup_days": ""}
    response = client.post(reverse("admin:workdays_calendaryear_add"), data)
    assert response.status_code == 200
    form = response.context["adminform"].form
    assert form.has_error("holidays", code="bad_date")


def test_changing_a_year_in_the_admin_replaces_its_days(client, calendar_admin):
    calendar_year = enter_test_2027()
    client.force_login(calendar_admin)
    url = reverse("admin:workdays_calendaryear_change", args=[calendar_year.pk])
    page = client.get(url)
    assert "春节 2027-02-05 至 2027-02-12" in page.content.decode()
    response = client.post(url, {"notice": "更正", "is_complete": "on",
                                 "holidays": "元旦 2027-01-01", "makeup_days": ""})
    assert response.status_code == 302, response.content.decode()[:2000]
    assert list(calendar_year.days.values_list("date", flat=True)) == [datetime.date(2027, 1, 1)]
    assert AuditEntry.objects.get(action=CALENDAR_YEAR_SAVE).data["via"] == "admin"


def test_deleting_in_the_admin_is_audited(client, calendar_admin):
    calendar_year = enter_test_2027()
    client.force_login(calendar_admin)
    url = reverse("admin:workdays_calendaryear_delete", args=[calendar_year.pk])
    assert client.post(url, {"post": "yes"}).status_code == 302
    assert CalendarYear.objects.exists() is False
    entry = AuditEntry.objects.get(action=CALENDAR_YEAR_DELETE)
    assert entry.data["via"] == "admin"
