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

from django.db import connection
from django.db.models import QuerySet
from django.db.models.expressions import RawSQL
from django.utils.safestring import SafeString

from ..corpus import DOCUMENTS, KEY_FACTOR, Corpus, EntryRow, sort_key
from ..snippets import highlight, snippet
from ..text import ParsedQuery, parse_query

__all__ = ["KEY_FACTOR", "MAX_RESULTS", "BaseBackend", "EntryRow", "SearchHit", "SearchPage",
           "sort_key", "text_holds"]

MAX_RESULTS = 1000
TITLE, REST = "title", "rest"


@dataclass
class SearchHit:
    document: object  # the record found: a catalog Document, or another corpus's record
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
    count: int = 0  # exact up to MAX_RESULTS, unless `estimated`
    # The count is an estimate (PostgreSQL, a very common term): far above MAX_RESULTS.
    estimated: bool = False
    number: int = 1
    page_size: int = 20

    @property
    def count_capped(self) -> bool:
        return self.count > MAX_RESULTS

    @property
    def count_display(self) -> str:
        if self.estimated:
            return f"约 {self.count}"
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
    """One engine over one corpus (default: the catalog's documents)."""

    vendor = ""
    # SQL expression, in the tier queries, that yields the document id of the current row.
    document_id_sql = ""

    def __init__(self, corpus: Corpus | None = None):
        self.corpus = corpus or DOCUMENTS
        self.tables = self.corpus.tables

    # --- reading -----------------------------------------------------------------------------
    def search(
        self,
        query: str | ParsedQuery,
        *,
        queryset: QuerySet | None = None,
        page: int = 1,
        page_size: int = 20,
    ) -> SearchPage:
        """Records of the corpus in `queryset` (default: all indexed) holding every term of
        `query`."""
        parsed = query if isinstance(query, ParsedQuery) else parse_query(query)
        result = SearchPage(query=parsed, page_size=page_size)
        if not parsed.terms:
            return result
        scope = self.corpus.scope(queryset)
        if scope is None:
            scope_sql, scope_params = "1 = 1", ()
        else:
            scope_sql, scope_params = self._scope_sql(scope)
        # The keys the requested page needs, and one more to know whether another follows.
        need = min(MAX_RESULTS, max(1, int(page)) * page_size) + 1
        keys, title_overflows = self.title_keys(parsed.terms, scope_sql, scope_params,
                                                MAX_RESULTS + 1, need)
        title_count = len(keys)
        estimate = None
        if not title_overflows and not parsed.title_only and len(keys) <= MAX_RESULTS:
            rest, estimate = self.rest_keys(
                parsed.terms, scope_sql, scope_params, MAX_RESULTS + 1 - len(keys),
                frozenset(keys), max(1, need - len(keys)),
            )
            keys += rest
        # A title tier that overflows read only its first keys: "1000+".
        found = max(len(keys), MAX_RESULTS + 1) if title_overflows else len(keys)
        result.count = found if estimate is None else max(found, title_count + estimate)
        result.estimated = estimate is not None
        result.number = max(1, min(int(page), result.paginator.num_pages))
        offset = (result.number - 1) * page_size
        page_keys = self.verify_page(keys[offset : offset + page_size], parsed.terms,
                                     set(keys[:title_count]))
        ids = [k % KEY_FACTOR for k in page_keys]
        records = self.corpus.fetch(ids)
        for position, pk in enumerate(ids):
            record = records.get(pk)
            if record is None:  # deleted or withdrawn behind the index's back
                continue
            result.hits.append(self._hit(record, parsed, offset + position < title_count))
        return result

    def _hit(self, record, parsed: ParsedQuery, in_title: bool) -> SearchHit:
        title, doc_number, body = self.corpus.display_texts(record)
        terms = parsed.terms if not parsed.title_only else ()
        return SearchHit(
            document=record,
            title_html=highlight(title, parsed.terms),
            doc_number_html=highlight(doc_number, parsed.terms),
            snippet_html=snippet(body, terms),
            in_title=in_title,
        )

    def _scope_sql(self, scope: QuerySet) -> tuple[str, tuple]:
        """`EXISTS (…)`: the row's record is in the (filtered) queryset, checked per row."""
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

    def title_keys(
        self, terms: tuple[str, ...], scope_sql: str, scope_params: tuple, limit: int, need: int,
    ) -> tuple[list[int], bool]:
        """The title tier's keys (`tier_keys(TITLE, …)`) and False; a backend may instead return
        at least the `need` first keys and True when it estimates that the tier holds far more
        than MAX_RESULTS (the count is then shown as "1000+" and the rest tier not asked)."""
        return self.tier_keys(TITLE, terms, scope_sql, scope_params, limit), False

    def rest_keys(
        self, terms: tuple[str, ...], scope_sql: str, scope_params: tuple, limit: int,
        exclude: frozenset[int], need: int,
    ) -> tuple[list[int], int | None]:
        """The rest tier's keys (`tier_keys(REST, …)`) and None; a backend may instead return
        at least the `need` first keys and an estimate of how many the tier holds."""
        return self.tier_keys(REST, terms, scope_sql, scope_params, limit, exclude), None

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
                f"SELECT {self.tables.id_column}, title, doc_number, body "
                f"FROM {self.tables.entries} WHERE {self.tables.id_column} IN ({marks})", ids,
            )
            texts = {row[0]: row[1:] for row in cursor.fetchall()}

        def holds(key):
            fields = texts.get(key % KEY_FACTOR)
            if fields is None:
                return False
            return text_holds(fields[:2] if key in title_keys else fields, terms)

        return [k for k in keys if holds(k)]

    # --- writing -----------------------------------------------------------------------------
    def index(self, ids: Iterable[int]) -> None:
        """Bring the entries of these records in step: indexable ones (re)indexed, others out."""
        ids = list(ids)
        for chunk in _chunks(ids):
            self.remove(chunk)
            self.insert_rows(list(self.corpus.entry_rows(chunk)))

    index_documents = index

    def remove(self, ids: Iterable[int]) -> None:
        raise NotImplementedError

    def insert_rows(self, rows: list[EntryRow]) -> None:
        raise NotImplementedError

    def rebuild(self) -> int:
        """Empty the corpus's index and index every indexable record; returns how many."""
        raise NotImplementedError
