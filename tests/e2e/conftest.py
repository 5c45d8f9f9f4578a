"""Shared set-up of the browser tests: Playwright driving Debian's chromium.

Never a browser downloaded by Playwright: the executable is /usr/bin/chromium (installed by
scripts/system-deps.sh); without it, or without Playwright, the tests are skipped.
"""

from __future__ import annotations

import os

import pytest

from tests.catalog.conftest import standard_catalog  # noqa: F401  (the catalog's browser test)

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]


@pytest.fixture
def browser(monkeypatch):
    """A headless chromium for one test.

    Playwright's sync API runs an event loop in this thread while the ORM calls stay sync;
    DJANGO_ALLOW_ASYNC_UNSAFE is set for this test only, so that the deployment checks of other
    tests (async.E001) do not see it. Rows the test needs must exist before this fixture starts
    (list their fixtures first): rows made afterwards go through a second database connection
    that is never closed, and PostgreSQL would then refuse to drop the test database.
    """
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    sync_api = pytest.importorskip("playwright.sync_api")
    if not os.path.exists(CHROMIUM):
        pytest.skip(f"Debian's chromium ({CHROMIUM}) is not installed")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


@pytest.fixture
def page(browser):
    """A page of a fresh browser context in Chinese."""
    return browser.new_page(locale="zh-CN")
