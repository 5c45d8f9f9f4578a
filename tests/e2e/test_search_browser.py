"""Browser: search from the home page, open a result, see the document (Debian's chromium)."""

from __future__ import annotations

import pytest

from tests.search.factories import PublishedDocumentFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_search_from_the_home_page_and_open_a_result(live_server, page, agency):
    wanted = PublishedDocumentFactory(
        agency=agency,
        title="关于印发《西华县进一步优化营商环境若干措施》的通知",
        body="<p>为持续优化营商环境，激发市场主体活力，制定以下措施。</p>",
    )
    PublishedDocumentFactory(agency=agency, title="关于做好秸秆禁烧工作的通知")

    page.goto(live_server.url + "/")
    search_box = page.locator("main form[role=search] input[name=q]").first
    search_box.fill("优化营商")
    search_box.press("Enter")
    page.wait_for_url("**/search/?q=*")

    results = page.locator("ol.search-results > li")
    assert results.count() == 1
    assert results.first.locator("mark").first.inner_text() == "优化营商"
    results.first.get_by_role("link").first.click()

    page.wait_for_url(f"**{wanted.get_absolute_url()}")
    assert page.locator("h1").first.inner_text() == wanted.title
