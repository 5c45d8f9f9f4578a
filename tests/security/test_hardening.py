"""Hardening: HSTS over TLS, session expiry, login lockout and password rules."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from django.contrib.sessions.backends.cached_db import KEY_PREFIX
from django.core.cache import caches
from django.core.checks import Tags, run_checks
from django.urls import reverse

pytestmark = pytest.mark.django_db

PASSWORD = "Gongkai-test-2026"


@pytest.fixture
def staff(agency, make_staff):
    user = make_staff(agency, "publisher")
    user.set_password(PASSWORD)
    user.save()
    return user


def test_hsts_is_sent_over_tls_only(client, settings):
    settings.SECURE_HSTS_SECONDS = 31536000
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    over_tls = client.get("/", headers={"x-forwarded-proto": "https"})
    assert over_tls["Strict-Transport-Security"] == "max-age=31536000"
    assert "Strict-Transport-Security" not in client.get("/")


def test_check_deploy_warns_when_hsts_is_not_configured(settings):
    """HSTS is off by default: a year-long pin on a host not yet wholly on HTTPS would lock
    browsers out, so the operator switches it on (README) and check-deploy reminds them."""
    settings.DEBUG = False
    settings.SECURE_HSTS_SECONDS = 0
    assert "security.W004" in deploy_warnings()
    settings.SECURE_HSTS_SECONDS = 31536000
    assert "security.W004" not in deploy_warnings()


def deploy_warnings() -> list[str]:
    """Ids of the security checks `gongkai check-deploy` runs (through `check --deploy`)."""
    return [e.id for e in run_checks(include_deployment_checks=True, tags=[Tags.security])]


def test_a_session_older_than_session_cookie_age_is_logged_out(client, staff, settings):
    settings.SESSION_COOKIE_AGE = 3600
    start = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC)
    with time_machine.travel(start, tick=False):
        client.force_login(staff)
        assert client.get(reverse("accounts:home")).status_code == 200
    with time_machine.travel(start + dt.timedelta(minutes=59), tick=False):
        assert client.get(reverse("accounts:home")).status_code == 200
    with time_machine.travel(start + dt.timedelta(hours=2), tick=False):
        # The cached copy of the session lives as long as the session (its TTL is the session's
        # age), but Redis counts that TTL on its own clock, which time_machine cannot move: drop
        # the copy as Redis would have, so the database's expiry date is what is tested.
        session_key = client.cookies[settings.SESSION_COOKIE_NAME].value
        caches[settings.SESSION_CACHE_ALIAS].delete(KEY_PREFIX + session_key)
        response = client.get(reverse("accounts:home"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


def test_repeated_wrong_passwords_lock_the_login(client, staff, settings):
    url = reverse("accounts:login")
    wrong = {"username": staff.username, "password": "wrong-password-1"}
    for _attempt in range(settings.AXES_FAILURE_LIMIT - 1):
        assert client.post(url, wrong).status_code == 200
    assert client.post(url, wrong).status_code == 429  # the failure that reaches the limit
    # Now even the right password is refused.
    response = client.post(url, {"username": staff.username, "password": PASSWORD})
    assert response.status_code == 429
    assert "登录已被暂时锁定" in response.content.decode()
    assert "_auth_user_id" not in client.session
    # Another user name from the same address is not locked.
    other = client.post(url, {"username": "someone-else", "password": "wrong-password-1"})
    assert other.status_code == 200


@pytest.mark.parametrize(
    "password, message",
    [
        ("Ab1-x", "密码长度太短"),
        ("12345678901", "密码只包含数字"),
        ("password123", "这个密码太常见"),
        ("zhangsan-applicant", "太相似"),
    ],
)
def test_a_weak_password_is_refused_on_signup_with_a_chinese_message(client, password, message):
    response = client.post(reverse("applications:signup"), {
        "username": "zhangsan-applicant", "full_name": "张三", "email": "zs@example.com",
        "password1": password, "password2": password,
    })
    assert response.status_code == 200
    errors = response.context["form"].errors["password1"]
    assert any(message in error for error in errors), errors
    assert "_auth_user_id" not in client.session
