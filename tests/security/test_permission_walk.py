"""The permission walk: every URL pattern of the site, the admin and the API, opened by every
kind of user, against the expected answer in `permission_rules`.

The patterns come from the URL configuration, so a new view without a rule fails the walk.
Staff pass two-factor login, which the walk requires (GONGKAI_REQUIRE_STAFF_OTP on); one kind
of staff has not set it up. Actions are also POSTed, empty, by every kind that lacks the
right: they must be refused and change nothing. Pages that answer 200 to someone without a
right over 商务局's records must not show those records.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from tests.conftest import clear_own_cache

from .permission_rules import (
    ADMIN_LOGIN,
    ADMIN_SITE_RULES,
    EXCLUDED,
    LOGIN,
    OTP,
    REDIRECT,
    RULES,
    VARIANTS,
    Rule,
    rule_for,
)
from .permission_world import (
    KINDS,
    SUPERUSER,
    SUPERVISOR,
    World,
    build_world,
    client_for,
    secrets_for,
    state_of,
)

pytestmark = pytest.mark.django_db

# Shrinking the walk (patterns or kinds dropped) must be a deliberate change of this number.
# 2850: the authenticator admin (7 patterns) is gone; devices change only through the audited
# services (issue 14).
MIN_CASES = 2850

_TEXT_TYPES = ("text/", "application/json", "application/xml", "application/atom", "application/rss")


def url_patterns(resolver: URLResolver | None = None, prefix: str = "",
                 namespace: str = "") -> list[tuple[str | None, str]]:
    """(namespaced name or None, full route) of every pattern, recursively."""
    found = []
    for pattern in (resolver or get_resolver()).url_patterns:
        route = prefix + str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            inner = namespace
            if pattern.namespace:
                inner = f"{namespace}:{pattern.namespace}" if namespace else pattern.namespace
            found += url_patterns(pattern, route, inner)
        elif isinstance(pattern, URLPattern):
            name = pattern.name and (f"{namespace}:{pattern.name}" if namespace else pattern.name)
            found.append((name or None, route))
    return found


def _outcome(response) -> str:
    if response.status_code in (301, 302):
        location = response["Location"]
        if location.startswith("/accounts/login/"):
            return LOGIN
        if location.startswith("/admin/login/"):
            return ADMIN_LOGIN
        if location.startswith("/accounts/two-factor/"):
            return OTP
        return REDIRECT
    return str(response.status_code)


def _body(response) -> str:
    content_type = response.get("Content-Type", "")
    if not content_type.startswith(_TEXT_TYPES):
        # Not response.close(): it would send request_finished, which closes the test database.
        if getattr(response, "file_to_stream", None) is not None:
            response.file_to_stream.close()
        return ""
    raw = b"".join(response.streaming_content) if response.streaming else response.content
    return raw.decode("utf-8", "replace")


def _leaks(world: World, kind: str, response) -> list[str]:
    secrets = secrets_for(world, kind)
    if not secrets or response.status_code != 200:
        return []
    body = _body(response)
    return [secret for secret in secrets if secret in body]


def _path(world: World, name: str | None, rule: Rule) -> str:
    if rule.path is not None:
        path = rule.path(world)
    else:
        path = reverse(name, kwargs=rule.kwargs(world))
    query = rule.query.replace("__own__", str(world.own.pk))
    return f"{path}?{query}" if query else path


@pytest.fixture
def _quiet_refusals():
    # Thousands of expected 403/404/405 would each log a warning; server errors still log.
    logger = logging.getLogger("django.request")
    level = logger.level
    logger.setLevel(logging.ERROR)
    yield
    logger.setLevel(level)


def unruled(patterns: list[tuple[str | None, str]]) -> list[str]:
    """Patterns with neither a rule nor a reasoned exclusion, as "name  /route" lines."""
    return [f"{name or '(unnamed)'}  /{route}" for name, route in patterns
            if (name or route) not in EXCLUDED and rule_for(name, route) is None]


def stale_rules(patterns: list[tuple[str | None, str]]) -> list[str]:
    """Rules and exclusions naming a pattern the URL configuration no longer has."""
    keys = {name or route for name, route in patterns}
    return sorted(key for key in (*RULES, *ADMIN_SITE_RULES, *VARIANTS, *EXCLUDED) if key not in keys)


@dataclass
class Walk:
    patterns: int = 0
    addresses: int = 0
    gets: int = 0
    posts: int = 0
    mismatches: list[str] = field(default_factory=list)
    seen_by_insiders: set[str] = field(default_factory=set)


def walk(world: World, patterns: list[tuple[str | None, str]]) -> Walk:
    """Open every pattern (and its variants) as every kind of user; collect what differs."""
    clients = {kind: client_for(world, kind, number) for number, kind in enumerate(KINDS)}
    result = Walk()
    for name, route in patterns:
        if (name or route) in EXCLUDED:
            continue
        result.patterns += 1
        for rule in (rule_for(name, route), *VARIANTS.get(name or route, ())):
            try:
                path = _path(world, name, rule)
            except Exception as error:  # a rule whose objects the world lacks is a failing rule
                result.mismatches.append(f"{name or route}: cannot build the address: {error!r}")
                continue
            result.addresses += 1
            for kind in KINDS:
                _check(world, clients[kind], kind, rule, path, result)
    return result


def _check(world: World, client, kind: str, rule: Rule, path: str, result: Walk) -> None:
    for method, expected in (("GET", rule.get.get(kind)), ("POST", rule.post.get(kind))):
        if expected is None:
            if method == "GET":
                result.mismatches.append(f"GET  {path}  {kind}: the rule has no answer for this kind")
            continue
        before = state_of(world) if method == "POST" else None
        response = client.get(path) if method == "GET" else client.post(path, {})
        if method == "GET":
            result.gets += 1
        else:
            result.posts += 1
        got = _outcome(response)
        if got != expected:
            result.mismatches.append(f"{method:4} {path}  {kind}: expected {expected}, got {got}")
        if secrets_for(world, kind):
            result.mismatches += [f"{method:4} {path}  {kind}: shows 商务局's record {secret!r}"
                                  for secret in _leaks(world, kind, response)]
        elif kind in (SUPERVISOR, SUPERUSER) and response.status_code == 200:
            body = _body(response)
            result.seen_by_insiders.update(s for s in world.secrets if s in body)
        if method == "POST" and state_of(world) != before:
            result.mismatches.append(f"POST {path}  {kind}: a refused POST changed data")


@pytest.fixture
def walk_settings(settings, _quiet_refusals):
    settings.GONGKAI_REQUIRE_STAFF_OTP = True
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    clear_own_cache()  # rate limits of the API and the forms count per address
    yield
    clear_own_cache()


def test_every_url_pattern_answers_every_kind_of_user_as_its_rule_says(walk_settings):
    patterns = url_patterns()
    missing = unruled(patterns)
    assert not missing, "URL patterns without a rule (add a rule in tests/security/permission_rules.py):\n" + (
        "\n".join(missing))
    assert not stale_rules(patterns), f"rules for patterns that no longer exist: {stale_rules(patterns)}"

    world = build_world()
    result = walk(world, patterns)

    cases = result.gets + result.posts
    print(f"\npermission walk: {result.patterns} URL patterns ({result.addresses} addresses) × "
          f"{len(KINDS)} kinds of user = {cases} cases checked ({result.gets} GET, {result.posts} "
          f"POST refused; {len(patterns)} patterns in the URL configuration, {len(EXCLUDED)} excluded)")
    assert not result.mismatches, (
        f"{len(result.mismatches)} answers differ from the rules:\n" + "\n".join(result.mismatches))
    # The leak check means something only if the pages do show these records to those entitled.
    assert result.seen_by_insiders == set(world.secrets), set(world.secrets) - result.seen_by_insiders
    assert cases >= MIN_CASES, f"the walk checked only {cases} cases"


@pytest.mark.urls("tests.security.urls_with_new_view")
def test_a_view_without_a_rule_fails_the_walk():
    assert unruled(url_patterns()) == ["newapp:brand_new  /newapp/brand-new/"]


def test_a_view_that_lets_other_agencies_in_fails_the_walk(walk_settings, monkeypatch):
    """The walk catches a leak: the staff page of a document opened to anyone signed in."""
    from gongkai.catalog.views import staff as staff_views

    monkeypatch.setattr(staff_views, "can_view_staff_document", lambda user, document: True)
    result = walk(build_world(), [("catalog:staff_document", "staff/documents/<int:pk>/")])
    leaks = [line for line in result.mismatches if "other_staff" in line]
    assert any("expected 403, got 200" in line for line in leaks)
    assert any("shows 商务局's record" in line for line in leaks)
