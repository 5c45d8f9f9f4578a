"""The one search interface the rest of Gongkai calls; the engine follows the database vendor.

    from gongkai.search import backend
    page = backend.search("营商环境", queryset=form.filter_queryset(qs), page=2)
    backend.index_documents([doc.pk]); backend.remove([doc.pk]); backend.rebuild()

Every call takes `corpus=` (gongkai/search/corpus.py): the catalog's documents by default,
another app's declared corpus otherwise (e.g. the disclosure log's published requests), with
the same parsing, semantics and engine.

`search` never raises on user input: quotes, AND/OR/NEAR, `*`, parentheses, `--` are plain
characters to it; a query too long or with too many terms comes back with `query.problem`.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db.models import QuerySet

from .backends import SearchHit, SearchPage, get_backend
from .corpus import Corpus
from .text import ParsedQuery, parse_query

__all__ = [
    "ParsedQuery", "SearchHit", "SearchPage", "index", "index_documents", "parse_query",
    "rebuild", "remove", "search",
]


def search(
    query: str | ParsedQuery, *, queryset: QuerySet | None = None, page: int = 1,
    page_size: int = 20, corpus: Corpus | None = None,
) -> SearchPage:
    return get_backend(corpus).search(query, queryset=queryset, page=page, page_size=page_size)


def index(ids: Iterable[int], *, corpus: Corpus | None = None) -> None:
    """(Re)index these records of the corpus, or take them out if they are not indexable."""
    get_backend(corpus).index(ids)


def index_documents(ids: Iterable[int]) -> None:
    index(ids)


def remove(ids: Iterable[int], *, corpus: Corpus | None = None) -> None:
    get_backend(corpus).remove(ids)


def rebuild(*, corpus: Corpus | None = None) -> int:
    return get_backend(corpus).rebuild()
