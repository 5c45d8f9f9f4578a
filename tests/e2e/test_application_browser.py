"""Browser: submit the public request form with a bad ID number (clear error, nothing lost),
correct it, submit, receive the query code, and look up the status (Debian's chromium)."""

from __future__ import annotations

import pytest

from tests.conftest import clear_own_cache

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

BAD_ID = "110105194912310021"
GOOD_ID = "11010519491231002X"


def test_apply_with_a_bad_id_number_correct_it_and_follow_the_request(
        agency, live_server, page):
    # `agency` comes before `page` (see the `browser` fixture in conftest.py).

    clear_own_cache()
    page.goto(live_server.url + "/requests/apply/")
    page.select_option("#id_applicant_type", "natural")
    page.fill("#id_applicant_name", "孙丽华")
    page.select_option("#id_id_type", "resident_id")
    page.fill("#id_id_number", BAD_ID)
    page.fill("#id_phone", "13612345678")
    page.fill("#id_email", "sun@example.cn")
    page.fill("#id_address", "河南省周口市西华县奉母镇幸福街6号")
    page.select_option("#id_agency", str(agency.pk))
    page.fill("#id_title", "2021年西华县家电以旧换新补贴发放名单")
    page.fill("#id_description", "按乡镇汇总的补贴人数和金额")
    page.select_option("#id_info_form", "electronic")
    page.select_option("#id_delivery", "email")
    page.check("#id_confirm")
    box = page.locator("#id_website").bounding_box()
    assert box is None or box["x"] + box["width"] < 0  # the honeypot stays out of sight
    page.click("button[type=submit]")

    error = page.locator("#id_id_number ~ ul.errorlist")
    assert "居民身份证号码不正确" in error.inner_text()
    assert page.input_value("#id_id_number") == BAD_ID
    assert page.input_value("#id_applicant_name") == "孙丽华"
    assert page.input_value("#id_phone") == "13612345678"
    assert page.input_value("#id_address") == "河南省周口市西华县奉母镇幸福街6号"
    assert page.input_value("#id_title") == "2021年西华县家电以旧换新补贴发放名单"
    assert page.input_value("#id_description") == "按乡镇汇总的补贴人数和金额"
    assert page.input_value("#id_agency") == str(agency.pk)
    assert page.input_value("#id_delivery") == "email"

    page.fill("#id_id_number", GOOD_ID)
    page.check("#id_confirm")
    page.click("button[type=submit]")
    page.wait_for_url("**/requests/apply/done/")
    code = page.locator("#query-code").inner_text().strip()
    assert len(code) == 12

    # A different browser session: the code and the phone number open the status page.
    page.context.clear_cookies()
    page.goto(live_server.url + "/requests/lookup/")
    page.fill("#id_code", code)
    page.fill("#id_phone", "136 1234 5678")
    page.click("button[type=submit]")
    page.wait_for_url(f"**/requests/track/{code}/")
    assert page.locator("#status").inner_text() == "待分办"
    assert "收到您的申请" in page.locator("ol.timeline").inner_text()
    assert "2021年西华县家电以旧换新补贴发放名单" in page.locator("main").inner_text()
