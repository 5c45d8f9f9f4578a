"""Reading a report from a Word file: paragraphs and table rows in body order.

Merged cells are read once (a cell continuing a vertical merge is skipped), so a table row has
the same shape as a text copy of it. Lines are numbered by body element.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from ..limits import ACTIVE, LimitExceeded, open_zip, read_member
from .blocks import Block
from .core import ParseResult, failed, place

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _text(element) -> str:  # noqa: ANN001 - an lxml element
    parts: list[str] = []
    for node in element.iter(f"{_W}t", f"{_W}tab", f"{_W}br", f"{_W}p"):
        if node.tag == f"{_W}t":
            parts.append(node.text or "")
        elif node.tag == f"{_W}tab":
            parts.append("\t")
        elif node.tag == f"{_W}br":
            parts.append("\n")
        elif parts and parts[-1] != "\n":
            parts.append("\n")  # a new paragraph inside a cell
    return "".join(parts).strip()


def _body_elements(parent):  # noqa: ANN001, ANN202 - lxml elements
    """Paragraphs and tables in order, looking inside content controls (w:sdt)."""
    for child in parent.iterchildren():
        if child.tag == f"{_W}sdt":
            content = child.find(f"{_W}sdtContent")
            if content is not None:
                yield from _body_elements(content)
        else:
            yield child


def _body(source: bytes | str | Path):  # noqa: ANN202 - an lxml element
    """The w:body of the main document part, read straight from the package (python-docx
    would load every part and take most of the time)."""
    from lxml import etree

    if not isinstance(source, bytes):
        source = Path(source).read_bytes()
    # Zip safety: the declared sizes are checked before anything is inflated, and each part is
    # inflated in chunks, stopped at what it declared (a zip bomb never reaches lxml).
    limits = ACTIVE.get()
    with open_zip(source, limits) as package:
        name = "word/document.xml"
        if name not in package.namelist():  # the main part may live elsewhere; ask the rels
            rels = etree.fromstring(read_member(package, "_rels/.rels", limits))
            for rel in rels:
                if rel.get("Type", "").endswith("/officeDocument"):
                    name = rel.get("Target", "").lstrip("/")
        parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True)
        root = etree.fromstring(read_member(package, name, limits), parser)
    body = root.find(f"{_W}body")
    if body is None:
        raise ValueError("no w:body")
    return body


def docx_blocks(source: bytes | str | Path) -> Iterator[Block]:
    number = 0
    for child in _body_elements(_body(source)):
        if child.tag == f"{_W}p":
            number += 1
            for part in _text(child).split("\n"):
                yield Block(tuple(part.split("\t")), number)
        elif child.tag == f"{_W}tbl":
            for tr in child.iter(f"{_W}tr"):
                number += 1
                cells = []
                for tc in tr.iterchildren(f"{_W}tc"):
                    merge = tc.find(f"{_W}tcPr/{_W}vMerge")
                    if merge is not None and merge.get(f"{_W}val", "continue") == "continue":
                        continue
                    cells.append(_text(tc).replace("\n", ""))
                if any(c.strip() for c in cells):
                    yield Block(tuple(cells), number, table_row=True)


def parse_docx(source: bytes | str | Path) -> ParseResult:
    """Parse a report from a .docx file (bytes or path). Never raises."""
    try:
        blocks = list(docx_blocks(source))
    except LimitExceeded as exc:
        return failed("docx", exc.message)
    except Exception as exc:  # not a Word file, or a damaged one
        return failed("docx", f"无法读取 Word 文件：{type(exc).__name__}")
    return place(blocks, "docx")
