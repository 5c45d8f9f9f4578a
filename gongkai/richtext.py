"""Rich text that staff type (document bodies, disclosure guides) is sanitised with nh3.

Only structural tags survive; no scripts, styles, event handlers or javascript: links.
`sanitize_html` is applied by the services before saving; templates may then mark it safe.
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


def sanitize_html(html: str) -> str:
    """Return `html` with everything but safe structural markup removed."""
    return nh3.clean(
        html or "",
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer nofollow",
        strip_comments=True,
    )


def html_to_text(html: str) -> str:
    """Plain text of sanitised HTML, for search indexing, summaries and feeds."""
    import html as html_lib

    text = _TAG.sub(" ", html or "")
    return _SPACE.sub(" ", html_lib.unescape(text)).strip()
