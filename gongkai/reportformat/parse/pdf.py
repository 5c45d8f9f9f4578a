"""Reading a report from a PDF with pdfplumber: text lines and ruled tables, page by page.

Two readings of the same pages are made. The table path finds ruled tables from the page's
ruling lines and word positions (pdfplumber's table finder) and reads them cell by cell (merged
cells once, a blank cell empty), the text around them line by line. The text path reads every
page as a PDF reader copies it (words in lines, cells separated by spaces). Damaged tables fail
one path or the other; the reading whose tables are the more consistent is kept.
Lines are numbered through the document in reading order.
"""

from __future__ import annotations

import io
import logging
from collections.abc import Iterator
from pathlib import Path

from .blocks import Block, split_text_line
from .core import ParseResult, failed, place


def pdf_blocks(source: bytes | str | Path) -> Iterator[Block]:
    """The table path: ruled tables cell by cell, the text around them line by line."""
    tables, _text = _both_paths(source)
    return iter(tables)


def _both_paths(source: bytes | str | Path) -> tuple[list[Block], list[Block]]:
    import pdfplumber

    logging.getLogger("pdfminer").setLevel(logging.ERROR)
    if isinstance(source, bytes):
        source = io.BytesIO(source)
    table_path: list[Block] = []
    text_path: list[Block] = []
    with pdfplumber.open(source) as pdf:
        for page in pdf.pages:
            for line in page.extract_text_lines():
                text_path.append(Block(split_text_line(line["text"]), len(text_path) + 1))
            table_path.extend(_page_blocks(page, len(table_path)))
    return table_path, text_path


def _page_blocks(page, number: int) -> Iterator[Block]:  # noqa: ANN001 - a pdfplumber page
    """One page by the table path; lines numbered on from `number`."""
    tables = page.find_tables()
    boxes = [tb.bbox for tb in tables]

    def outside(obj, boxes=boxes) -> bool:  # noqa: ANN001
        x = (obj["x0"] + obj["x1"]) / 2
        y = (obj["top"] + obj["bottom"]) / 2
        return not any(b[0] <= x <= b[2] and b[1] <= y <= b[3] for b in boxes)

    items: list[tuple[float, list[tuple[str, ...]], bool]] = []
    for line in page.filter(outside).extract_text_lines():
        items.append((line["top"], [split_text_line(line["text"])], False))
    for tb in tables:
        rows = []
        for row in tb.extract():
            cells = tuple((c or "").replace("\n", "") for c in row if c is not None)
            if any(cells):
                rows.append(cells)
        items.append((tb.bbox[1], rows, True))
    items.sort(key=lambda item: item[0])
    for _top, rows, is_table in items:
        for cells in rows:
            number += 1
            yield Block(cells, number, table_row=is_table)


def parse_pdf(source: bytes | str | Path) -> ParseResult:
    """Parse a report from a PDF file (bytes or path). Never raises."""
    try:
        tables, text = _both_paths(source)
    except Exception as exc:  # not a PDF, encrypted, or damaged
        return failed("pdf", f"无法读取 PDF 文件：{type(exc).__name__}")
    by_tables = place(tables, "pdf")
    if not text:
        return by_tables
    by_text = place(text, "pdf")
    return by_text if _trouble(by_text) < _trouble(by_tables) else by_tables


def _trouble(result: ParseResult) -> tuple[int, int]:
    """How inconsistent a reading is: table sums and structure that fail, then what could not
    be read (fewer is better; the table path wins a tie)."""
    from ..validate import validate

    errors = [f for f in validate(result.report) if f.is_error and f.table]
    unread = len(result.report.unread) + len([f for f in result.findings if f.rule == "P-1"])
    return len(errors), unread
