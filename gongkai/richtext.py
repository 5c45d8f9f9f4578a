"""Rich text that staff type (document bodies, disclosure guides) is sanitised with nh3.

Only structural tags survive; no scripts, styles, event handlers or javascript: links.
`rich_text_html` (plain text to paragraphs, then `sanitize_html`) is applied by the services
before saving; templates may then mark it safe. The staff editor (static/gongkai/js/rich-editor.js)
writes only markup that survives `sanitize_html` unchanged.
"""

from __future__ import annotations

import re

import nh3

ALLOWED_TAGS = {
    "p", "br", "hr", "strong", "b", "em", "i", "u", "s", "sub", "sup", "blockquote",
    "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "a", "img", "span", "div",
    "table", "thead", "tbody", "tfoot", "tr", "th", "td", "caption", "colgroup", "col", "pre", "code",
}
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "img": {"src", "alt", "title", "width", "height"},
    "td": {"colspan", "rowspan"},
    "th": {"colspan", "rowspan", "scope"},
    "col": {"span"},
    "ol": {"start"},
}
_TAG = re.compile(r"<[^>]+>")
_SPACE = re.compile(r"\s+")
_BLOCK_TAG = re.compile(r"<\s*(p|div|h[1-6]|ul|ol|table|blockquote|pre)[\s>]", re.IGNORECASE)
_BLANK_LINE = re.compile(r"\n[ \t\u3000]*\n")
# An image whose address the sanitiser removed (file://, data:, javascript:) shows as a broken
# picture: drop the tag.
_IMG_WITHOUT_SRC = re.compile(r"<img(?![^>]*\ssrc=)[^>]*>")


def rich_text_html(value: str) -> str:
    """What a staff member typed or pasted into a body field, as safe HTML.

    HTML (any block-level tag) is sanitised as it is; plain text, as typed into the field
    without the editor, becomes one paragraph per blank-line-separated block, its single line
    breaks kept as <br>, so paragraphs do not run together on the page.
    """
    value = (value or "").replace("\r\n", "\n").strip()
    if value and not _BLOCK_TAG.search(value):
        blocks = [block.strip() for block in _BLANK_LINE.split(value) if block.strip()]
        value = "".join("<p>" + block.replace("\n", "<br>") + "</p>" for block in blocks)
    return sanitize_html(value)


def sanitize_html(html: str) -> str:
    """Return `html` with everything but safe structural markup removed."""
    return _IMG_WITHOUT_SRC.sub("", nh3.clean(
        html or "",
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer nofollow",
        strip_comments=True,
    ))


def html_to_text(html: str) -> str:
    """Plain text of sanitised HTML, for search indexing, summaries and feeds."""
    import html as html_lib

    text = _TAG.sub(" ", html or "")
    return _SPACE.sub(" ", html_lib.unescape(text)).strip()


def rich_textarea(rows: int = 18):  # noqa: ANN201 - a Django widget, imported lazily
    """The form widget of a rich-text field: a textarea (what a browser without JavaScript
    shows) that rich-editor.js turns into the editor; render `{{ form.media }}` in the page head."""
    from django import forms

    class RichTextarea(forms.Textarea):
        class Media:
            css = {"all": ("vendor/quill/quill.snow.css", "gongkai/css/rich-editor.css")}
            js = ("vendor/quill/quill.js", "gongkai/js/rich-editor.js")

    return RichTextarea(attrs={"rows": rows, "class": "html-source", "spellcheck": "false",
                               "data-rich-editor": ""})
