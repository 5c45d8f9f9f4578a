"""Highlighted snippets: the text around the matches, HTML-escaped, matches in <mark>.

Pure functions (no ORM). The text is escaped piece by piece, so whatever a document or a
query holds (`<script>`, `&amp;`, quotes) is shown as text and only our <mark> is markup.
Imports nothing of ours but `text.normalize`'s rules (lower case) for matching.
"""

from __future__ import annotations

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

ELLIPSIS = "…"


def match_spans(text: str, terms: tuple[str, ...]) -> list[tuple[int, int]]:
    """Merged (start, end) spans where any term occurs in `text`, case-insensitively."""
    haystack = text.lower()
    if len(haystack) != len(text):  # a few characters change length when lowered
        haystack = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    spans: list[tuple[int, int]] = []
    for term in terms:
        if not term:
            continue
        start = haystack.find(term)
        while start != -1:
            spans.append((start, start + len(term)))
            start = haystack.find(term, start + 1)
    spans.sort()
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _render(text: str, spans: list[tuple[int, int]], lo: int, hi: int) -> str:
    out: list[str] = []
    pos = lo
    for start, end in spans:
        start, end = max(start, lo), min(end, hi)
        if end <= start:
            continue
        out.append(escape(text[pos:start]))
        out.append("<mark>" + escape(text[start:end]) + "</mark>")
        pos = end
    out.append(escape(text[pos:hi]))
    return "".join(out)


def highlight(text: str, terms: tuple[str, ...]) -> SafeString:
    """The whole `text` (a title) with every occurrence of the terms marked."""
    return mark_safe(_render(text, match_spans(text, terms), 0, len(text)))  # noqa: S308


def snippet(text: str, terms: tuple[str, ...], width: int = 120, before: int = 30) -> SafeString:
    """About `width` characters of `text` around the first match, matches marked.

    Without a match (the term is in the title only), the start of the text.
    """
    spans = match_spans(text, terms)
    lo = max(0, spans[0][0] - before) if spans else 0
    hi = min(len(text), lo + width)
    if spans and spans[0][1] > hi:  # a very long term: show it whole
        hi = spans[0][1]
    html = _render(text, spans, lo, hi)
    if lo > 0:
        html = ELLIPSIS + html
    if hi < len(text):
        html += ELLIPSIS
    return mark_safe(html)  # noqa: S308
