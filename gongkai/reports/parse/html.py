"""Reading a report published as a web page: paragraphs and tables in document order.

A table row gives its cells once each (a cell spanning rows or columns is not repeated), the
same shape a text copy of the table has, so the placement core treats both alike. Lines are
the page's source lines.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from bs4 import BeautifulSoup, Tag

from .blocks import Block
from .core import ParseResult, place

_BLOCK_TAGS = ("p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "div", "pre", "td", "th", "title",
               "section", "article", "blockquote", "dt", "dd", "caption")
_SPACES = re.compile(r"[ \t\r\f\v\xa0\u3000]+")


def _cell_text(cell: Tag) -> str:
    return _SPACES.sub(" ", cell.get_text(" ", strip=True)).strip()


def html_blocks(html: str | bytes) -> Iterator[Block]:
    soup = BeautifulSoup(html, "html.parser")
    for tag in soup(["script", "style", "noscript", "template"]):
        tag.decompose()
    root = soup.body or soup
    yield from _walk(root)


def _walk(node: Tag) -> Iterator[Block]:
    line = node.sourceline or 0
    texts: list[str] = []

    def flush() -> Iterator[Block]:
        joined = "".join(texts)
        texts.clear()
        for part in joined.split("\n"):
            part = _SPACES.sub(" ", part).strip()
            if part:
                yield Block((part,), line)

    for child in node.children:
        if isinstance(child, Tag):
            if child.name == "table":
                yield from flush()
                if child.find("table") is not None:
                    yield from _layout_table(child)
                else:
                    yield from _table(child)
            elif child.name == "br":
                texts.append("\n")
            elif child.name in _BLOCK_TAGS or child.find(_BLOCK_TAGS + ("table", "br")):
                yield from flush()
                line = child.sourceline or line
                yield from _walk(child)
            else:
                if not texts:
                    line = child.sourceline or line
                texts.append(child.get_text())
        else:
            text = str(child)
            if text.strip() and not texts:
                line = getattr(child.parent, "sourceline", None) or line
            texts.append(text.replace("\n", " "))
    yield from flush()


def _layout_table(table: Tag) -> Iterator[Block]:
    """A table that holds the page's layout (older sites put the whole article in one):
    read each of its cells as a part of the page."""
    for tr in table.find_all("tr"):
        if tr.find_parent("table") is not table:
            continue
        for cell in tr.find_all(["td", "th"], recursive=False):
            yield from _walk(cell)


def _table(table: Tag) -> Iterator[Block]:
    for tr in table.find_all("tr"):
        if tr.find_parent("table") is not table:
            continue
        cells = tuple(_cell_text(c) for c in tr.find_all(["td", "th"], recursive=False))
        if any(cells):
            yield Block(cells, tr.sourceline or 0, table_row=True)


def parse_html(html: str | bytes) -> ParseResult:
    """Parse a report from an HTML page. Never raises."""
    try:
        blocks = list(html_blocks(html))
    except Exception as exc:  # a malformed page must not crash a batch check
        from .core import failed

        return failed("html", f"无法读取网页：{exc}")
    return place(blocks, "html")
