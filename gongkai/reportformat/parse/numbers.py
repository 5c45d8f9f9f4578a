"""Reading one table cell as a number, the way agencies type them.

Full-width digits, thousands separators, a unit after the number, blanks and dashes for zero,
and the several minus signs are all accepted. Pure; no imports of ours.
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal, InvalidOperation
from functools import lru_cache

Number = int | Decimal

# Cells that mean "nothing here" in a count table: a blank or a dash (read as zero).
ZERO_MARKS = frozenset({"", "—", "——", "–", "-", "－", "/", "／", "\\", "無", "无", "－－", "--", "―", "…"})
_MINUS = str.maketrans({"−": "-", "－": "-", "﹣": "-", "‐": "-", "‑": "-"})
_NUMBER = re.compile(r"^([+-]?)(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?$")
_UNIT = re.compile(r"(?:件|个|项|起|宗|次|万元|元)$")


def normalise_cell(text: str) -> str:
    return unicodedata.normalize("NFKC", text).translate(_MINUS).strip()


@lru_cache(maxsize=4096)
def is_zero_mark(text: str) -> bool:
    return normalise_cell(text).replace(" ", "") in ZERO_MARKS or text.strip() in ZERO_MARKS


@lru_cache(maxsize=8192)
def parse_number(text: str) -> Number | None:
    """The number in one cell, 0 for a blank or a dash, None when the cell is not a number."""
    raw = normalise_cell(text).replace(" ", "")
    if raw in ZERO_MARKS or text.strip() in ZERO_MARKS:
        return 0
    raw = _UNIT.sub("", raw)
    match = _NUMBER.match(raw)
    if not match:
        return None
    sign, digits, fraction = match.groups()
    digits = digits.replace(",", "")
    if fraction:
        try:
            return Decimal(sign + digits + fraction)
        except InvalidOperation:  # pragma: no cover - the regex admits only valid decimals
            return None
    value = int(digits)
    return -value if sign == "-" else value


def is_number(text: str) -> bool:
    return parse_number(text) is not None
