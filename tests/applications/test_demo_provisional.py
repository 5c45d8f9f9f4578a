"""The demo shows a provisional (暂定) deadline: a request received on 4 December 2026 whose
20 working days reach into 2027, a year the demo only has a draft schedule for."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from gongkai.applications.models import Application
from gongkai.demo import agencies as demo_agencies
from gongkai.demo import applications as demo_applications
from gongkai.demo import workdays as demo_workdays

pytestmark = pytest.mark.django_db


def test_the_demo_loads_a_request_with_a_provisional_due_date(client):
    demo_agencies.load()
    demo_workdays.load()
    demo_applications.load()
    provisional = Application.objects.filter(due_on_provisional=True)
    assert provisional.exists()
    application = provisional.filter(received_on=dt.date(2026, 12, 4)).first()
    assert application is not None
    assert application.due_on == dt.date(2027, 1, 4)
    assert application.provisional_reason == "2027 年节假日安排尚未录入"
    handler = application.agency.memberships.filter(role="handler").first().user
    client.force_login(handler)
    queue = client.get(reverse("applications:queue")).content.decode()
    assert "暂定" in queue
