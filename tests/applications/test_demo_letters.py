"""The demo shows a 补正 letter and a 延期 letter on the demo applicant's 我的申请 (issue 15)."""

from __future__ import annotations

import datetime as dt
from importlib import import_module

import pytest
import time_machine
from django.contrib.auth import get_user_model
from django.urls import reverse

from gongkai import demo
from gongkai.applications.models import ApplicationEvent, EventKind

from .factories import SHANGHAI

pytestmark = pytest.mark.django_db


@pytest.mark.skipif("gongkai.demo.applications" not in demo.STEPS, reason="requests demo not installed")
def test_the_demo_applicant_finds_a_correction_and_an_extension_letter(client):
    for step in demo.STEPS:
        if step.rsplit(".", 1)[-1] in ("agencies", "applications"):
            import_module(step).load()
    applicant = get_user_model().objects.get(username="applicant")
    client.force_login(applicant)
    with time_machine.travel(dt.datetime(2026, 12, 4, 12, tzinfo=SHANGHAI), tick=False):
        mine = client.get(reverse("applications:mine")).content.decode()
        for kind, title in ((EventKind.CORRECTION_REQUESTED, "补正通知书"),
                            (EventKind.EXTENDED, "延期答复告知书")):
            event = (ApplicationEvent.objects.filter(application__user=applicant, kind=kind)
                     .order_by("-application__received_on").first())
            assert event is not None, kind
            code = event.application.query_code
            assert reverse("applications:track", kwargs={"code": code}) in mine
            page = client.get(reverse("applications:track", kwargs={"code": code})).content.decode()
            url = reverse("applications:track_event_letter",
                          kwargs={"code": code, "event_id": event.pk, "fmt": "pdf"})
            assert title in page and url in page
            response = client.get(url)
            assert response.status_code == 200 and response.content.startswith(b"%PDF")
