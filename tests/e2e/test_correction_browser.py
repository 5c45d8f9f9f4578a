"""Browser: the applicant uploads 补正 material from the status page (issue 18), first a file
whose name lies about its content (clear error, nothing recorded), then the right one; the
timeline shows it and the clock runs again (Debian's chromium)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from gongkai.applications import services
from gongkai.applications.models import Status
from tests.applications.factories import make_application
from tests.conftest import clear_own_cache

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


@pytest.fixture
def awaiting(agency, make_staff):
    from gongkai.agencies.models import Role

    handler = make_staff(agency, Role.HANDLER, username="browser_handler")
    today = timezone.localdate()
    application = make_application(agency, received_on=today, title="家电以旧换新补贴发放名单")
    services.application_request_correction(
        application=application, actor=handler, on=today,
        period_end=today + dt.timedelta(days=14), items="请写明所需信息的年度。")
    return application


def test_the_applicant_uploads_correction_material_from_the_status_page(awaiting, live_server, page):
    # `awaiting` comes before `page` (see the `browser` fixture in conftest.py).
    clear_own_cache()
    page.goto(live_server.url + f"/requests/lookup/?code={awaiting.query_code}")
    page.fill("#id_phone", "13812345678")
    page.click("main button[type=submit]")
    page.wait_for_url(f"**/requests/track/{awaiting.query_code}/")
    assert page.locator("#status").inner_text() == "待申请人补正"

    page.set_input_files("#id_files", [{"name": "补正申请.pdf", "mimeType": "application/pdf",
                                        "buffer": PNG}])
    page.click("#correction button[type=submit]")
    alert = page.locator("#correction .nonfield")
    assert "与文件内容（PNG）不一致" in alert.inner_text()
    assert page.locator("#status").inner_text() == "待申请人补正"

    page.set_input_files("#id_files", [
        {"name": "补正申请.pdf", "mimeType": "application/pdf", "buffer": PDF},
        {"name": "年度说明.png", "mimeType": "image/png", "buffer": PNG},
    ])
    page.fill("#id_note", "所需信息为2025年度的发放名单。")
    page.click("#correction button[type=submit]")
    page.wait_for_selector("ol.timeline .materials")
    assert page.locator("#status").inner_text() == "办理中"
    timeline = page.locator("ol.timeline").inner_text()
    assert "收到补正后的申请" in timeline and "补正申请.pdf" in timeline and "年度说明.png" in timeline
    assert page.locator("#correction").count() == 0
    awaiting.refresh_from_db()
    assert awaiting.status == Status.IN_PROGRESS
