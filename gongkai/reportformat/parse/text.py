"""Reading a report from plain text (as copied from a web page, PDF or Word file)."""

from __future__ import annotations

from collections.abc import Iterator

from .blocks import Block, split_text_line
from .core import ParseResult, place


def text_blocks(text: str) -> Iterator[Block]:
    text = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    for number, line in enumerate(text.split("\n"), start=1):
        for part in line.split("\f"):  # a form feed is a page break inside a line
            yield Block(split_text_line(part), number)


def parse_text(text: str) -> ParseResult:
    """Parse a report typed or copied as text. Never raises."""
    if not isinstance(text, str):
        text = decode(text)
    return place(text_blocks(text), "text")


def decode(data: bytes) -> str:
    """Text files from agencies come as UTF-8 or GB18030 (a superset of GBK and GB2312)."""
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("utf-8", errors="replace")
