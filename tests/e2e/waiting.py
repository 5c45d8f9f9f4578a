"""Waiting in the browser for a condition under the site's Content-Security-Policy.

Playwright's ``wait_for_function`` polls with ``globalThis.eval`` inside the page, which the
site's ``script-src 'self'`` refuses ("EvalError ... 'unsafe-eval'"), so it can fail depending on
when the policy applies. ``page.evaluate`` of a function goes through the DevTools protocol and
is not subject to the policy: poll with it from Python instead.
"""

from __future__ import annotations

import time


def wait_until(page, function: str, *, timeout: float = 10.0, interval: float = 0.05) -> None:
    """Evaluate the JavaScript ``function`` (e.g. ``"() => ..."``) until it returns truthy."""
    deadline = time.monotonic() + timeout
    while not page.evaluate(function):
        if time.monotonic() > deadline:
            raise AssertionError(f"not true after {timeout:g} s in the browser: {function}")
        time.sleep(interval)
