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


# --- damage seen in the corpus of published reports (issue 13) ---------------------------------
#
# Each function takes the text rendering (tab-separated) and damages it the way one kind of real
# copy is damaged, without changing a number: the reader must give the same numbers back, or say
# in a reading notice what it could not read.

_CELL = re.compile(r"^\d+(\.\d+)?$")


def _split(line: str) -> tuple[list[str], list[str]]:
    """(label cells, number cells) of a table row; ([], []) for other lines."""
    cells = line.split("\t")
    first = next((i for i, c in enumerate(cells) if _CELL.match(c)), None)
    if first is None or not any(c.strip() for c in cells[:first]) or not all(
        _CELL.match(c) for c in cells[first:]
    ):
        return [], []
    return cells[:first], cells[first:]


def cells_run_together(text: str, rnd: random.Random, one_line: bool = False) -> str:
    """A web archive's copy: every row's cells joined without separators ("270020130"); with
    `one_line`, the whole page on one line, headings and all."""
    out = []
    for line in text.split("\n"):
        label, numbers = _split(line)
        if numbers and rnd.random() < 0.8:
            line = "".join(c for c in label if c.strip()) + "".join(numbers)
        elif not one_line:
            line = line.replace("\t", "")
        out.append(line)
    if one_line:
        return "".join(x.replace("\t", "") for x in out)
    return "\n".join(out)


def empty_cells(text: str, rnd: random.Random) -> str:
    """A tab-separated copy of merged cells: empty fields between a label and its numbers."""
    out = []
    for line in text.split("\n"):
        label, numbers = _split(line)
        if numbers and rnd.random() < 0.5:
            line = "\t".join([*label, *[""] * rnd.randint(1, 3), *numbers])
        out.append(line)
    return "\n".join(out)


def labels_wrapped(text: str, rnd: random.Random) -> str:
    """A PDF reader's copy: cells separated by spaces, a long label wrapped over two lines, its
    numbers printed on the line above or below the label (never two rows in a row)."""
    out = []
    previous_moved = False
    for line in text.split("\n"):
        label, numbers = _split(line)
        own = [c for c in label if c.strip()]
        if not numbers or not own or previous_moved or rnd.random() < 0.6 or len(numbers) != 7:
            out.append(" ".join(c for c in line.split("\t") if c.strip()))
            previous_moved = False
            continue
        previous_moved = True
        head, last = own[:-1], own[-1]
        values = " ".join(numbers)
        if rnd.random() < 0.5 and len(last) > 8:  # label, numbers, end of the label
            at = rnd.randrange(4, len(last) - 2)
            out += [" ".join([*head, last[:at]]), values, last[at:]]
        else:  # numbers above their label
            out += [values, " ".join(own)]
    return "\n".join(out)


def page_numbers(text: str, rnd: random.Random) -> str:
    """Page numbers and a footer copied into the middle of the tables."""
    out = []
    page = 7
    for line in text.split("\n"):
        out.append(line)
        if _split(line)[1] and rnd.random() < 0.15:
            out += [rnd.choice([f"- {page} -", f"— {page} —", f"第 {page} 页"])]
            page += 1
    return "\n".join(out)


_HEADING_VARIANTS = {
    "一、总体情况": ["## 一、总体情况", "一. 总体情况", "第一部分 总体情况"],
    "五、存在的主要问题及改进情况": ["五、存在的主要问题及整改措施", "五、存在的主要问题及改进措施"],
    "四、政府信息公开行政复议、行政诉讼情况": ["四、政府信息公开行政复议和行政诉讼情况"],
}


def headings_varied(text: str, rnd: random.Random) -> str:
    """Headings as agencies retype them, and "2022 年" with a space."""
    for official, variants in _HEADING_VARIANTS.items():
        text = text.replace(official, rnd.choice(variants), 1)
    return re.sub(r"(\d{4})年", r"\1 年", text)


DAMAGE = {
    "run_together": cells_run_together,
    "one_line": lambda text, rnd: cells_run_together(text, rnd, one_line=True),
    "empty_cells": empty_cells,
    "labels_wrapped": labels_wrapped,
    "page_numbers": page_numbers,
    "headings_varied": headings_varied,
}
