"""Browser: at 375 px (a phone), in normal and large-font mode, no public page scrolls sideways,
and the tables of a published annual report are ruled like the official ones (Debian's chromium)."""

from __future__ import annotations

import os
import random

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
PHONE = {"width": 375, "height": 740}


@pytest.fixture
def browser(monkeypatch):
    # Playwright's sync API runs an event loop in this thread; the ORM calls stay sync. Set only
    # for this test, so that deployment checks elsewhere in the run do not see it.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    sync_api = pytest.importorskip("playwright.sync_api")
    if not os.path.exists("/usr/bin/chromium"):
        pytest.skip("Debian's chromium (/usr/bin/chromium) is not installed")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


@pytest.fixture
def site(transactional_db, agency):
    """The standard catalog, ordinary documents with long titles, and a published annual report
    whose body is the report's HTML as publishing stores it (rendered, then sanitised)."""
    from gongkai.catalog.models import Category, Kind
    from gongkai.catalog.standard_catalog import ensure_standard_catalog
    from gongkai.reportformat.render import render_fragment
    from gongkai.richtext import sanitize_html
    from tests.reportformat.factories import random_report
    from tests.search.factories import PublishedDocumentFactory

    ensure_standard_catalog()
    policies = Category.objects.get(slug="policies")
    document = PublishedDocumentFactory(
        agency=agency, category=policies,
        title="关于印发《西华县进一步优化营商环境持续激发市场主体活力若干措施（2024—2026年）》的通知",
        body="<p>各乡镇人民政府，县直各单位：</p><p>详见 https://www.xihua.gov.cn/zwgk/"
             "zcwj/2024/notice-about-optimizing-the-business-environment.html 。</p>"
             "<table><tbody><tr><td>事项</td><td>办理时限</td><td>承诺时限</td><td>责任单位</td></tr>"
             "<tr><td>企业开办</td><td>3个工作日</td><td>1个工作日</td><td>县市场监督管理局</td></tr>"
             "</tbody></table>",
    )
    for n in range(3):
        PublishedDocumentFactory(agency=agency, category=policies, title=f"关于做好2024年第{n}批项目申报工作的通知")
    report = random_report(random.Random(20))
    annual = PublishedDocumentFactory(
        agency=agency, category=Category.objects.get(slug="annual-reports"), kind=Kind.REPORT,
        title=report.title, body=sanitize_html(render_fragment(report, title=False)),
    )
    return {"document": document.get_absolute_url(), "report": annual.get_absolute_url()}


def _pages(site) -> dict[str, str]:
    return {
        "home": "/", "catalog": "/catalog/", "category": "/catalog/policies/",
        "document": site["document"], "search": "/search/?q=通知", "apply": "/requests/apply/",
        "report list": "/reports/", "report": site["report"],
    }


@pytest.mark.parametrize("large_font", [False, True], ids=["normal", "large-font"])
def test_no_page_scrolls_sideways_on_a_phone(site, live_server, browser, large_font):
    context = browser.new_context(viewport=PHONE, locale="zh-CN")
    page = context.new_page()
    page.goto(live_server.url + "/")
    if large_font:
        page.click("[data-font-toggle]")  # remembered for the next pages
    widths = {}
    for name, path in _pages(site).items():
        page.goto(live_server.url + path)
        assert page.evaluate("document.documentElement.classList.contains('large-font')") is large_font
        widths[name] = page.evaluate("document.documentElement.scrollWidth")
    context.close()
    assert widths == {name: PHONE["width"] for name in widths}


def test_published_report_tables_are_ruled(site, live_server, browser):
    page = browser.new_page(locale="zh-CN")
    page.goto(live_server.url + site["report"])
    cells = page.locator(".body-text table td, .body-text table th")
    assert cells.count() > 100
    styles = page.evaluate("""() => [...document.querySelectorAll('.body-text table td, .body-text table th')]
        .map(c => getComputedStyle(c)).map(s => [s.borderTopStyle, s.borderLeftStyle, s.borderTopWidth])""")
    assert {tuple(s) for s in styles} == {("solid", "solid", "1px")}
    collapse = page.evaluate("getComputedStyle(document.querySelector('.body-text table')).borderCollapse")
    assert collapse == "collapse"
