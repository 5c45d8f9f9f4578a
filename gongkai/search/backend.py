"""The one search interface the rest of Gongkai calls; the engine follows the database vendor.

    from gongkai.search import backend
    page = backend.search("营商环境", queryset=form.filter_queryset(qs), page=2)
    backend.index_documents([doc.pk]); backend.remove([doc.pk]); backend.rebuild()

`search` never raises on user input: quotes, AND/OR/NEAR, `*`, parentheses, `--` are plain
characters to it; a query too long or with too many terms comes back with `query.problem`.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db.models import QuerySet

from .backends import SearchHit, SearchPage, get_backend
from .text import ParsedQuery, parse_query

__all__ = [
    "ParsedQuery", "SearchHit", "SearchPage", "index_documents", "parse_query", "rebuild",
    "remove", "search",
]


def search(
    query: str | ParsedQuery, *, queryset: QuerySet | None = None, page: int = 1,
    page_size: int = 20,
) -> SearchPage:
    return get_backend().search(query, queryset=queryset, page=page, page_size=page_size)


def index_documents(ids: Iterable[int]) -> None:
    get_backend().index_documents(ids)


def remove(ids: Iterable[int]) -> None:
    get_backend().remove(ids)


def rebuild() -> int:
    return get_backend().rebuild()
