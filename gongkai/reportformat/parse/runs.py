"""Tables whose cells ran together: a whole report on one line, and rows whose digits are one string.

Web archives and some page-to-text tools drop every separator: a page becomes one line
("…二、主动公开政府信息情况 第二十条第（一）项信息内容本年制发件数…规章 000行政规范性文件693665…")
and a row of table 三 reads "270020130". Two steps recover it:

- `segment` cuts such a line where the format says a new part starts (a numbered section heading,
  a 第二十条 caption, the note of table 三, a header, a row label followed by its digits), so
  the placement core sees the usual lines;
- `splits` lists the ways one row's digit strings divide into the row's cells, given what the
  format implies: no cell has a leading zero, and where the row has totals, each total is the
  sum of its parts. The core then keeps a split only when exactly one fits every constraint of
  its table (columns included) and says so; otherwise the row is left unread with a notice.

Pure; imports only `template` and `labels`.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator, Sequence
from functools import lru_cache

from .. import template
from .labels import edit_distance, edits_allowed, header_labels, normalise

MAX_DIGITS = 9  # a cell of a count table has at most this many digits (a province: 8)
MAX_SPLITS = 500  # beyond this many candidate splits a row is not worth guessing
MAX_STEPS = 20_000  # and beyond this much searching (long rows of large numbers) neither

# --- cutting a run-together line -------------------------------------------------------------

_NUMERALS = "一二三四五六"


@lru_cache(maxsize=1)
def _heading_pattern() -> re.Pattern[str]:
    titles = {s.code: [s.title, *template.SECTION_TITLE_VARIANTS.get(s.code, ())] for s in template.SECTIONS}
    alternatives = []
    for code, names in titles.items():
        for name in sorted(set(names), key=len, reverse=True):
            spaced = r"\s*".join(re.escape(ch) for ch in name)
            alternatives.append(f"{code}\\s*[、.．]\\s*(?:{spaced})")
    return re.compile("|".join(alternatives))


_NUMBERED = re.compile(r"([一二三四五六])\s*[、.．]\s*")


def _misprinted_headings(text: str, found: set[tuple[int, int]]) -> Iterator[tuple[int, int]]:
    """Headings with a misprint ("四、政府信息公开行政法复议、行政诉讼情况"): the numeral, then a
    stretch within a few edits of that section's title."""
    starts = {start for start, _ in found}
    for match in _NUMBERED.finditer(text):
        if match.start() in starts:
            continue
        code = match.group(1)
        section = template.SECTIONS_BY_CODE[code]
        best: tuple[int, int] | None = None
        for title in (section.title, *template.SECTION_TITLE_VARIANTS.get(code, ())):
            allowed = edits_allowed(title)
            if len(title) < 6 or not allowed:
                continue
            for size in range(len(title) - allowed, len(title) + allowed + 1):
                piece = text[match.end():match.end() + size]
                distance = edit_distance(normalise(piece), normalise(title), allowed)
                if distance <= allowed and (best is None or distance < best[0]):
                    best = (distance, match.end() + size)
        if best is not None:
            yield match.start(), best[1]


_CAPTION = re.compile(r"第二十条第\s*[（(]\s*[一二三四五六七八九十]+\s*[)）]\s*项")
_NOTE = re.compile(r"[（(]本列数据的勾稽关系为[^)）]*[)）]")
_MARKERS = re.compile(r"第二十条第|勾稽关系|本年新收政府信息公开申请数量")
# A run of numbers: digits (a decimal point inside), single spaces between numbers allowed.
_NUMBERS = re.compile(r"\d+(?:\.\d+)?(?:[ \u00a0\u3000]+\d+(?:\.\d+)?)*")
_NUMBERING_AFTER = re.compile(r"^[.、．]\s*[^\d\s]")
MIN_LENGTH = 200


def needs_segmenting(text: str) -> bool:
    """A long line holding a table's caption or rows with their digits run together."""
    return len(text) >= MIN_LENGTH and len(_MARKERS.findall(text)) >= 2


def segment(text: str) -> list[tuple[str, ...]]:
    """The lines (as cells) a run-together report line stands for."""
    text = unicodedata.normalize("NFKC", text)
    cuts = {0, len(text)}
    headings: set[tuple[int, int]] = set()
    for pattern in (_heading_pattern(), _CAPTION, _NOTE):
        for match in pattern.finditer(text):
            cuts.update((match.start(), match.end()))
            if pattern is _heading_pattern():
                headings.add(match.span())
    for span in _misprinted_headings(text, headings):
        cuts.update(span)
        headings.add(span)
    lines: list[tuple[str, ...]] = []
    bounds = sorted(cuts)
    section = None
    for start, end in zip(bounds, bounds[1:], strict=False):
        part = text[start:end].strip()
        if not part:
            continue
        if (start, end) in headings:
            section = part[0]
            lines.append((part,))
        elif _CAPTION.fullmatch(part) or _NOTE.fullmatch(part):
            lines.append((part,))
        elif section in _TABLE_SECTIONS:
            lines.extend(_rows(part))
        else:
            lines.append((part,))  # narrative: its numbers are words of a sentence
    return lines


_TABLE_SECTIONS = ("二", "三", "四")


def _rows(part: str) -> Iterator[tuple[str, ...]]:
    """A stretch between headings: label, then its numbers, then the next label …; text without
    numbers (narrative) stays one line."""
    matches = [m for m in _NUMBERS.finditer(part) if _is_cell_run(part, m)]
    if not matches:
        yield (part,)
        return
    position = 0
    for match in matches:
        start, end = match.span()
        digits = match.group(0)
        # "…00000002.其他法律…": the last digit is the next label's numbering.
        if _NUMBERING_AFTER.match(part[end:]) and digits[-1].isdigit():
            digits, end = digits[:-1].rstrip(), end - 1
        label = part[position:start].strip()
        position = end
        if not digits:
            continue
        yield from _header_then_label(label, digits.split())
    rest = part[position:].strip()
    if rest:
        yield from _header_then_label(rest, [])


def _is_cell_run(part: str, match: re.Match[str]) -> bool:
    """Digits that are cells: after a label or header, not a number inside a label or a sentence
    ("3.危及…", "2021年", "第（一）项")."""
    end = match.end()
    after = part[end:end + 1]
    before = part[match.start() - 1:match.start()] if match.start() else ""
    if after in ("年", "月", "日", "件", "%", "个", "条", "次") or before in ("第",):
        return False
    return not (after in (".", "、", "．") and len(match.group(0)) <= 1 and before not in "0123456789")


def _header_then_label(text: str, numbers: Sequence[str]) -> Iterator[tuple[str, ...]]:
    """Header labels run together at the start of `text` become a header line of their own."""
    labels, rest = _leading_header_labels(text)
    if labels:
        yield tuple(labels)
    if rest or numbers:
        yield (rest, *numbers)


def _leading_header_labels(text: str) -> tuple[list[str], str]:
    known = sorted(header_labels(), key=len, reverse=True)
    found: list[str] = []
    rest = text
    while True:
        norm = normalise(rest)
        hit = next((label for label in known if norm.startswith(label)), None)
        if hit is None:
            break
        found.append(hit)
        rest = drop_chars(rest, len(hit))
    return found, rest.strip()


def drop_chars(text: str, count: int) -> str:
    """`text` without its first `count` characters that survive `normalise` (spaces skipped)."""
    i = 0
    while count and i < len(text):
        if normalise(text[i]):
            count -= 1
        i += 1
    return text[i:]


def split_header(cell: str) -> list[str]:
    """"信息内容本年处理决定数量" → ["信息内容", "本年处理决定数量"] when the whole cell is header
    labels run together; [] otherwise."""
    labels, rest = _leading_header_labels(cell)
    return labels if len(labels) >= 2 and not rest else []


# --- splitting one row's digits into its cells ---------------------------------------------

# Groups of cells whose last cell is the sum of the others, per table (cell indexes in the
# official column order).
_TABLE3_GROUPS = ((0, 1, 2, 3, 4, 5, 6),)
_TABLE4_GROUPS = ((0, 1, 2, 3, 4), (5, 6, 7, 8, 9), (10, 11, 12, 13, 14))


def sum_groups(table: str) -> tuple[tuple[int, ...], ...]:
    if table == template.TABLE3.code:
        return _TABLE3_GROUPS
    if table == template.TABLE4.code:
        return _TABLE4_GROUPS
    return ()


def is_digit_run(value: str) -> bool:
    return value.isascii() and value.isdigit()


def splits(pieces: Sequence[str], cells: int, groups: Sequence[Sequence[int]] = (),
           limit: int = MAX_SPLITS) -> list[tuple[int, ...]] | None:
    """Every way to cut each digit string of `pieces` into one or more numbers, `cells` numbers in
    all, without leading zeros, such that in each group the last cell is the sum of the others.
    None when there are more than `limit` (too ambiguous to be worth listing)."""
    digits = [p for p in pieces if p]
    if not digits or not all(is_digit_run(p) for p in digits):
        return []
    if sum(len(p) for p in digits) < cells or len(digits) > cells:
        return []
    ends = {group[-1]: group for group in groups}
    later = [sum(len(p) for p in digits[i + 1:]) for i in range(len(digits))]
    found: list[tuple[int, ...]] = []
    values: list[int] = []
    steps = [0]

    def fits(index: int) -> bool:
        group = ends.get(index)
        return group is None or sum(values[i] for i in group[:-1]) == values[group[-1]]

    def walk(piece: int, offset: int) -> None:
        steps[0] += 1
        if steps[0] > MAX_STEPS:
            raise _TooMany
        if piece == len(digits):
            if len(values) == cells:
                found.append(tuple(values))
                if len(found) > limit:
                    raise _TooMany
            return
        text = digits[piece]
        remaining_pieces = len(digits) - piece - 1
        room = cells - len(values) - remaining_pieces  # cells this piece may still fill
        if room <= 0:
            return
        left = len(text) - offset
        for size in range(1, min(MAX_DIGITS, left) + 1):
            chunk = text[offset:offset + size]
            if size > 1 and chunk[0] == "0":
                break
            rest = left - size
            if rest and room == 1:
                continue  # this piece must end here
            values.append(int(chunk))
            digits_left = rest + later[piece]
            cells_left = cells - len(values)
            if cells_left <= digits_left <= cells_left * MAX_DIGITS and fits(len(values) - 1):
                if rest:
                    walk(piece, offset + size)
                else:
                    walk(piece + 1, 0)
            values.pop()

    try:
        walk(0, 0)
    except _TooMany:
        return None
    return found


class _TooMany(Exception):
    """More candidate splits than are worth listing."""
