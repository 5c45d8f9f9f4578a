"""The calculator in a real browser (Playwright with Debian's chromium)."""

from __future__ import annotations

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_visitor_computes_a_due_date_and_sees_an_unknown_year_as_provisional(live_server, page):
    page.goto(f"{live_server.url}/workdays/")
    page.fill("input[name=received]", "2021-09-27")
    page.click("button[type=submit]")
    assert page.locator("[data-due]").get_attribute("data-due") == "2021-10-29"
    assert "10-09为调休工作日" in page.locator("ol.explanation").inner_text()
    assert page.locator("td.day-due").inner_text().split()[0] == "29"

    page.fill("input[name=received]", "2026-12-15")
    page.click("button[type=submit]")
    assert page.locator("[data-due]").get_attribute("data-due") == "2027-01-13"
    assert "暂定" in page.locator("p.due-date").inner_text()
    assert "2027 年节假日安排尚未录入" in page.locator("[role=status]").inner_text()
    assert page.locator("input[name=received]").input_value() == "2026-12-15"
