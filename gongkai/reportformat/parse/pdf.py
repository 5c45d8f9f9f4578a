"""Reading a report from a PDF with pdfplumber: text lines and ruled tables, page by page.

Ruled tables are read cell by cell (merged cells once); the text around them line by line.
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
    import pdfplumber

    logging.getLogger("pdfminer").setLevel(logging.ERROR)
    if isinstance(source, bytes):
        source = io.BytesIO(source)
    number = 0
    with pdfplumber.open(source) as pdf:
        for page in pdf.pages:
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
        blocks = list(pdf_blocks(source))
    except Exception as exc:  # not a PDF, encrypted, or damaged
        return failed("pdf", f"无法读取 PDF 文件：{type(exc).__name__}")
    return place(blocks, "pdf")
