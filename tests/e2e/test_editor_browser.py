"""Browser: a clerk pastes a Word document into the body editor and saves; the stored body keeps
paragraphs, headings, lists, a table and an image, without Word's markup (Debian's chromium)."""

from __future__ import annotations

import os

import pytest

from tests.e2e.waiting import wait_until

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]

# The shape of what Word puts on the clipboard (text/html): MsoNormal paragraphs, mso- styles,
# <o:p>, conditional comments, list paragraphs with mso-list, a table with widths and borders.
WORD_HTML = """<html xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w="urn:schemas-microsoft-com:office:word"><head><style>
p.MsoNormal {font-family:仿宋_GB2312}</style></head><body lang=ZH-CN>
<!--StartFragment--><h1 style="mso-outline-level:1"><span style="font-family:方正小标宋简体">关于优化营商环境的通知</span></h1>
<p class=MsoNormal style="text-indent:32.0pt;mso-char-indent-count:2.0"><span style="font-size:16.0pt;font-family:仿宋_GB2312;color:#333333">各乡镇人民政府，县直各单位：<o:p></o:p></span></p>
<p class=MsoNormal style="text-indent:32.0pt"><span style="font-size:16.0pt">现将有关事项通知如下。<o:p></o:p></span></p>
<p class=MsoListParagraphCxSpFirst style="mso-list:l0 level1 lfo1"><![if !supportLists]><span style="mso-list:Ignore">1.<span style="font:7.0pt &quot;Times New Roman&quot;">&nbsp;&nbsp; </span></span><![endif]><span>压缩开办时间<o:p></o:p></span></p>
<p class=MsoListParagraphCxSpLast style="mso-list:l0 level1 lfo1"><![if !supportLists]><span style="mso-list:Ignore">2.<span style="font:7.0pt &quot;Times New Roman&quot;">&nbsp;&nbsp; </span></span><![endif]><span>减少申请材料<o:p></o:p></span></p>
<table class=MsoTableGrid border=1 cellspacing=0 style="border-collapse:collapse;mso-yfti-tbllook:1184">
<tr><td width=200 style="border:solid windowtext 1.0pt"><p class=MsoNormal>事项<o:p></o:p></p></td><td width=200><p class=MsoNormal>时限<o:p></o:p></p></td></tr>
<tr><td width=200><p class=MsoNormal>开办企业<o:p></o:p></p></td><td width=200><p class=MsoNormal>1个工作日<o:p></o:p></p></td></tr>
</table>
<p class=MsoNormal><img width=120 height=80 src="https://www.xihua.gov.cn/images/map.png" alt="示意图"></p>
<p class=MsoNormal>特此通知。<o:p></o:p></p><!--EndFragment--></body></html>"""


@pytest.fixture
def standard_catalog(transactional_db):
    """The standard 公开目录 (a transactional test's flush removes the migration's rows)."""
    from gongkai.catalog.standard_catalog import ensure_standard_catalog

    ensure_standard_catalog()


@pytest.fixture
def publisher(standard_catalog, agency, make_staff):
    from gongkai.agencies.models import Role

    return make_staff(agency, Role.PUBLISHER, username="drafter")


def _body_of(pk: int | None = None) -> str:
    """The stored body, read on a connection closed again at once: the ORM inside Playwright's
    greenlet opens its own, and one left open stops PostgreSQL from dropping the test database."""
    from django.db import connections

    from gongkai.catalog.models import Document

    try:
        return (Document.objects.get(pk=pk) if pk else Document.objects.get()).body
    finally:
        connections.close_all()


@pytest.fixture
def page(monkeypatch):
    # Playwright's sync API runs an event loop in this thread; the ORM calls stay sync. Set only
    # for this test, so that deployment checks elsewhere in the run do not see it.
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


@pytest.fixture
def session(publisher):
    """The publisher's session cookie, made before Playwright starts (see `_body_of`)."""
    from django.test import Client

    client = Client()
    client.force_login(publisher)
    return client.cookies["sessionid"].value


def _log_in(page, live_server, session: str) -> None:
    page.context.add_cookies([{"name": "sessionid", "value": session, "url": live_server.url}])


@pytest.fixture
def policies(standard_catalog):
    from gongkai.catalog.models import Category

    return Category.objects.get(slug="policies")


def test_pasting_a_word_document_keeps_its_structure_and_drops_its_markup(
        policies, session, live_server, page):
    from gongkai.richtext import sanitize_html

    csp_errors: list[str] = []
    page.on("console", lambda m: csp_errors.append(m.text) if "Content Security Policy" in m.text else None)
    _log_in(page, live_server, session)

    page.goto(live_server.url + "/staff/documents/new/")
    editor = page.locator(".rich-editor .ql-editor")
    editor.wait_for()
    assert page.locator("textarea[name=body]").is_hidden()
    assert page.locator(".ql-toolbar button.ql-table").get_attribute("aria-label") == "插入表格"
    assert csp_errors == []  # the editor itself needs no inline script or style
    editor.click()
    page.evaluate("""(html) => {
        const data = new DataTransfer();
        data.setData("text/html", html);
        data.setData("text/plain", "plain");
        document.querySelector(".ql-editor").dispatchEvent(
            new ClipboardEvent("paste", {clipboardData: data, bubbles: true, cancelable: true}));
    }""", WORD_HTML)
    wait_until(page, "() => document.querySelector('.ql-editor table') !== null")

    page.fill("#id_title", "关于优化营商环境的通知")
    page.select_option("#id_category", str(policies.pk))
    page.select_option("#id_topic", "commerce")
    page.select_option("#id_kind", "notice")
    page.click("form.stacked button[type=submit]")
    page.wait_for_url("**/staff/documents/*/")

    body = _body_of()
    assert sanitize_html(body) == body  # the editor writes nothing the sanitiser would change
    assert "<h2>关于优化营商环境的通知</h2>" in body
    assert "<p>各乡镇人民政府，县直各单位：</p><p>现将有关事项通知如下。</p>" in body
    assert "<ol><li>压缩开办时间</li><li>减少申请材料</li></ol>" in body
    assert "<table>" in body and "<td>开办企业</td>" in body and "<td>1个工作日</td>" in body
    assert '<img src="https://www.xihua.gov.cn/images/map.png"' in body
    assert body.endswith("<p>特此通知。</p>")
    for word_markup in ("Mso", "mso-", "o:p", "style=", "class=", "仿宋", "&nbsp;", "<!--"):
        assert word_markup not in body


BODY = ("<h2>一、总体要求</h2><p>第一段 with words。</p><p>第二段。</p>"
        "<ul><li>甲</li><li>乙</li></ul><table><tbody><tr><td>一</td><td>二</td></tr></tbody></table>")


@pytest.fixture
def document(publisher, agency):
    from tests.catalog.factories import DocumentFactory

    return DocumentFactory(agency=agency, created_by=publisher, body=BODY)


def test_a_saved_body_opens_in_the_editor_and_saves_unchanged(document, session, live_server, page):
    _log_in(page, live_server, session)
    page.goto(live_server.url + f"/staff/documents/{document.pk}/edit/")
    page.locator(".rich-editor .ql-editor").wait_for()
    assert page.locator(".ql-editor p").count() == 2
    page.click("form.stacked button[type=submit]")
    page.wait_for_url(f"**/staff/documents/{document.pk}/")
    assert _body_of(document.pk) == BODY
