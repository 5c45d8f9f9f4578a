"""What every backend shares: the result page, ranking tiers, snippets, entry building.

Ranking: documents whose title or 文号 holds every term first, then the rest; newest first
within each tier (by `SearchEntry.sort_key`). A backend only answers "the keys of the first
`limit` documents of this tier, newest first, that pass the filters", which both engines do
without scoring every match; the result list is cut at `MAX_RESULTS` (shown as "1000+").
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date

from django.db import connection
from django.db.models import QuerySet
from django.db.models.expressions import RawSQL
from django.utils.safestring import SafeString

from gongkai.catalog.models import Document, Status
from gongkai.richtext import html_to_text

from ..snippets import highlight, snippet
from ..text import ParsedQuery, normalize, parse_query

MAX_RESULTS = 1000
KEY_FACTOR = 10**10  # sort_key = published_on.toordinal() * KEY_FACTOR + document id
TITLE, REST = "title", "rest"


def sort_key(document_id: int, published_on: date | None) -> int:
    return (published_on.toordinal() if published_on else 0) * KEY_FACTOR + document_id


@dataclass(frozen=True)
class EntryRow:
    """The indexed, normalised text of one published document."""

    document_id: int
    sort_key: int
    title: str
    doc_number: str
    body: str

    @classmethod
    def from_values(cls, pk, title, doc_number, body, published_on) -> EntryRow:
        return cls(
            document_id=pk,
            sort_key=sort_key(pk, published_on),
            title=normalize(title),
            doc_number=normalize(doc_number),
            body=normalize(html_to_text(body)),
        )


@dataclass
class SearchHit:
    document: Document
    title_html: SafeString
    doc_number_html: SafeString
    snippet_html: SafeString
    in_title: bool


class _Paginator:
    def __init__(self, num_pages: int):
        self.num_pages = num_pages


@dataclass
class SearchPage:
    """One page of results, shaped like a Django Page for includes/pagination.html."""

    query: ParsedQuery
    hits: list[SearchHit] = field(default_factory=list)
    count: int = 0  # exact up to MAX_RESULTS
    number: int = 1
    page_size: int = 20

    @property
    def count_capped(self) -> bool:
        return self.count > MAX_RESULTS

    @property
    def count_display(self) -> str:
        return f"{MAX_RESULTS}+" if self.count_capped else str(self.count)

    @property
    def paginator(self) -> _Paginator:
        shown = min(self.count, MAX_RESULTS)
        return _Paginator(max(1, math.ceil(shown / self.page_size)))

    def has_previous(self) -> bool:
        return self.number > 1

    def has_next(self) -> bool:
        return self.number < self.paginator.num_pages

    def previous_page_number(self) -> int:
        return self.number - 1

    def next_page_number(self) -> int:
        return self.number + 1

    @property
    def start_index(self) -> int:
        return (self.number - 1) * self.page_size + 1 if self.hits else 0


def text_holds(fields, terms) -> bool:
    """Every term is a substring of one of the (normalised) fields."""
    return all(any(term in field for field in fields) for term in terms)


def _chunks(items: list[int], size: int = 500) -> Iterator[list[int]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


class BaseBackend:
    vendor = ""
    # SQL expression, in the tier queries, that yields the document id of the current row.
    document_id_sql = ""

    # --- reading -----------------------------------------------------------------------------
    def search(
        self,
        query: str | ParsedQuery,
        *,
        queryset: QuerySet | None = None,
        page: int = 1,
        page_size: int = 20,
    ) -> SearchPage:
        """Published documents of `queryset` (default: all) holding every term of `query`."""
        parsed = query if isinstance(query, ParsedQuery) else parse_query(query)
        result = SearchPage(query=parsed, page_size=page_size)
        if not parsed.terms:
            return result
        if queryset is None:
            # Unfiltered: the index holds published documents only (signals keep it so), and
            # the page's documents are re-checked below; no per-match lookup of the document.
            scope_sql, scope_params = "1 = 1", ()
        else:
            scope_sql, scope_params = self._scope_sql(queryset.filter(status=Status.PUBLISHED))
        keys = self.tier_keys(TITLE, parsed.terms, scope_sql, scope_params, MAX_RESULTS + 1)
        title_count = len(keys)
        if not parsed.title_only and len(keys) <= MAX_RESULTS:
            keys += self.tier_keys(
                REST, parsed.terms, scope_sql, scope_params, MAX_RESULTS + 1 - len(keys),
                exclude=frozenset(keys),
            )
        result.count = len(keys)
        result.number = max(1, min(int(page), result.paginator.num_pages))
        offset = (result.number - 1) * page_size
        page_keys = self.verify_page(keys[offset : offset + page_size], parsed.terms,
                                     set(keys[:title_count]))
        ids = [k % KEY_FACTOR for k in page_keys]
        # Looked up by primary key alone, published checked here: with `status = …` in the
        # WHERE, SQLite may walk the status index over every published document instead of
        # reading the 20 rows (250 ms a page at 1M documents, bench/search.py).
        documents = {
            pk: document
            for pk, document in Document.objects.select_related("agency", "category")
            .in_bulk(ids).items()
            if document.is_published
        }
        for position, pk in enumerate(ids):
            document = documents.get(pk)
            if document is None:  # deleted or withdrawn behind the index's back
                continue
            result.hits.append(self._hit(document, parsed, offset + position < title_count))
        return result

    def _hit(self, document: Document, parsed: ParsedQuery, in_title: bool) -> SearchHit:
        body = html_to_text(document.body) or document.summary
        terms = parsed.terms if not parsed.title_only else ()
        return SearchHit(
            document=document,
            title_html=highlight(document.title, parsed.terms),
            doc_number_html=highlight(document.doc_number, parsed.terms),
            snippet_html=snippet(body, terms),
            in_title=in_title,
        )

    def _scope_sql(self, scope: QuerySet) -> tuple[str, tuple]:
        """`EXISTS (…)`: the row's document is in the (filtered) queryset, checked per row."""
        correlated = scope.filter(pk=RawSQL(self.document_id_sql, ())).order_by().values("pk")
        sql, params = correlated.query.sql_with_params()
        return f"EXISTS ({sql})", tuple(params)

    def tier_keys(
        self, tier: str, terms: tuple[str, ...], scope_sql: str, scope_params: tuple,
        limit: int, exclude: frozenset[int] = frozenset(),
    ) -> list[int]:
        """Keys of the first `limit` documents of the tier in scope, newest first. For the rest
        tier, `exclude` holds every key of the title tier (all of them: the rest tier is only
        asked for when the title tier has no more than MAX_RESULTS)."""
        raise NotImplementedError

    def verify_page(self, keys: list[int], terms, title_keys: set[int]) -> list[int]:
        """The page's keys whose entry text holds every term (title keys: in title or 文号).
        A guard against private-use characters, which share index tokens with ASCII
        punctuation; checked here, not with SQL's `instr`/`strpos`, which are much slower."""
        if not keys:
            return keys
        ids = [k % KEY_FACTOR for k in keys]
        marks = ",".join(["%s"] * len(ids))
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT document_id, title, doc_number, body FROM search_searchentry "
                f"WHERE document_id IN ({marks})", ids,
            )
            texts = {row[0]: row[1:] for row in cursor.fetchall()}

        def holds(key):
            fields = texts.get(key % KEY_FACTOR)
            if fields is None:
                return False
            return text_holds(fields[:2] if key in title_keys else fields, terms)

        return [k for k in keys if holds(k)]

    # --- writing -----------------------------------------------------------------------------
    def index_documents(self, ids: Iterable[int]) -> None:
        """Bring the entries of these documents in step: published ones (re)indexed, others out."""
        ids = list(ids)
        for chunk in _chunks(ids):
            self.remove(chunk)
            rows = self.entry_rows(Document.objects.filter(pk__in=chunk, status=Status.PUBLISHED))
            self.insert_rows(list(rows))

    @staticmethod
    def entry_rows(queryset: QuerySet) -> Iterator[EntryRow]:
        fields = ("pk", "title", "doc_number", "body", "published_on")
        for values in queryset.order_by().values_list(*fields).iterator(chunk_size=2000):
            yield EntryRow.from_values(*values)

    def remove(self, ids: Iterable[int]) -> None:
        raise NotImplementedError

    def insert_rows(self, rows: list[EntryRow]) -> None:
        raise NotImplementedError

    def rebuild(self) -> int:
        """Empty the index and index every published document; returns how many."""
        raise NotImplementedError
