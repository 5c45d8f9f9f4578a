"""The applicant's side (issue 15 item 4): the tracking link in a new session asks for the
phone number, results in plain words, 我的申请 as the landing page after login."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from gongkai.applications import services
from gongkai.reportformat.template import OUTCOME_CODES, OUTCOME_PLAIN, OUTCOMES, WITHDRAWN_PLAIN
from tests.factories import UserFactory

from .factories import make_application

D = dt.date


@pytest.fixture
def applicant(db):
    user = UserFactory(username="applicant")
    user.set_password("correct horse battery")
    user.save()
    return user


@pytest.fixture
def own(agency, applicant):
    return make_application(agency, received_on=D(2026, 11, 2), user=applicant, title="本机关的申请")


def test_every_outcome_has_a_plain_sentence_that_is_not_the_statistics_label():
    labels = {row.code: row.full_label for row in OUTCOMES}
    assert set(OUTCOME_PLAIN) == set(OUTCOME_CODES)
    for code, sentence in OUTCOME_PLAIN.items():
        assert sentence and sentence != labels[code]
        assert "（" not in sentence[:2] and not sentence[0].isdigit(), code


def test_tracking_link_in_a_new_session_asks_for_the_phone_number(client, own):
    track = reverse("applications:track", kwargs={"code": own.query_code})
    response = client.get(track, follow=True)
    assert response.status_code == 200
    assert response.redirect_chain[-1][0].startswith(reverse("applications:lookup"))
    assert response.context["form"]["code"].value() == own.query_code
    assert "请联系本机构管理员" not in response.content.decode()
    right = client.post(reverse("applications:lookup"), {"code": own.query_code, "phone": "13812345678"})
    assert right["Location"] == track
    assert client.get(track).status_code == 200


def test_tracking_link_with_an_unknown_code_looks_the_same(client, own):
    """A made-up code is not told apart from a real one (no probing for codes)."""
    real = client.get(reverse("applications:track", kwargs={"code": own.query_code}))
    fake = client.get(reverse("applications:track", kwargs={"code": "XXXXXXXXXXXX"}))
    assert real.status_code == fake.status_code == 302
    assert fake["Location"].startswith(reverse("applications:lookup"))


def test_result_in_plain_words_on_the_status_page_and_in_my_requests(
        client, own, handler, travel):
    travel(D(2026, 12, 1))
    services.application_close(application=own, actor=handler, outcome="partial",
                               on=D(2026, 12, 1), reply_text="第三页涉及个人隐私，已遮盖。")
    client.force_login(own.user)
    page = client.get(reverse("applications:track", kwargs={"code": own.query_code})).content.decode()
    assert OUTCOME_PLAIN["partial"] in page
    assert "区分处理的，只计这一情形" not in page
    mine = client.get(reverse("applications:mine")).content.decode()
    assert OUTCOME_PLAIN["partial"] in mine and "区分处理的" not in mine


def test_a_withdrawal_reads_as_a_withdrawal(client, own, travel):
    travel(D(2026, 12, 3))
    client.force_login(own.user)
    client.post(reverse("applications:track_withdraw", kwargs={"code": own.query_code}))
    page = client.get(reverse("applications:track", kwargs={"code": own.query_code})).content.decode()
    assert WITHDRAWN_PLAIN in page and "3.其他" not in page
    assert WITHDRAWN_PLAIN in client.get(reverse("applications:mine")).content.decode()


def test_my_requests_shows_status_and_due_date_of_open_requests(client, own, travel):
    travel(D(2026, 11, 10))
    client.force_login(own.user)
    page = client.get(reverse("applications:mine")).content.decode()
    assert own.reference in page and own.get_status_display() in page
    assert own.due_on.isoformat() in page


@pytest.mark.parametrize(("who", "landing"), [
    ("applicant", "applications:mine"), ("handler", "accounts:home"),
])
def test_login_lands_applicants_on_my_requests_and_staff_on_the_workbench(
        client, request, who, landing, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    user = request.getfixturevalue(who)
    user.set_password("correct horse battery")
    user.save()
    response = client.post(reverse("accounts:login"),
                           {"username": user.username, "password": "correct horse battery"})
    assert response.status_code == 302
    assert response["Location"] == reverse(landing)
    nav = client.get(reverse(landing)).content.decode()
    assert ("工作台" in nav) == (who == "handler")
    assert ("我的申请" in nav) == (who == "applicant")


def test_the_api_look_up_gives_the_result_in_plain_words(client, own, handler, travel):
    travel(D(2026, 12, 1))
    services.application_withdraw(application=own, actor=handler, on=D(2026, 12, 1), note="电话撤回")
    body = client.post("/api/v1/requests/lookup", {"code": own.query_code, "phone": "13812345678"},
                       content_type="application/json").json()
    assert body["outcome"] == "other" and body["result"] == WITHDRAWN_PLAIN
