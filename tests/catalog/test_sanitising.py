"""Bodies are sanitised on save; the page shows the clean HTML and escapes every other field."""

from __future__ import annotations

import pytest

from gongkai.catalog import services
from gongkai.catalog.models import Status

pytestmark = pytest.mark.django_db

HOSTILE = (
    '<p>正文第一段</p><script>alert("x")</script>'
    '<img src="x.png" onerror="alert(1)">'
    '<a href="javascript:alert(1)">点我</a>'
    '<p style="color:red" onclick="steal()">第二段</p>'
    '<iframe src="https://evil.example"></iframe>'
)


def _published(agency, publisher, reviewer, data):
    document = services.document_create(agency=agency, actor=publisher, data=data)
    services.document_submit(document=document, actor=publisher)
    return services.document_approve(document=document, actor=reviewer)


def test_scripts_handlers_and_javascript_links_are_removed_on_create(agency, publisher, draft_data):
    draft_data["body"] = HOSTILE
    body = services.document_create(agency=agency, actor=publisher, data=draft_data).body
    for bad in ("<script", "alert(\"x\")", "onerror", "javascript:", "onclick", "style=", "<iframe"):
        assert bad not in body
    assert "<p>正文第一段</p>" in body and "第二段" in body and '<img src="x.png">' in body


def test_the_body_is_sanitised_on_update_too(agency, publisher, draft_data):
    document = services.document_create(agency=agency, actor=publisher, data=draft_data)
    document = services.document_update(document=document, actor=publisher, data={"body": HOSTILE})
    assert "<script" not in document.body and "onerror" not in document.body


def test_the_page_shows_the_sanitised_body_and_escapes_the_title(
    client, agency, publisher, reviewer, draft_data
):
    draft_data["body"] = HOSTILE
    draft_data["title"] = '关于<script>alert("t")</script>的通知'
    document = _published(agency, publisher, reviewer, draft_data)
    assert document.status == Status.PUBLISHED
    html = client.get(document.get_absolute_url()).content.decode()
    assert "<script>alert" not in html
    assert "关于&lt;script&gt;alert(&quot;t&quot;)&lt;/script&gt;的通知" in html
    assert "onerror" not in html and "javascript:alert" not in html
    assert "<p>正文第一段</p>" in html
