"""Cells for CSV exports that spreadsheet programs open as text, never as formulas.

Applicants and staff type the text the exports carry (names, titles, reasons). A cell that
begins with = + - @ (or a tab or carriage return before one) is run by Excel and WPS as a
formula: `=HYPERLINK(...)` can send the row to another site, `=cmd|...` can start a program.
Such strings get a leading apostrophe, which the spreadsheet shows as text (OWASP "CSV
injection"). Numbers and dates pass unchanged.
"""

from __future__ import annotations

from collections.abc import Iterable

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: object) -> object:
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def safe_row(values: Iterable[object]) -> list[object]:
    return [safe_cell(value) for value in values]
