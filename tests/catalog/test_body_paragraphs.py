"""A body typed as plain text keeps its paragraphs; what the editor writes survives the
sanitiser unchanged (gongkai.richtext.rich_text_html)."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse
from hypothesis import given
from hypothesis import strategies as st

from gongkai.richtext import rich_text_html, sanitize_html

pytestmark = pytest.mark.django_db

# What rich-editor.js sends after a Word paste (Quill's semantic HTML, cleaned): the formats the
# toolbar offers, and nothing else.
EDITOR_OUTPUT = (
    "<h2>一、总体要求</h2><p>为进一步<strong>优化营商环境</strong>，制定本方案。</p>"
    "<p>第二段 with English words。</p>"
    "<ol><li>压缩办理时限</li><li>减少申请材料</li></ol><ul><li>线上办理</li></ul>"
    "<table><tbody><tr><td>事项</td><td>时限</td></tr><tr><td>开办企业</td><td>1个工作日</td></tr></tbody></table>"
    '<p><img src="https://www.xihua.gov.cn/images/map.png"></p>'
    '<blockquote>引用</blockquote><p><a href="https://www.gov.cn/" rel="noopener noreferrer nofollow">中国政府网</a></p>'
)


def test_the_editor_output_round_trips_through_the_sanitiser():
    assert sanitize_html(EDITOR_OUTPUT) == EDITOR_OUTPUT
    assert rich_text_html(EDITOR_OUTPUT) == EDITOR_OUTPUT


def test_plain_text_with_blank_lines_becomes_paragraphs_through_the_form(client, agency, publisher):
    from gongkai.catalog.models import Category, Document

    client.force_login(publisher)
    response = client.post(reverse("catalog:staff_document_create"), {
        "agency": agency.pk, "title": "关于开展2025年消费促进月活动的通知",
        "category": Category.objects.get(slug="other-statutory").pk,
        "topic": "commerce", "kind": "notice", "validity": "valid",
        "body": "各乡镇人民政府：\r\n\r\n现将有关事项通知如下。\r\n请认真执行。\r\n\r\n\r\n特此通知。",
    })
    assert response.status_code == 302
    assert Document.objects.get().body == (
        "<p>各乡镇人民政府：</p><p>现将有关事项通知如下。<br>请认真执行。</p><p>特此通知。</p>"
    )


def test_word_markup_pasted_as_html_is_cleaned():
    word = (
        '<p class="MsoNormal" style="mso-pagination:widow-orphan"><span lang="EN-US" '
        'style="font-family:仿宋_GB2312;color:red">第一段<o:p></o:p></span></p>'
        '<!--[if !supportLists]--><p class="MsoListParagraph">第二段</p><img src="file:///C:/a.png">'
    )
    assert rich_text_html(word) == '<p><span lang="EN-US">第一段</span></p><p>第二段</p>'


def test_the_editor_form_still_works_without_javascript(client, publisher):
    client.force_login(publisher)
    html = client.get(reverse("catalog:staff_document_create")).content.decode()
    assert re.search(r'<textarea name="body"[^>]*data-rich-editor', html)
    assert "vendor/quill/quill.js" in html and "gongkai/js/rich-editor.js" in html
    assert "<script>" not in html  # no inline script: the CSP stays strict


paragraph_text = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc", "Zl", "Zp"),
                           exclude_characters="<>&\u3000\u0085"),
    min_size=1, max_size=40,
).filter(lambda s: s.strip() != "")


@given(st.lists(paragraph_text, min_size=1, max_size=6))
def test_every_blank_line_separated_block_is_one_paragraph(paragraphs):
    html = rich_text_html("\n\n".join(paragraphs))
    assert html.count("<p>") == len(paragraphs)
    assert sanitize_html(html) == html

