"""Entering a year's schedule: administrators only, one transaction, audited."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from gongkai.agencies.models import Role
from gongkai.audit.models import AuditEntry
from gongkai.workdays import ScheduleUnknown, add_workdays
from gongkai.workdays.entry import parse_holidays, parse_makeup_days
from gongkai.workdays.models import CalendarDay, CalendarYear
from gongkai.workdays.services import (
    CALENDAR_YEAR_DELETE,
    CALENDAR_YEAR_SAVE,
    calendar_year_delete,
    calendar_year_save,
)

D = datetime.date
pytestmark = pytest.mark.django_db

# A TEST schedule for 2027, not the official notice.
HOLIDAYS = "元旦 2027-01-01 至 2027-01-03\n春节 2027-02-05 至 2027-02-12"
MAKEUP = "春节 2027-02-13"


def entered_days():
    return parse_holidays(HOLIDAYS, 2027) + parse_makeup_days(MAKEUP, 2027)


def save(actor, **overrides):
    kwargs = {
        "actor": actor,
        "year": 2027,
        "notice": "测试用安排",
        "days": entered_days(),
        "is_complete": True,
    }
    kwargs.update(overrides)
    return calendar_year_save(**kwargs)


def test_an_administrator_enters_a_year_and_deadlines_use_it(calendar_admin):
    calendar_year = save(calendar_admin)
    assert calendar_year.entered_by == calendar_admin
    assert calendar_year.days.filter(kind=CalendarDay.Kind.HOLIDAY).count() == 11
    assert calendar_year.days.filter(kind=CalendarDay.Kind.MAKEUP_WORKDAY).count() == 1
    assert add_workdays(D(2026, 12, 15), 20) == D(2027, 1, 13)
    entry = AuditEntry.objects.get(action=CALENDAR_YEAR_SAVE)
    assert entry.actor == calendar_admin
    assert entry.data["makeup_workdays"] == ["2027-02-13"]
    assert entry.data["is_complete"] is True


def test_saving_again_replaces_the_days(calendar_admin):
    save(calendar_admin)
    save(calendar_admin, days=parse_holidays("元旦 2027-01-01", 2027))
    assert list(CalendarDay.objects.values_list("date", flat=True)) == [D(2027, 1, 1)]
    assert CalendarYear.objects.count() == 1
    assert AuditEntry.objects.filter(action=CALENDAR_YEAR_SAVE).count() == 2


def test_agency_staff_may_not_enter_a_schedule(agency, make_staff):
    admin_of_agency = make_staff(agency, Role.ADMIN)
    with pytest.raises(PermissionDenied):
        save(admin_of_agency)
    assert CalendarYear.objects.exists() is False


def test_a_year_the_package_covers_is_refused(calendar_admin):
    with pytest.raises(ValidationError) as excinfo:
        save(calendar_admin, year=2026, days=[], is_complete=False)
    assert excinfo.value.error_dict["year"][0].code == "year_officially_covered"


def test_a_year_cannot_be_complete_without_holidays(calendar_admin):
    with pytest.raises(ValidationError) as excinfo:
        save(calendar_admin, days=parse_makeup_days(MAKEUP, 2027))
    assert excinfo.value.code == "complete_without_holidays"


def test_a_draft_may_be_saved_without_holidays_and_does_not_count(calendar_admin):
    save(calendar_admin, days=[], is_complete=False)
    with pytest.raises(ScheduleUnknown):
        add_workdays(D(2026, 12, 15), 20)


def test_a_failed_save_leaves_the_previous_schedule_untouched(calendar_admin):
    save(calendar_admin)
    bad = parse_holidays("元旦 2027-01-01", 2027) + parse_holidays("元旦 2027-01-01", 2027)
    with pytest.raises(ValidationError) as excinfo:
        save(calendar_admin, days=bad)
    assert excinfo.value.error_list[0].code == "duplicate_day"
    assert CalendarDay.objects.count() == 12
    assert add_workdays(D(2026, 12, 15), 20) == D(2027, 1, 13)


def test_a_day_of_another_year_is_refused(calendar_admin):
    with pytest.raises(ValidationError) as excinfo:
        save(calendar_admin, days=parse_holidays("元旦 2028-01-01", 2028))
    assert excinfo.value.code == "day_outside_year"


def test_deleting_a_year_refuses_its_deadlines_again(calendar_admin):
    calendar_year = save(calendar_admin)
    assert add_workdays(D(2026, 12, 15), 20) == D(2027, 1, 13)
    calendar_year_delete(actor=calendar_admin, calendar_year=calendar_year)
    with pytest.raises(ScheduleUnknown):
        add_workdays(D(2026, 12, 15), 20)
    entry = AuditEntry.objects.get(action=CALENDAR_YEAR_DELETE)
    assert entry.data["year"] == 2027
    assert len(entry.data["days"]) == 12


def test_agency_staff_may_not_delete_a_schedule(calendar_admin, agency, make_staff):
    calendar_year = save(calendar_admin)
    with pytest.raises(PermissionDenied):
        calendar_year_delete(actor=make_staff(agency, Role.ADMIN), calendar_year=calendar_year)
    assert CalendarYear.objects.filter(pk=calendar_year.pk).exists()


def test_a_year_before_the_first_notice_is_refused(calendar_admin):
    with pytest.raises(ValidationError) as excinfo:
        save(calendar_admin, year=2003, days=[], is_complete=False)
    assert excinfo.value.error_dict["year"][0].code == "year_out_of_range"
