"""Browser: a publisher drafts, attaches and submits; a reviewer approves; the public sees it."""

from __future__ import annotations

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _login(browser, live_server, username):
    from tests.factories import PASSWORD

    page = browser.new_context(locale="zh-CN").new_page()
    page.goto(live_server.url + "/accounts/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", PASSWORD)
    page.click("form button[type=submit]")
    return page


def test_draft_attach_submit_approve_and_read(standard_catalog, live_server, browser, agency, make_staff, tmp_path):
    from gongkai.agencies.models import Role
    from gongkai.catalog.models import Category, Document
    from tests.catalog.test_attachments import PDF

    make_staff(agency, Role.PUBLISHER, username="drafter")
    make_staff(agency, Role.REVIEWER, username="checker")
    policies = Category.objects.get(slug="policies")

    page = _login(browser, live_server, "drafter")
    page.goto(live_server.url + "/staff/documents/new/")
    page.select_option("#id_agency", str(agency.pk))
    page.fill("#id_title", "关于印发《西华县促进消费实施方案》的通知")
    page.fill("#id_doc_number", "西商〔2025〕7号")
    page.fill("#id_written_on", "2025-03-01")
    page.select_option("#id_category", str(policies.pk))
    page.select_option("#id_kind", "normative")
    page.locator(".rich-editor .ql-editor").click()  # the body's rich-text editor
    page.keyboard.type("各乡镇人民政府：")
    page.click("form.stacked button[type=submit]")
    page.wait_for_url("**/staff/documents/*/")
    document = Document.objects.get()
    assert document.body == "<p>各乡镇人民政府：</p>"
    pdf = tmp_path / "方案.pdf"
    pdf.write_bytes(PDF)
    page.set_input_files("input[type=file]", str(pdf))
    page.click("form[enctype] button[type=submit]")
    assert "方案.pdf" in page.inner_text("main")
    page.click("text=提交审核")
    assert "待审核" in page.inner_text("main")

    page = _login(browser, live_server, "checker")
    page.goto(live_server.url + "/staff/documents/review/")
    page.click(f"text={document.title}")
    page.once("dialog", lambda dialog: dialog.accept())
    page.click("text=审核通过并发布")
    document.refresh_from_db()
    assert document.index_no and document.index_no in page.inner_text("main")

    public = browser.new_context(viewport={"width": 390, "height": 800}).new_page()
    public.goto(live_server.url + document.get_absolute_url())
    text = public.inner_text("main")
    assert document.index_no in text and "西商〔2025〕7号" in text and "方案.pdf" in text
    # readable on a phone: nothing wider than the screen
    assert public.evaluate("document.documentElement.scrollWidth") <= 390
    with public.expect_download() as download:
        public.click("text=方案.pdf")
    assert download.value.suggested_filename == "方案.pdf"
