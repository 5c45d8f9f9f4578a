"""部分公开 and 不予公开 replies must give their reasons (《条例》第三十六条、第三十七条): an empty
答复内容 is refused by the service and so by the close form (issue 15 item 2)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from gongkai.applications import services
from gongkai.applications.models import Status
from gongkai.applications.services.reply import REASONS_REQUIRED

D = dt.date
WITHHELD = {"withheld_secret", "withheld_law", "withheld_security", "withheld_third_party",
            "withheld_internal", "withheld_process", "withheld_enforcement", "withheld_query"}


def test_the_rule_covers_partial_disclosure_and_every_withholding_row():
    assert REASONS_REQUIRED == {"partial"} | WITHHELD


@pytest.mark.parametrize("outcome", ["partial", "withheld_third_party"])
def test_an_empty_reply_is_refused_through_the_close_form(outcome, application, handler,
                                                          client_for, travel):
    travel(D(2021, 10, 20))
    client = client_for(handler)
    url = reverse("applications:act", kwargs={"pk": application.pk, "action": "close"})
    response = client.post(url, {"outcome": outcome, "on": "2021-10-20", "reply_text": "  \n "})
    assert response.status_code == 200
    errors = response.context["form"].errors.as_data()["reply_text"]
    assert [e.code for e in errors] == ["reasons_required"]
    assert "须在答复内容中写明不予公开的内容、理由和依据" in response.content.decode()
    application.refresh_from_db()
    assert application.status != Status.CLOSED

    response = client.post(url, {"outcome": outcome, "on": "2021-10-20",
                                 "reply_text": "第3页所列个人身份信息涉及个人隐私，不予公开。"})
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.status == Status.CLOSED and application.outcome == outcome


def test_the_service_refuses_without_the_form(application, handler, travel):
    travel(D(2021, 10, 20))
    with pytest.raises(ValidationError) as excinfo:
        services.application_close(application=application, actor=handler,
                                   outcome="withheld_process", on=D(2021, 10, 20))
    assert excinfo.value.error_dict["reply_text"][0].code == "reasons_required"


def test_a_full_disclosure_needs_no_reasons(application, handler, travel):
    travel(D(2021, 10, 20))
    services.application_close(application=application, actor=handler, outcome="disclosed",
                               on=D(2021, 10, 20))
    application.refresh_from_db()
    assert application.status == Status.CLOSED
