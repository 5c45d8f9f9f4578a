"""From 1 November administrators are reminded that next year's holiday schedule is missing:
a banner on the workbench and on the supervision dashboard, and a daily e-mail from the
reminder command, each with a link to the form (issue 15 item 1)."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command
from django.urls import reverse

from gongkai.agencies.models import Role
from gongkai.workdays.entry import parse_holidays
from gongkai.workdays.reminders import missing_schedule_years
from gongkai.workdays.services import calendar_year_save
from tests.conftest import clear_own_cache

pytestmark = pytest.mark.django_db
SHANGHAI = ZoneInfo("Asia/Shanghai")
BANNER = "2027年节假日安排尚未录入"


@pytest.fixture(autouse=True)
def _fresh_cache():
    clear_own_cache()
    yield
    clear_own_cache()


def at(day: dt.date):
    return time_machine.travel(dt.datetime.combine(day, dt.time(9, 0), tzinfo=SHANGHAI), tick=False)


@pytest.fixture
def admin_with_email(calendar_admin):
    calendar_admin.email = "calendar-admin@example.cn"
    calendar_admin.save()
    return calendar_admin


def test_next_year_is_missing_from_1_november_only():
    assert missing_schedule_years(dt.date(2026, 10, 31)) == ()
    assert missing_schedule_years(dt.date(2026, 11, 1)) == (2027,)
    assert missing_schedule_years(dt.date(2027, 3, 1)) == (2027,)  # the year itself, all year


def test_the_workbench_shows_administrators_the_banner_with_a_link_to_the_form(
        client, admin_with_email):
    client.force_login(admin_with_email)
    with at(dt.date(2026, 10, 31)):
        assert BANNER not in client.get(reverse("accounts:home")).content.decode()
    with at(dt.date(2026, 11, 1)):
        body = client.get(reverse("accounts:home")).content.decode()
    assert BANNER in body
    assert reverse("workdays:year_create") + "?year=2027" in body
    form = client.get(reverse("workdays:year_create") + "?year=2027")
    assert form.context["form"]["year"].value() == 2027


def test_the_link_opens_a_draft_when_one_was_started(client, admin_with_email):
    calendar_year_save(actor=admin_with_email, year=2027, notice="",
                       days=parse_holidays("元旦 2027-01-01", 2027), is_complete=False)
    client.force_login(admin_with_email)
    with at(dt.date(2026, 12, 4)):
        body = client.get(reverse("accounts:home")).content.decode()
    assert BANNER in body and reverse("workdays:year_edit", args=[2027]) in body


def test_staff_who_cannot_enter_schedules_see_no_workbench_banner(client, agency, make_staff):
    handler = make_staff(agency, Role.HANDLER)
    client.force_login(handler)
    with at(dt.date(2026, 12, 4)):
        assert BANNER not in client.get(reverse("accounts:home")).content.decode()


def test_the_supervision_dashboard_shows_the_banner(client, county, make_staff):
    supervisor = make_staff(county, Role.SUPERVISOR)
    client.force_login(supervisor)
    with at(dt.date(2026, 11, 1)):
        body = client.get(reverse("supervision:dashboard")).content.decode()
    assert BANNER in body
    assert "请系统管理员在通知发布后及时录入" in body  # no form link for a supervisor


def test_the_banner_goes_once_the_year_is_entered(client, admin_with_email):
    calendar_year_save(actor=admin_with_email, year=2027, notice="测试用安排",
                       days=parse_holidays("元旦 2027-01-01", 2027), is_complete=True)
    client.force_login(admin_with_email)
    with at(dt.date(2026, 12, 4)):
        assert BANNER not in client.get(reverse("accounts:home")).content.decode()


def test_the_reminder_command_mails_administrators_once_a_day(
        admin_with_email, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        call_command("applications_remind", date="2026-10-31")
    assert mail.outbox == []
    with django_capture_on_commit_callbacks(execute=True):
        call_command("applications_remind", date="2026-11-01")
    assert [m.to for m in mail.outbox] == [["calendar-admin@example.cn"]]
    message = mail.outbox[0]
    assert "2027年节假日安排尚未录入" in message.subject
    assert "/workdays/years/new/?year=2027" in message.body
    with django_capture_on_commit_callbacks(execute=True):
        call_command("applications_remind", date="2026-11-01")
    assert len(mail.outbox) == 1  # the same day again: nothing more
    with django_capture_on_commit_callbacks(execute=True):
        call_command("applications_remind", date="2026-11-02")
    assert len(mail.outbox) == 2
