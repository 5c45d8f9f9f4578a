"""The dashboard counts the public's questions and lists consultations whose feedback is late."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from django.urls import reverse

from gongkai.agencies.models import Role
from gongkai.participation import services as participation
from gongkai.responses import services as responses

pytestmark = pytest.mark.django_db


def test_dashboard_shows_questions_and_late_feedback(client, county, agency, make_staff):
    handler, publisher = make_staff(agency, Role.HANDLER), make_staff(agency, Role.PUBLISHER)
    asked = {"subject": "问题", "body": "内容", "name": "张三", "phone": "13800000000"}
    with time_machine.travel(dt.datetime(2025, 3, 3, 9, 0), tick=False):
        answered = responses.question_submit(agency=agency, data=asked, ip="a")
        responses.question_answer(actor=handler, question=answered, answer="答复", public_body="x",
                                  publish=True)
        responses.question_submit(agency=agency, data=asked, ip="b")  # still open, later overdue
        consultation = participation.consultation_open(
            actor=publisher, consultation=participation.consultation_create(
                actor=publisher, agency=agency, data={"title": "逾期未公布采纳情况的征集", "summary": "s",
                                                      "opens_on": dt.date(2025, 3, 3),
                                                      "closes_on": dt.date(2025, 3, 31)}))
    client.force_login(make_staff(county, Role.SUPERVISOR))
    with time_machine.travel(dt.datetime(2025, 6, 2, 9, 0), tick=False):
        response = client.get(reverse("supervision:dashboard") + "?year=2025")
    row = dict(response.context["engagement"])[agency]
    assert (row.received, row.answered, row.open, row.overdue) == (2, 1, 1, 1)
    assert row.late_feedback == [consultation]
    assert "逾期未公布采纳情况的征集" in response.content.decode()
