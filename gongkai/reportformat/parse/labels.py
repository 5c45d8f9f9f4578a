"""Recognising the format's headings and labels in text typed by people.

Everything is compared after `normalise`: NFKC (full-width brackets and digits to half-width),
no whitespace, no quotation marks, "、" and "．" read as ".". A row is found by its *core* — the
label without its numbering and without the group headings written before it on the same line
("三、本年度办理结果 （三）不予公开 1.属于国家秘密" → "属于国家秘密").

Imports only `template`.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from .. import template

_QUOTES = re.compile(r"[\"'“”‘’「」『』《》〈〉]")
_SPACE = re.compile(r"\s+")
_NUMBERING = re.compile(
    r"^(?:\([一二三四五六七八九十]{1,3}\)|[一二三四五六七八九十]{1,3}[.:)]"
    r"|\(\d{1,2}\)|\d{1,2}[).:]|\d{1,2}(?=[^\d.,]))"
)


@lru_cache(maxsize=8192)
def normalise(text: str) -> str:
    text = unicodedata.normalize("NFKC", text)
    text = _SPACE.sub("", text)
    text = _QUOTES.sub("", text)
    return text.replace("、", ".").replace("．", ".").replace("，", ",").replace("：", ":")


def strip_numbering(text: str) -> str:
    """"(三)不予公开" → "不予公开", "1.属于国家秘密" → "属于国家秘密" (text already normalised)."""
    stripped = _NUMBERING.sub("", text, count=1)
    return stripped.lstrip(".:") if stripped else stripped


# --- sections ------------------------------------------------------------------------------

_HEADING = re.compile(r"^(?:第?([一二三四五六])(?:部分)?[.,:]?)?(.+?)[:。.]?$")


@lru_cache(maxsize=1)
def _section_titles() -> dict[str, str]:
    titles: dict[str, str] = {}
    for section in template.SECTIONS:
        titles[normalise(section.title)] = section.code
        for variant in template.SECTION_TITLE_VARIANTS.get(section.code, ()):
            titles[normalise(variant)] = section.code
    return titles


def edit_distance(a: str, b: str, limit: int) -> int:
    """Levenshtein distance of `a` and `b`, or `limit + 1` as soon as it must exceed `limit`."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, start=1):
        current = [i]
        for j, cb in enumerate(b, start=1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        if min(current) > limit:
            return limit + 1
        previous = current
    return previous[-1]


def edits_allowed(official: str) -> int:
    return min(template.LABEL_MAX_EDITS, int(len(official) * template.LABEL_EDIT_RATIO))


def closest(text: str, candidates: dict[str, str]) -> str | None:
    """The value of the one candidate within the allowed misprints of `text` (None when no
    candidate or more than one is that close)."""
    found = set()
    for official, value in candidates.items():
        allowed = edits_allowed(official)
        if allowed and edit_distance(text, official, allowed) <= allowed:
            found.add(value)
    return found.pop() if len(found) == 1 else None


def match_section(text: str) -> str | None:
    """The section code if `text` is one of the six headings (official wording, a variant of the
    template's table, or either with a misprint or two)."""
    norm = normalise(text).lstrip("#")
    if not norm or len(norm) > 40:
        return None
    match = _HEADING.match(norm)
    if not match:
        return None
    numeral, title = match.groups()
    code = _section_titles().get(title)
    if code is None and numeral is not None and len(title) >= 6:
        code = closest(title, _section_titles())
    if code is None:
        return None
    if numeral is None and len(title) < 5 and title != normalise(template.SECTIONS[0].title):
        return None
    return code


# --- tables of section 二 --------------------------------------------------------------------

_ITEM_TITLE = re.compile(r"第二十条第\(?([一五六八九])\)?项")
ITEM_BY_NUMERAL = {"一": template.ITEM_1.code, "五": template.ITEM_5.code, "六": template.ITEM_6.code, "八": template.ITEM_8.code}


def match_item_title(text: str) -> str | None:
    """"第二十条第（一）项" → "一" (also 第(一)项, 第一项)."""
    match = _ITEM_TITLE.search(normalise(text))
    return match.group(1) if match else None


# --- rows ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class RowKey:
    table: str
    row: str
    core: str  # normalised label without numbering
    variant: bool


@lru_cache(maxsize=1)
def row_keys() -> tuple[RowKey, ...]:
    keys: list[RowKey] = []
    for table in template.TABLES:
        if table.code == template.TABLE4.code:
            continue
        for row in table.rows:
            keys.append(RowKey(table.code, row.code, strip_numbering(normalise(row.label)), False))
            for variant in template.ROW_LABEL_VARIANTS.get((table.code, row.code), ()):
                core = strip_numbering(normalise(variant))
                keys.append(RowKey(table.code, row.code, core, True))
    return tuple(keys)


@lru_cache(maxsize=1)
def _group_prefixes() -> tuple[str, ...]:
    heads = [normalise(h) for h in template.TABLE3_GROUP_HEADINGS]
    heads += [strip_numbering(h) for h in heads]
    return tuple(sorted(set(heads), key=len, reverse=True))


def strip_groups(norm: str) -> tuple[str, bool]:
    """Remove group headings from the start; True when at least one was removed."""
    removed = False
    changed = True
    while changed and norm:
        changed = False
        for prefix in _group_prefixes():
            if norm.startswith(prefix):
                norm = norm[len(prefix):]
                removed = changed = True
                break
    return norm, removed


def row_core(text: str) -> tuple[str, bool]:
    norm, grouped = strip_groups(normalise(text))
    return strip_numbering(norm), grouped


def match_row(core: str, tables: tuple[str, ...] | None = None) -> tuple[RowKey, bool] | None:
    """The row whose label is `core`; the flag is True when the match is not exact (`core` is
    only a label's beginning, or a label followed by a few extra characters)."""
    if not core:
        return None
    best: tuple[RowKey, bool] | None = None
    for key in row_keys():
        if tables is not None and key.table not in tables:
            continue
        if core == key.core:
            return key, False
        if best is None and len(core) >= 4 and key.core.startswith(core):
            best = (key, True)
    if best is None:
        # Trailing words agencies add: "规章（件）", "行政许可事项".
        for key in row_keys():
            if tables is not None and key.table not in tables:
                continue
            if len(key.core) >= 2 and core.startswith(key.core) and len(core) - len(key.core) <= 4:
                return key, True
    if best is None and len(core) >= 6:
        # A misprint ("其他法律行政止公开"): the one label within a few edits.
        by_core = {key.core: key for key in row_keys() if tables is None or key.table in tables}
        found = closest(core, {c: c for c in by_core})
        if found is not None:
            key = by_core[found]
            return RowKey(key.table, key.row, key.core, True), True
    return best


def continues(seen: str, extra: str, key: RowKey) -> bool:
    """Whether `extra` continues the broken label `seen` of row `key`."""
    joined = strip_numbering(strip_groups(normalise(seen + extra))[0])
    return any(
        other.core.startswith(joined)
        for other in row_keys()
        if (other.table, other.row) == (key.table, key.row)
    )


# --- header labels -------------------------------------------------------------------------


@lru_cache(maxsize=1)
def header_labels() -> dict[str, tuple[str, ...]]:
    """Normalised header label -> tables it belongs to."""
    found: dict[str, set[str]] = {}

    def add(label: str, table: str) -> None:
        found.setdefault(normalise(label), set()).add(table)
        for variant in template.COLUMN_LABEL_VARIANTS.get(label, ()):
            found.setdefault(normalise(variant), set()).add(table)

    for item in template.ITEM_TABLES:
        add(item.row_header, item.code)
        for column in item.columns:
            add(column.label, item.code)
    add(template.APPLICANT_GROUP, template.TABLE3.code)
    add(template.ORGANISATION_GROUP, template.TABLE3.code)
    for column in template.TABLE3.columns:
        add(column.label, template.TABLE3.code)
    for label in template.TABLE4_GROUP_LABELS:
        add(label, template.TABLE4.code)
    for column in (*template.APPEAL_RESULTS, template.APPEAL_TOTAL):
        add(column.label, template.TABLE4.code)
    return {k: tuple(sorted(v)) for k, v in found.items()}


def is_table3_note(text: str) -> bool:
    return "勾稽关系" in text


# --- text copied from a PDF: wrapped cells ----------------------------------------------------

_CN_NUMBERING = re.compile(r"^(?:\([一二三四五六七八九十]{1,3}\)|[一二三四五六七八九十]{1,3}[.:])")
_DIGIT_NUMBERING = re.compile(r"^(?:\(\d{1,2}\)|\d{1,2}[).:]?)")
_STARTS = re.compile(r"[(（][一二三四五六七八九十]{1,3}[)）]|[一二三四五六七八九十]{1,3}[、.．]|\d{1,2}[、.．]")


def _numbering_kind(text: str) -> str | None:
    norm = strip_groups(normalise(text))[0]
    if _CN_NUMBERING.match(norm):
        return "cn"
    if _DIGIT_NUMBERING.match(norm):
        return "digit"
    return None


def numbering_agrees(label: str, key: RowKey) -> bool:
    """False when the label is numbered in the other style than the row ("（六）其他" is not
    "3.其他"); labels without numbering agree with any row."""
    own = _numbering_kind(label)
    if own is None:
        return True
    row = _numbering_kind(template.TABLES_BY_CODE[key.table].row(key.row).label)
    return row is None or row == own


def label_starts(label: str) -> list[int]:
    """Positions after the first character where a numbered label may start."""
    return [m.start() for m in _STARTS.finditer(label) if m.start() > 0]


@lru_cache(maxsize=1)
def _heading_texts() -> tuple[str, ...]:
    texts = [normalise(h) for h in template.TABLE3_GROUP_HEADINGS]
    texts += [normalise(h) for tb in template.TABLES for h in template.table_header_labels(tb)]
    texts.append(normalise(template.TABLE3_NOTE))
    return tuple(texts)


def _pieces(block) -> list[str]:  # noqa: ANN001 - a blocks.Block
    from .numbers import is_number, is_zero_mark

    return [p for c in block.cells for p in c.split() if not (is_number(p) or is_zero_mark(p))]


def _is_fragment(piece: str) -> bool:
    norm = normalise(piece)
    return any(norm in h for h in _heading_texts())


def is_heading_fragment(block) -> bool:  # noqa: ANN001 - a blocks.Block
    """Every text piece of the line is part of a group heading or header label ("（三）不予",
    "公开", "办理结果", "结果维"), as wrapped cells come out of a PDF."""
    pieces = _pieces(block)
    return bool(pieces) and all(_is_fragment(p) for p in pieces)


def without_fragments(block) -> str:  # noqa: ANN001 - a blocks.Block
    """The line's label without the pieces that belong to wrapped group headings."""
    return "".join(p for p in _pieces(block) if not _is_fragment(p))
