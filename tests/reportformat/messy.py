"""Turning a clean text rendering into text as agencies paste it, without changing a number.

Full-width digits, thousands separators, "—" or blanks for zero, "1、" for "1.", stray spaces in
labels, rows broken across lines with a page number in between, labels broken across lines,
and cells separated by runs of spaces instead of tabs.
"""

from __future__ import annotations

import random
import re

_NUMBER = re.compile(r"^-?\d+(\.\d+)?$")
_FULL = str.maketrans("0123456789", "０１２３４５６７８９")


def _number(cell: str, rnd: random.Random, blanks: bool, dashes: bool = True) -> str:
    # A broken row's rest ("- 5 -") would read as a page number, and its trailing blanks as
    # the end of the line, so broken rows keep their zeros as digits.
    if cell in ("0", "0.00") and dashes and rnd.random() < 0.4:
        return rnd.choice(["—", ""] if blanks else ["—", "-"]) if cell == "0" else cell
    whole, _, fraction = cell.partition(".")
    if len(whole) > 3 and rnd.random() < 0.5:
        whole = f"{int(whole):,}"
    cell = whole + (f".{fraction}" if fraction else "")
    if rnd.random() < 0.2:
        cell = cell.translate(_FULL)
    return cell


def _label(cell: str, rnd: random.Random) -> str:
    if rnd.random() < 0.5:
        cell = re.sub(r"^(\d)\.", r"\1、", cell)
    if len(cell) > 3 and rnd.random() < 0.2:
        at = rnd.randrange(1, len(cell) - 1)
        cell = cell[:at] + " " + cell[at:]
    return cell


def messy_text(text: str, rnd: random.Random) -> str:
    spaces = rnd.random() < 0.3
    # Page numbers count up from 7 so that they never look like a row's numbers.
    sep = (lambda: " " * rnd.randint(2, 4)) if spaces else (lambda: "\t")
    page = [7]
    out: list[str] = []

    def emit(cells: list[str]) -> None:
        line = ""
        for i, cell in enumerate(cells):
            line += (sep() if i else "") + cell
        out.append(line)

    for line in text.split("\n"):
        cells = line.split("\t")
        numeric = [i for i, c in enumerate(cells) if _NUMBER.match(c)]
        labels = [i for i, c in enumerate(cells) if c and not _NUMBER.match(c)]
        if not numeric or not labels or max(labels) > min(numeric):
            if numeric and not labels:  # table 四's row: no blanks (a blank line is skipped)
                cells = [_number(c, rnd, blanks=False) for c in cells]
            emit(cells)
            continue
        first = min(numeric)
        split = len(numeric) >= 3 and rnd.random() < 0.15
        head = cells[:first]
        nums = [_number(c, rnd, blanks=not split and not spaces, dashes=not split)
                for c in cells[first:]]
        head = [_label(c, rnd) if c else c for c in head]
        last = head[-1]
        if len(last) > 16 and rnd.random() < 0.2:
            at = rnd.randrange(8, len(last) - 4)
            emit(head[:-1] + [last[:at]])
            head = [last[at:]]
        if split:
            k = rnd.randrange(1, len(nums))
            emit(head + nums[:k])
            out.extend(["", f"- {page[0]} -", ""])
            page[0] += 1
            emit(nums[k:])
        else:
            emit(head + nums)
    return "\n".join(out)
