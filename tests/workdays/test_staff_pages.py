"""The staff pages for entering a year's schedule: who may see, who may edit, audit."""

from __future__ import annotations

import pytest
from django.urls import reverse

from gongkai.accounts.workbench import workbench_links
from gongkai.agencies.models import Role
from gongkai.audit.models import AuditEntry
from gongkai.workdays.models import CalendarYear
from gongkai.workdays.services import CALENDAR_YEAR_DELETE, CALENDAR_YEAR_SAVE
from tests.factories import UserFactory

from .factories import enter_test_2027

pytestmark = pytest.mark.django_db

LIST = reverse("workdays:year_list")
CREATE = reverse("workdays:year_create")
FORM = {
    "year": "2027",
    "notice": "测试用安排",
    "holidays": "元旦 2027-01-01 至 2027-01-03\n春节 2027-02-05 至 2027-02-12",
    "makeup_days": "春节 2027-02-13",
    "is_complete": "on",
}


def test_anonymous_visitors_are_sent_to_login(client):
    for url in (LIST, CREATE, reverse("workdays:year_edit", args=[2027])):
        response = client.get(url)
        assert response.status_code == 302
        assert "/accounts/login" in response["Location"]


def test_a_signed_in_applicant_may_not_see_the_list(client):
    client.force_login(UserFactory())
    assert client.get(LIST).status_code == 403


def test_agency_staff_see_the_list_and_the_coverage_but_may_not_edit(client, agency, make_staff):
    enter_test_2027(complete=False)
    client.force_login(make_staff(agency, Role.HANDLER))
    response = client.get(LIST)
    html = response.content.decode()
    assert response.status_code == 200
    assert response.context["can_edit"] is False
    assert "未完成，不参与计算" in html
    assert reverse("workdays:year_create") not in html
    assert client.get(CREATE).status_code == 403
    assert client.get(reverse("workdays:year_edit", args=[2027])).status_code == 403
    assert client.post(CREATE, FORM).status_code == 403
    assert client.post(reverse("workdays:year_delete", args=[2027])).status_code == 403
    assert CalendarYear.objects.get().is_complete is False


def test_the_workbench_links_to_the_calendar_for_staff_only(agency, make_staff):
    handler = make_staff(agency, Role.HANDLER)
    assert "workdays:year_list" in [link.url_name for link in workbench_links(handler)]
    assert "workdays:year_list" not in [link.url_name for link in workbench_links(UserFactory())]


def test_an_administrator_enters_2027_through_the_form(client, calendar_admin):
    client.force_login(calendar_admin)
    assert client.get(CREATE).status_code == 200
    response = client.post(CREATE, FORM)
    assert response.status_code == 302
    assert response["Location"] == LIST
    calendar_year = CalendarYear.objects.get(year=2027)
    assert calendar_year.is_complete is True
    assert calendar_year.days.count() == 12
    assert AuditEntry.objects.filter(action=CALENDAR_YEAR_SAVE, actor=calendar_admin).count() == 1
    page = client.get(reverse("workdays:calculator"), {"received": "2026-12-15", "days": "20"})
    assert page.context["period"].due.isoformat() == "2027-01-13"


def test_form_errors_name_the_line_and_keep_the_text(client, calendar_admin):
    client.force_login(calendar_admin)
    bad = dict(FORM, holidays="元旦 2027-01-01\n春假 2027-02-05")
    response = client.post(CREATE, bad)
    assert response.status_code == 200
    form = response.context["form"]
    assert form.has_error("holidays", code="unknown_holiday")
    assert "第2行" in response.content.decode()
    assert form["holidays"].value() == bad["holidays"]
    assert CalendarYear.objects.exists() is False


def test_a_covered_year_or_an_existing_year_is_refused_on_create(client, calendar_admin):
    client.force_login(calendar_admin)
    response = client.post(CREATE, dict(FORM, year="2026"))
    assert response.context["form"].has_error("year", code="year_officially_covered")
    enter_test_2027()
    response = client.post(CREATE, FORM)
    assert response.context["form"].has_error("year", code="year_exists")


def test_the_edit_form_shows_the_saved_lines_and_saves_changes(client, calendar_admin):
    enter_test_2027(complete=False)
    client.force_login(calendar_admin)
    url = reverse("workdays:year_edit", args=[2027])
    response = client.get(url)
    form = response.context["form"]
    assert form["holidays"].value() == (
        "元旦 2027-01-01 至 2027-01-03\n春节 2027-02-05 至 2027-02-12"
    )
    assert form["makeup_days"].value() == "春节 2027-02-13"
    response = client.post(url, dict(FORM, year="2030", notice="国办发明电〔2026〕99号"))
    assert response.status_code == 302
    calendar_year = CalendarYear.objects.get()
    assert (calendar_year.year, calendar_year.notice) == (2027, "国办发明电〔2026〕99号")
    assert calendar_year.is_complete is True


def test_an_unknown_year_is_not_found(client, calendar_admin):
    client.force_login(calendar_admin)
    assert client.get(reverse("workdays:year_edit", args=[2031])).status_code == 404


def test_an_administrator_deletes_a_year_by_post_only(client, calendar_admin):
    enter_test_2027()
    client.force_login(calendar_admin)
    url = reverse("workdays:year_delete", args=[2027])
    assert client.get(url).status_code == 405
    assert client.post(url).status_code == 302
    assert CalendarYear.objects.exists() is False
    assert AuditEntry.objects.filter(action=CALENDAR_YEAR_DELETE).count() == 1


def test_the_list_shows_the_coverage_of_this_year_and_next(client, calendar_admin, settings):
    client.force_login(calendar_admin)
    response = client.get(LIST)
    coverage = dict(response.context["coverage"])
    assert all(isinstance(covered, bool) for covered in coverage.values())
    assert len(coverage) == 2
    assert "还没有录入任何年度" in response.content.decode()


def test_the_edit_page_previews_the_whole_year(client, calendar_admin):
    enter_test_2027(complete=False)
    client.force_login(calendar_admin)
    months = client.get(reverse("workdays:year_edit", args=[2027])).context["months"]
    assert len(months) == 12
    cells = {c.day.isoformat(): c.kind for m in months for w in m.weeks for c in w if c.day}
    assert cells["2027-02-08"] == "holiday"  # Monday inside the test 春节 block
    assert cells["2027-02-13"] == "makeup"  # test make-up Saturday
    assert cells["2027-02-20"] == "weekend"
    assert cells["2027-03-01"] == "workday"
