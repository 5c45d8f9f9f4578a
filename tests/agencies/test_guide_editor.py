"""The disclosure guide is edited like a document body: the rich-text editor on the page, and
plain text typed without it keeps its paragraphs."""

from __future__ import annotations

import pytest
from django.urls import reverse

from gongkai.agencies.models import Role

pytestmark = pytest.mark.django_db


def test_the_guide_is_edited_in_the_rich_text_editor_and_keeps_paragraphs(client, agency, make_staff):
    client.force_login(make_staff(agency, Role.ADMIN))
    url = reverse("agencies:edit", args=[agency.slug])
    page = client.get(url).content.decode()
    assert "data-rich-editor" in page and "vendor/quill/quill.js" in page
    response = client.post(url, {"phone": "0394-1234567",
                                 "guide": "一、公开的主体和范围\r\n\r\n二、主动公开\r\n\r\n三、依申请公开"})
    assert response.status_code == 302
    agency.refresh_from_db()
    assert agency.guide == "<p>一、公开的主体和范围</p><p>二、主动公开</p><p>三、依申请公开</p>"
