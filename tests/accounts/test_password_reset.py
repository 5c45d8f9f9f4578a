"""Password reset by e-mail (issue 15 item 4): Django's token views with Chinese pages, the
same answer for known and unknown addresses, a limit per client and per address."""

from __future__ import annotations

import re

import pytest
from django.core import mail
from django.urls import reverse

from tests.conftest import clear_own_cache
from tests.factories import UserFactory


@pytest.fixture(autouse=True)
def _empty_cache():
    clear_own_cache()
    yield
    clear_own_cache()


@pytest.fixture
def applicant(db):
    return UserFactory(username="reset_me", email="reset@example.cn")


def _ask(client, email):
    return client.post(reverse("accounts:password_reset"), {"email": email})


def test_the_link_in_the_mail_sets_a_new_password(client, applicant, settings):
    settings.SITE_URL = "https://gongkai.example.cn"
    login_page = client.get(reverse("accounts:login")).content.decode()
    assert reverse("accounts:password_reset") in login_page
    response = _ask(client, "reset@example.cn")
    assert response["Location"] == reverse("accounts:password_reset_done")
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["reset@example.cn"]
    assert "重设" in mail.outbox[0].subject
    link = re.search(r"https://gongkai\.example\.cn(/\S+)", mail.outbox[0].body).group(1)
    form_page = client.get(link, follow=True)
    assert "设置新密码" in form_page.content.decode()
    done = client.post(form_page.redirect_chain[-1][0],
                       {"new_password1": "Xihua-2026-new", "new_password2": "Xihua-2026-new"})
    assert done["Location"] == reverse("accounts:password_reset_complete")
    applicant.refresh_from_db()
    assert applicant.check_password("Xihua-2026-new")
    again = client.get(link, follow=True).content.decode()
    assert "链接无效或已经用过" in again


def test_unknown_and_known_addresses_get_the_same_answer(client, applicant):
    known = _ask(client, "reset@example.cn")
    unknown = _ask(client, "nobody@example.cn")
    assert known.status_code == unknown.status_code == 302
    assert known["Location"] == unknown["Location"]
    assert [m.to for m in mail.outbox] == [["reset@example.cn"]]
    page = client.get(known["Location"]).content.decode()
    assert "如果您输入的邮箱对应一个账户" in page


def test_requests_are_limited_per_client_address(client, applicant, settings):
    settings.GONGKAI_PASSWORD_RESET_LIMIT = (3, 3600)
    for n in range(3):
        assert _ask(client, f"someone{n}@example.cn").status_code == 302
    refused = _ask(client, "reset@example.cn")
    assert refused.status_code == 200
    assert refused.context["form"].non_field_errors().as_data()[0].code == "rate_limited"
    assert mail.outbox == []


def test_requests_are_limited_per_address_typed(client, applicant, settings):
    settings.GONGKAI_PASSWORD_RESET_LIMIT = (2, 3600)
    for _n in range(2):
        assert _ask(client, "reset@example.cn").status_code == 302
    other_client = type(client)()
    refused = other_client.post(reverse("accounts:password_reset"), {"email": "RESET@example.cn"},
                                REMOTE_ADDR="10.0.0.9")
    assert refused.status_code == 200
    assert len(mail.outbox) == 2
