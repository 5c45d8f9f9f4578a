"""Browser: a handler draws a rectangle over a picture on the page image of a reply (vendored
JS, no inline script), marks a word by search, submits; a second person approves; the handler
publishes the request; a visitor finds it in the disclosure log and downloads the redacted PDF,
which has neither the picture nor the word, sees the reply letter listed, and finds the request
again with the log's search box (Debian's chromium)."""

from __future__ import annotations

import datetime as dt
import io
import os

import pdfplumber
import pytest
from django.conf import settings
from django.test import Client

from gongkai.agencies.models import Role
from gongkai.applications import services
from tests.applications.factories import make_application
from tests.applications.test_redaction import KEPT, REPLY, SECRET_ID, make_pdf
from tests.e2e.waiting import wait_until

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]


@pytest.fixture
def world(agency, make_staff):
    """Everything the browser needs, made before Playwright starts (see the note in
    test_application_browser.py): a closed 部分公开 request with a PDF reply under 区分处理."""
    handler = make_staff(agency, Role.HANDLER, username="browser_handler")
    approver = make_staff(agency, Role.ADMIN, username="browser_approver")
    application = make_application(agency, received_on=dt.date(2021, 9, 27),
                                   title="商贸流通专项资金分配结果")
    services.application_assign(application=application, handler=handler, actor=handler,
                                on=dt.date(2021, 9, 28))
    services.application_close(application=application, actor=handler, outcome="partial",
                               on=dt.date(2021, 10, 20),
                               reply_text="部分公开：第三方个人信息不予公开（《条例》第十五条）。")
    reply_file = services.application_attach_file(application=application, actor=handler,
                                                  name="答复.pdf", data=make_pdf(REPLY, image=True))
    redaction = services.redaction_start(reply_file=reply_file, actor=handler)
    sessions = {}
    for name, user in (("handler", handler), ("approver", approver)):
        client = Client()
        client.force_login(user)
        sessions[name] = client.cookies[settings.SESSION_COOKIE_NAME].value
    return {"redaction": redaction.get_absolute_url(), "application": application.pk,
            "sessions": sessions}


@pytest.fixture
def page(monkeypatch):
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    sync_api = pytest.importorskip("playwright.sync_api")
    if not os.path.exists("/usr/bin/chromium"):
        pytest.skip("Debian's chromium (/usr/bin/chromium) is not installed")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        try:
            yield browser.new_page(locale="zh-CN")
        finally:
            browser.close()


def _sign_in(page, live_server, session: str) -> None:
    page.context.clear_cookies()
    page.context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "value": session,
                               "url": live_server.url}])


def test_draw_approve_publish_and_find_the_redacted_reply(world, live_server, page):
    errors = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    _sign_in(page, live_server, world["sessions"]["handler"])
    page.goto(live_server.url + world["redaction"])

    # Draw around the picture at (72, 300)–(172, 400) of the 595 × 842 page.
    canvas = page.locator(".redaction-canvas[data-page='1'] img")
    canvas.scroll_into_view_if_needed()  # a lazy image: loaded once scrolled to
    wait_until(page, """() => {
        const img = document.querySelector('.redaction-canvas img');
        return img.complete && img.naturalWidth > 0;
    }""", timeout=30)
    # Loaded, it is taller than before: bring the band drawn on into the viewport, then measure
    # (a pointer event outside the viewport is never dispatched).
    canvas.evaluate("img => img.scrollIntoView({block: 'center'})")
    box = canvas.bounding_box()
    page.mouse.move(box["x"] + box["width"] * 60 / 595, box["y"] + box["height"] * 290 / 842)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] * 120 / 595, box["y"] + box["height"] * 350 / 842)
    page.mouse.move(box["x"] + box["width"] * 185 / 595, box["y"] + box["height"] * 410 / 842)
    page.mouse.up()
    page.wait_for_selector(".redaction-box")  # drawn by the page's script after mouseup
    assert page.locator(".redaction-box").count() == 1
    assert abs(float(page.input_value("#area-form [name=left]")) - 100 * 60 / 595) < 1
    assert abs(float(page.input_value("#area-form [name=bottom]")) - 100 * 410 / 842) < 1
    page.select_option("#area-form [name=ground]", "withheld_secret")
    page.click("#area-form button[type=submit]")
    assert "已标注第1页的区域" in page.locator("main").inner_text()

    page.fill("[name=term]", SECRET_ID)
    page.select_option("form:has([name=term]) [name=ground]", "withheld_third_party")
    page.click("form:has([name=term]) button[type=submit]")
    assert "已标注1处" in page.locator("main").inner_text()
    page.click("text=提交审批（须由另一人审批）")
    assert page.locator("text=批准并生成公开文本").count() == 0  # not for the marker

    _sign_in(page, live_server, world["sessions"]["approver"])
    page.goto(live_server.url + world["redaction"])
    page.click("text=批准并生成公开文本")
    assert "已批准" in page.locator("main").inner_text()

    _sign_in(page, live_server, world["sessions"]["handler"])
    page.goto(f"{live_server.url}/requests/staff/{world['application']}/publish/")
    page.fill("[name=question]", "申请公开商贸流通专项资金分配结果")
    page.click("main form.stacked button[type=submit]")
    page.wait_for_url("**/requests/published/*/")

    page.context.clear_cookies()  # a visitor
    page.goto(live_server.url + "/")
    page.click("nav >> text=答复公开")
    page.click("text=申请公开商贸流通专项资金分配结果")
    link = page.locator("a:has-text('区分处理')").first
    response = page.request.get(live_server.url + link.get_attribute("href"))
    with pdfplumber.open(io.BytesIO(response.body())) as pdf:
        text = "".join(p.extract_text() for p in pdf.pages).replace(" ", "")
        assert pdf.pages[0].images == []
    assert SECRET_ID not in text and KEPT in text
    assert "答复告知书" in page.locator("#published-letters").inner_text()
    assert not [e for e in errors if "Content Security Policy" in e or "redaction" in e]

    # The visitor searches the log (`?q=`, the catalog's search engine; issue 18).
    page.goto(live_server.url + "/requests/published/")
    box = page.locator("main input[name=q]")
    box.fill("商贸流通专项资金")
    box.press("Enter")
    page.wait_for_url("**/requests/published/?*q=*")
    assert page.locator("main a:has-text('申请公开商贸流通专项资金分配结果')").count() == 1
    page.goto(live_server.url + "/requests/published/?q=" + "道路养护")
    assert page.locator("main a:has-text('申请公开商贸流通专项资金分配结果')").count() == 0
