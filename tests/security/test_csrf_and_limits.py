"""CSRF on every form, and request bodies too large or with too many fields refused cleanly.

The CSRF walk takes every URL pattern from the URL configuration (as the permission walk does)
and POSTs to it without a token, as an anonymous visitor and as the superuser: every view must
answer 403 with the Chinese "页面已过期" page before it runs. The only views exempt from the
check are listed in CSRF_EXEMPT with the reason; a newly exempted view fails the walk.
"""

from __future__ import annotations

import json

import pytest
from django.test import Client
from django.urls import resolve, reverse

from .permission_rules import EXCLUDED, rule_for
from .permission_world import ANONYMOUS, SUPERUSER, build_world, client_for
from .test_permission_walk import _path, url_patterns

pytestmark = pytest.mark.django_db

# The JSON API (django-ninja) has no cookie-based authentication: no endpoint acts for the
# signed-in user or reads the session, so a forged cross-site POST gains nothing a direct one
# would not. Ninja marks such operations csrf_exempt; they are rate-limited per address instead.
API_REASON = "JSON API without session authentication (gongkai/api/api.py)"
CSRF_EXEMPT_PREFIXES = {"api-v1:": API_REASON}

CSRF_REFUSED = "页面已过期"


def _exempt(name: str | None) -> bool:
    return bool(name) and name.startswith(tuple(CSRF_EXEMPT_PREFIXES))


def test_every_view_refuses_a_post_without_a_csrf_token():
    world = build_world()
    clients = {}
    for number, kind in enumerate((ANONYMOUS, SUPERUSER)):
        clients[kind] = client_for(world, kind, number)
        clients[kind].handler.enforce_csrf_checks = True
    problems: list[str] = []
    posted = exempt = 0
    for name, route in url_patterns():
        if (name or route) in EXCLUDED:
            continue
        rule = rule_for(name, route)
        assert rule is not None, f"{name or route}: no rule in permission_rules"
        path = _path(world, name, rule)
        view_exempt = getattr(resolve(path.split("?")[0]).func, "csrf_exempt", False)
        if view_exempt:
            exempt += 1
            if not _exempt(name):
                problems.append(f"{path}: the view is csrf_exempt without a listed reason")
            continue
        for kind, client in clients.items():
            response = client.post(path, {"title": "x"})
            posted += 1
            if response.status_code != 403 or CSRF_REFUSED not in response.content.decode():
                problems.append(f"{kind} POST {path}: {response.status_code}")
    print(f"\nCSRF walk: {posted} token-less POSTs refused, {exempt} API patterns exempt")
    assert posted >= 200 and exempt >= 5, (posted, exempt)
    assert not problems, "\n".join(problems)


def test_a_post_with_the_token_passes_the_check(client, settings):
    """The walk's 403 is the CSRF check, not the form: with the token the same form works."""
    client = Client(enforce_csrf_checks=True)
    page = client.get(reverse("applications:lookup"))
    token = page.cookies[settings.CSRF_COOKIE_NAME].value
    response = client.post(reverse("applications:lookup"),
                           {"csrfmiddlewaretoken": token, "code": "NOPE", "phone": "13800000000"})
    assert response.status_code == 200
    assert CSRF_REFUSED not in response.content.decode()


def test_an_oversized_form_body_gets_a_friendly_400(client, settings):
    body = {"description": "申" * (settings.DATA_UPLOAD_MAX_MEMORY_SIZE // 3 + 10)}
    response = client.post(reverse("applications:apply"), body)
    assert response.status_code == 400
    assert "请求无法处理" in response.content.decode()


def test_too_many_fields_get_a_friendly_400(client, settings):
    fields = {f"f{i}": "1" for i in range(settings.DATA_UPLOAD_MAX_NUMBER_FIELDS + 1)}
    response = client.post(reverse("applications:lookup"), fields)
    assert response.status_code == 400
    assert "请求无法处理" in response.content.decode()


def test_an_oversized_api_body_gets_a_json_413(client, settings):
    body = json.dumps({"content": "申" * (settings.DATA_UPLOAD_MAX_MEMORY_SIZE // 3 + 10)})
    response = client.post("/api/v1/requests", data=body, content_type="application/json")
    assert response.status_code == 413
    assert response.json()["code"] == "too_large"
    assert "请求内容过大" in response.json()["message"]


def test_too_many_api_form_fields_get_a_json_413(client, settings):
    fields = {f"f{i}": "1" for i in range(settings.DATA_UPLOAD_MAX_NUMBER_FIELDS + 1)}
    response = client.post("/api/v1/reports/check", fields)  # multipart, as an upload is sent
    assert response.status_code == 413
    assert response.json()["code"] == "too_large"
