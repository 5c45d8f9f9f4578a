"""The common shape every input format is read into: lines of cells with a source line number.

A text line becomes cells split at tabs (or runs of spaces); an HTML or Word table row becomes
its cells, each merged cell once. The placement core (`core.py`) sees only blocks, so the four
readers share one set of rules. Pure; no imports of ours.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .numbers import is_number, is_zero_mark


@dataclass(frozen=True)
class Block:
    cells: tuple[str, ...]
    line: int  # 1-based line (text), source line (HTML), paragraph or row number (DOCX, PDF)
    table_row: bool = False  # came from a table row of an HTML, Word or PDF file

    @property
    def text(self) -> str:
        return "".join(self.cells).strip()

    @property
    def joined(self) -> str:
        return " ".join(c.strip() for c in self.cells if c.strip())


_PAGE_NUMBER = re.compile(
    r"^\s*(?:[-－—–―]{1,2}\s*[1-9]\d{0,3}\s*[-－—–―]{1,2}|第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?"
    r"|\d{1,4}\s*/\s*\d{1,4}|page\s*\d{1,4}(?:\s*of\s*\d{1,4})?)\s*$",
    re.IGNORECASE,
)


def is_page_number(text: str) -> bool:
    """"- 4 -", "— 12 —", "第 4 页", "4/10": a page break copied into the text."""
    return bool(_PAGE_NUMBER.match(text)) or text.strip() == "\f"


_SPLIT = re.compile(r"\t| {2,}|\u3000+|\xa0{2,}")


_MD_RULE = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$")
_MD_CAPTION = re.compile(r"^\s*#{1,6}\s*表[一二三四五六七八九十\d]+\s*[:：]")


def split_text_line(line: str) -> tuple[str, ...]:
    """Cells of one text line: tab-separated if it has tabs, a markdown table row split at its
    bars, else split at runs of spaces. A markdown rule ("|---|---|") and a converter's table
    caption ("## 表三：…") carry nothing; "## " before a heading is dropped."""
    line = line.rstrip("\r\n")
    stripped = line.strip()
    if stripped.startswith("|") and stripped.endswith("|") and len(stripped) > 1:
        if _MD_RULE.match(stripped):
            return ("",)
        return tuple(c.strip() for c in stripped[1:-1].split("|"))
    if stripped.startswith("#"):
        if _MD_CAPTION.match(stripped):
            return ("",)
        line = stripped.lstrip("#").strip()
    if "\t" in line:
        return tuple(c.strip() for c in line.split("\t"))
    return tuple(c.strip() for c in _SPLIT.split(line.strip()))


_GLUED = re.compile(r"^(.*[^\d.,，、．\s(（\-—/:：])(\d+(?:\.\d+)?)$")


def tokens(cells: tuple[str, ...]) -> list[str]:
    """Cells further split at single spaces where a cell holds several numbers or a label
    followed by numbers ("规章 0 0 0" as PDF text extraction gives it). Blank cells stay."""
    out: list[str] = []
    for cell in cells:
        cell = cell.strip()
        if not cell:
            out.append("")
            continue
        parts = cell.split()
        if len(parts) == 1:
            glued = _GLUED.match(cell)
            if glued and not is_page_number(cell):
                # "行政规范性文件693665": a label with its digits run together.
                out.extend(glued.groups())
            else:
                out.append(cell)
            continue
        # Keep a label with stray spaces together; split off trailing numbers.
        end = len(parts)
        while end > 0 and (is_number(parts[end - 1]) or is_zero_mark(parts[end - 1])):
            end -= 1
        if end:
            out.append(" ".join(parts[:end]))
        out.extend(parts[end:])
    return out


def split_label(cells: tuple[str, ...]) -> tuple[str, list[str]]:
    """(label text, value cells): the values are the numeric cells after the last text cell."""
    toks = tokens(cells)
    last_text = -1
    for i, tok in enumerate(toks):
        if tok and not is_number(tok) and not is_zero_mark(tok):
            last_text = i
    label = "".join(tok for tok in toks[: last_text + 1])
    values = toks[last_text + 1 :]
    return label, values
