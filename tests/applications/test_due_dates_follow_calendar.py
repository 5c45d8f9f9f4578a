"""Stored due dates follow the holiday schedule: when 2027 is saved or deleted, from the staff
page, the Django admin or the CLI, every affected request is recomputed in the same
transaction (issue 15 item 1), through `workdays.schedule_changed`."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.management import call_command
from django.urls import reverse

from gongkai.applications import services
from gongkai.applications.services import base as services_base
from gongkai.audit.models import AuditEntry
from gongkai.workdays.entry import parse_holidays
from gongkai.workdays.models import CalendarYear
from gongkai.workdays.services import CALENDAR_YEAR_SAVE, calendar_year_save

from .factories import make_application

D = dt.date
# A TEST schedule for 2027, not the State Council's notice: 元旦 Fri 01-01 to Thu 01-07.
HOLIDAYS = "元旦 2027-01-01 至 2027-01-07"


@pytest.fixture
def calendar_admin(db):
    from tests.factories import UserFactory

    return UserFactory(username="calendar_admin", is_superuser=True, is_staff=True,
                       email="admin@example.cn")


@pytest.fixture
def december_request(agency):
    # Received Tue 2026-12-15; 2027 unknown: 12-16..31 (1-12), 01-01 元旦 assumed, 01-04..13.
    application = make_application(agency, received_on=D(2026, 12, 15))
    assert (application.due_on, application.due_on_provisional) == (D(2027, 1, 13), True)
    return application


def save_on_staff_page(client, admin):
    client.force_login(admin)
    response = client.post(reverse("workdays:year_create"), {
        "year": "2027", "notice": "测试用安排", "holidays": HOLIDAYS, "makeup_days": "",
        "is_complete": "on"})
    assert response.status_code == 302, response.content.decode()[:2000]


def save_in_admin(client, admin):
    client.force_login(admin)
    response = client.post(reverse("admin:workdays_calendaryear_add"), {
        "year": "2027", "notice": "测试用安排", "holidays": HOLIDAYS, "makeup_days": "",
        "is_complete": "on"})
    assert response.status_code == 302, response.content.decode()[:2000]


def save_with_cli(client, admin):
    call_command("workdays", "save", "2027", "--user", admin.username, "--notice", "测试用安排",
                 "--holiday", HOLIDAYS, "--complete")


@pytest.mark.parametrize("entry_point", [save_on_staff_page, save_in_admin, save_with_cli],
                         ids=["staff-page", "admin", "cli"])
def test_saving_2027_recomputes_stored_due_dates(entry_point, december_request, agency, client,
                                                 calendar_admin, handler, travel):
    travel(D(2026, 12, 16))
    closed = make_application(agency, received_on=D(2026, 12, 14))
    services.application_close(application=closed, actor=handler, outcome="disclosed",
                               on=D(2026, 12, 16))
    earlier = make_application(agency, received_on=D(2021, 9, 27))

    entry_point(client, calendar_admin)

    december_request.refresh_from_db()
    # 12-16..31 (1-12), 01-01..07 off, 01-08 (13), 01-11..15 (14-18), 01-18..19 (19-20).
    assert december_request.due_on == D(2027, 1, 19)
    assert december_request.due_on_provisional is False
    assert december_request.provisional_reason == ""
    closed.refresh_from_db()  # the on-time rate reads closed requests' due dates too
    assert (closed.due_on, closed.due_on_provisional) == (D(2027, 1, 18), False)
    earlier.refresh_from_db()
    assert earlier.due_on == D(2021, 10, 29)
    entry = AuditEntry.objects.get(action=CALENDAR_YEAR_SAVE)
    assert entry.data["due_dates_recomputed"] == 2


def test_deleting_2027_makes_the_dates_provisional_again(december_request, calendar_admin,
                                                         client):
    calendar_year_save(actor=calendar_admin, year=2027, notice="测试",
                       days=parse_holidays(HOLIDAYS, 2027), is_complete=True)
    december_request.refresh_from_db()
    assert december_request.due_on_provisional is False
    client.force_login(calendar_admin)
    response = client.post(reverse("workdays:year_delete", args=[2027]))
    assert response.status_code == 302
    december_request.refresh_from_db()
    assert (december_request.due_on, december_request.due_on_provisional) == (D(2027, 1, 13), True)


def test_deleting_with_the_cli_recomputes_too(december_request, calendar_admin):
    calendar_year_save(actor=calendar_admin, year=2027, notice="测试",
                       days=parse_holidays(HOLIDAYS, 2027), is_complete=True)
    call_command("workdays", "delete", "2027", "--user", calendar_admin.username)
    december_request.refresh_from_db()
    assert (december_request.due_on, december_request.due_on_provisional) == (D(2027, 1, 13), True)


def test_a_correction_of_an_entered_year_moves_the_stored_date(december_request, calendar_admin):
    """Today a stored due_on stayed wrong after an administrator corrected the year."""
    calendar_year_save(actor=calendar_admin, year=2027, notice="测试",
                       days=parse_holidays("元旦 2027-01-01 至 2027-01-03", 2027), is_complete=True)
    december_request.refresh_from_db()
    assert (december_request.due_on, december_request.due_on_provisional) == (D(2027, 1, 13), False)
    calendar_year_save(actor=calendar_admin, year=2027, notice="测试（更正）",
                       days=parse_holidays(HOLIDAYS, 2027), is_complete=True)
    december_request.refresh_from_db()
    assert december_request.due_on == D(2027, 1, 19)


def test_a_draft_year_changes_nothing(december_request, calendar_admin):
    calendar_year_save(actor=calendar_admin, year=2027, notice="",
                       days=parse_holidays(HOLIDAYS, 2027), is_complete=False)
    december_request.refresh_from_db()
    assert (december_request.due_on, december_request.due_on_provisional) == (D(2027, 1, 13), True)


def test_recomputing_runs_in_the_schedules_transaction(december_request, calendar_admin,
                                                       monkeypatch):
    """If a stored date cannot be recomputed, the schedule is not saved either."""

    def broken(application):
        raise RuntimeError("recompute failed")

    monkeypatch.setattr("gongkai.applications.services.recompute.refresh_deadline", broken)
    with pytest.raises(RuntimeError):
        calendar_year_save(actor=calendar_admin, year=2027, notice="测试",
                           days=parse_holidays(HOLIDAYS, 2027), is_complete=True)
    assert CalendarYear.objects.exists() is False
    assert AuditEntry.objects.filter(action=CALENDAR_YEAR_SAVE).exists() is False
    monkeypatch.undo()
    december_request.refresh_from_db()
    assert december_request.due_on_provisional is True
    assert services_base.deadline_of(december_request).due_on == D(2027, 1, 13)


def test_the_cli_refuses_a_user_without_the_permission(handler, december_request):
    from django.core.management import CommandError

    with pytest.raises(CommandError, match="没有录入节假日安排的权限"):
        call_command("workdays", "save", "2027", "--user", handler.username,
                     "--holiday", HOLIDAYS, "--complete")
    assert CalendarYear.objects.exists() is False
