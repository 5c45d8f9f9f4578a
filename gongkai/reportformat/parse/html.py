"""Reading a report published as a web page: paragraphs and tables in document order.

A table row gives its cells once each (a cell spanning rows or columns is not repeated), the
same shape a text copy of the table has, so the placement core treats both alike. A table that
holds the page's layout (it contains other tables) is read cell by cell. Lines are the page's
source lines. Parsed with lxml (BeautifulSoup's detector only to find a declared encoding).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from lxml import etree
from lxml import html as lxml_html

from .blocks import Block
from .core import ParseResult, failed, place

_BLOCK_TAGS = frozenset({
    "p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "div", "pre", "td", "th", "title", "section",
    "article", "blockquote", "dt", "dd", "caption", "ul", "ol", "dl", "body", "main", "header",
    "footer", "nav", "form", "center", "font", "tbody", "thead", "tr",
})
_SKIP_TAGS = frozenset({"script", "style", "noscript", "template", "head"})
_HAS_BLOCK = etree.XPath(
    "boolean(" + "|".join(f".//{tag}" for tag in sorted(_BLOCK_TAGS | {"table", "br"})) + ")"
)
_SPACES = re.compile(r"[ \t\r\f\v\xa0\u3000]+")
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")


def _decode(source: str | bytes) -> str:
    if isinstance(source, str):
        return source
    from bs4.dammit import EncodingDetector

    declared = EncodingDetector.find_declared_encoding(source, is_html=True)
    for encoding in ("utf-8", declared, "gb18030"):
        if not encoding:
            continue
        if encoding.lower() in ("gbk", "gb2312", "gb_2312-80"):
            encoding = "gb18030"  # a superset: pages labelled GBK often use GB18030 characters
        try:
            return source.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
    return source.decode("utf-8", errors="replace")


def _clean(text: str) -> str:
    return _SPACES.sub(" ", text).strip()


def html_blocks(source: str | bytes) -> Iterator[Block]:
    text = _XML_DECLARATION.sub("", _decode(source)).replace("\x00", "")
    if not text.strip():
        return
    try:
        root = lxml_html.document_fromstring(text)
    except etree.ParserError:  # "Document is empty": markup without any content
        return
    body = root.find("body")
    yield from _walk(body if body is not None else root)


def _walk(node: etree._Element) -> Iterator[Block]:
    line = node.sourceline or 0
    texts: list[str] = []

    def flush() -> Iterator[Block]:
        joined = "".join(texts)
        texts.clear()
        for part in joined.split("\n"):
            part = _clean(part)
            if part:
                yield Block((part,), line)

    def add(text: str | None, at: int | None) -> None:
        nonlocal line
        if text:
            if not "".join(texts).strip() and text.strip() and at:
                line = at
            texts.append(text.replace("\n", " "))

    add(node.text, node.sourceline)
    for child in node:
        tag = child.tag if isinstance(child.tag, str) else None
        if tag is None or tag in _SKIP_TAGS:
            pass
        elif tag == "table":
            yield from flush()
            if child.find(".//table") is not None:
                yield from _layout_table(child)
            else:
                yield from _table(child)
        elif tag == "br":
            texts.append("\n")
        elif tag in _BLOCK_TAGS or _HAS_BLOCK(child):
            yield from flush()
            yield from _walk(child)
            line = child.sourceline or line
        else:
            add(child.text_content(), child.sourceline)
        add(child.tail, child.sourceline)
    yield from flush()


def _own_rows(table: etree._Element) -> Iterator[etree._Element]:
    for tr in table.iter("tr"):
        if next(tr.iterancestors("table"), None) is table:
            yield tr


def _layout_table(table: etree._Element) -> Iterator[Block]:
    """A table that holds the page's layout (older sites put the whole article in one):
    read each of its cells as a part of the page."""
    for tr in _own_rows(table):
        for cell in tr:
            if cell.tag in ("td", "th"):
                yield from _walk(cell)


def _table(table: etree._Element) -> Iterator[Block]:
    for tr in _own_rows(table):
        cells = tuple(_clean(" ".join(c.itertext())) for c in tr if c.tag in ("td", "th"))
        if any(cells):
            yield Block(cells, tr.sourceline or 0, table_row=True)


def parse_html(html: str | bytes) -> ParseResult:
    """Parse a report from an HTML page. Never raises."""
    try:
        blocks = list(html_blocks(html))
    except Exception as exc:  # a malformed page must not crash a batch check
        return failed("html", f"无法读取网页：{type(exc).__name__}")
    return place(blocks, "html")
