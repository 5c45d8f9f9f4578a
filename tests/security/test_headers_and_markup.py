"""Security headers on every page, and no inline script, style or event handler in any of them.

The pages come from the permission walk's URL configuration walk and rule table: every pattern
that answers 200 to an anonymous visitor or to the superuser is fetched as that user. With a
Content-Security-Policy that allows only this site's own scripts and styles, inline code would
be blocked by browsers anyway; the markup check makes sure no page depends on it.
"""

from __future__ import annotations

from html.parser import HTMLParser

import pytest
from django.test import override_settings

from .permission_rules import EXCLUDED, rule_for
from .permission_world import ANONYMOUS, SUPERUSER, build_world, client_for
from .test_permission_walk import _body, _path, url_patterns

pytestmark = pytest.mark.django_db


class InlineCodeFinder(HTMLParser):
    """Collects inline <script> bodies, style="" attributes, <style> elements and on*= handlers."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        names = {name for name, _value in attrs}
        if tag == "script":
            types = dict(attrs).get("type") or ""
            # JSON data blocks are not executed; everything else must come from a file.
            self._in_script = "src" not in names and "json" not in types
        if tag == "style":
            self.problems.append("<style> element")
        if "style" in names:
            self.problems.append(f"<{tag} style=…>")
        self.problems += [f"<{tag} {name}=…>" for name in sorted(names) if name.startswith("on")]

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script and data.strip():
            self.problems.append(f"inline <script>: {data.strip()[:40]!r}")
            self._in_script = False


def inline_code(html: str) -> list[str]:
    finder = InlineCodeFinder()
    finder.feed(html)
    finder.close()
    return finder.problems


def _directive(policy: str, name: str) -> list[str]:
    for part in policy.split(";"):
        words = part.split()
        if words and words[0] == name:
            return words[1:]
    return []


def header_problems(response) -> list[str]:
    problems = []
    policy = response.get("Content-Security-Policy", "")
    if not policy:
        problems.append("no Content-Security-Policy")
    # Attachments are served under a bare "sandbox" policy: no script of theirs may ever run.
    sandboxed = any(part.split() == ["sandbox"] for part in policy.split(";"))
    for directive in () if sandboxed else ("script-src", "style-src"):
        sources = _directive(policy, directive) or _directive(policy, "default-src")
        if not sources or "'unsafe-inline'" in sources or "'unsafe-eval'" in sources:
            problems.append(f"{directive} {sources}")
    if response.get("X-Content-Type-Options") != "nosniff":
        problems.append("X-Content-Type-Options is not nosniff")
    if not response.get("Referrer-Policy"):
        problems.append("no Referrer-Policy")
    if response.get("X-Frame-Options") != "DENY" and _directive(policy, "frame-ancestors") != ["'none'"]:
        problems.append("framing is not denied")
    return problems


def pages(world) -> list[tuple[str, str]]:
    """(kind, path) of every page that answers 200 to the anonymous visitor or the superuser."""
    found = []
    for name, route in url_patterns():
        if (name or route) in EXCLUDED:
            continue
        rule = rule_for(name, route)
        for kind in (ANONYMOUS, SUPERUSER):
            if rule is not None and rule.get.get(kind) == "200":
                found.append((kind, _path(world, name, rule)))
    return found


@override_settings(GONGKAI_REQUIRE_STAFF_OTP=True, GONGKAI_PAGE_CACHE_SECONDS=0)
def test_every_page_sends_the_security_headers_and_has_no_inline_code():
    world = build_world()
    world.own.phone = "0394-1234567"  # the agency list shows it beside the name
    world.own.save()
    clients = {kind: client_for(world, kind, number) for number, kind in enumerate((ANONYMOUS, SUPERUSER))}
    walked = build = 0
    problems: list[str] = []
    for kind, path in pages(world):
        response = clients[kind].get(path)
        walked += 1
        if response.status_code != 200:
            problems.append(f"{kind} {path}: {response.status_code}")
            continue
        problems += [f"{kind} {path}: {p}" for p in header_problems(response)]
        # Downloads (report exports) are self-contained files with their own <style>, not pages.
        downloaded = response.get("Content-Disposition", "").startswith("attachment")
        if response.get("Content-Type", "").startswith("text/html") and not downloaded:
            build += 1
            problems += [f"{kind} {path}: {p}" for p in inline_code(_body(response))]
    print(f"\nheaders checked on {walked} responses, markup on {build} HTML pages")
    assert walked >= 100 and build >= 60, (walked, build)
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize(
    "html, found",
    [
        ('<script src="/static/a.js"></script>', []),
        ('<script type="application/json">{"a": 1}</script>', []),
        ("<script>alert(1)</script>", ["inline <script>: 'alert(1)'"]),
        ('<p style="color:red">x</p>', ["<p style=…>"]),
        ('<img src="x" onerror="alert(1)">', ["<img onerror=…>"]),
        ("<style>p{}</style>", ["<style> element"]),
    ],
)
def test_the_markup_check_finds_inline_code(html, found):
    assert inline_code(html) == found
