"""The demo's draft 2027 schedule: present, not complete, idempotent."""

from __future__ import annotations

import datetime

import pytest

from gongkai.demo import workdays as demo_workdays
from gongkai.workdays import ScheduleUnknown, add_workdays
from gongkai.workdays.models import CalendarYear
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_the_demo_loads_a_draft_that_does_not_count():
    UserFactory(username="superadmin", is_superuser=True)  # as gongkai.demo.agencies creates
    demo_workdays.load()
    demo_workdays.load()
    calendar_year = CalendarYear.objects.get()
    assert (calendar_year.year, calendar_year.is_complete) == (2027, False)
    assert calendar_year.days.filter(date=datetime.date(2027, 2, 6)).exists()  # 正月初一
    with pytest.raises(ScheduleUnknown):
        add_workdays(datetime.date(2026, 12, 15), 20)
