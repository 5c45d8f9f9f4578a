"""What the search engine indexes: one `Corpus` descriptor per kind of record.

A corpus names its tables and says how to read its records; the backends take one and run the
same query parsing, exact-substring semantics, planning and ranking on any of them. Each
indexed record is an `EntryRow` of three normalised fields: two *title* fields (a match there
ranks first; one-character queries search them alone) and a *body*. For the catalog they are
title, 文号 and body text; another corpus says what its three are.

The catalog's documents (`DOCUMENTS`) are the default corpus, defined here because search is
the catalog's search. Another app declares its own corpus (a subclass, with tables created by
its own migration in the layout of `Tables`) and registers it from its `AppConfig.ready()`
(`register`): search never imports that app, the arrow points from it to search.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date

from django.db.models import QuerySet

from .text import normalize

KEY_FACTOR = 10**10  # sort_key = day.toordinal() * KEY_FACTOR + record id


def sort_key(record_id: int, day: date | None) -> int:
    """Newest first by day, then by id: the order results are walked in."""
    return (day.toordinal() if day else 0) * KEY_FACTOR + record_id


@dataclass(frozen=True)
class EntryRow:
    """The indexed, normalised text of one record (`document_id`: the record's id, whatever the
    corpus; the name is the catalog's, kept for the tools that build the index in bulk)."""

    document_id: int
    sort_key: int
    title: str
    doc_number: str
    body: str

    @classmethod
    def from_values(cls, pk, title, doc_number, body, published_on) -> EntryRow:
        """A catalog document's entry (its body is sanitised HTML)."""
        from gongkai.richtext import html_to_text

        return cls(
            document_id=pk,
            sort_key=sort_key(pk, published_on),
            title=normalize(title),
            doc_number=normalize(doc_number),
            body=normalize(html_to_text(body)),
        )

    @classmethod
    def from_text(cls, pk: int, day: date | None, title: str, doc_number: str,
                  body: str) -> EntryRow:
        """An entry from plain texts."""
        return cls(document_id=pk, sort_key=sort_key(pk, day), title=normalize(title),
                   doc_number=normalize(doc_number), body=normalize(body))


@dataclass(frozen=True)
class Tables:
    """A corpus's tables. `entries` has columns (`id_column` bigint primary key, sort_key bigint
    unique, title, doc_number, body text). SQLite adds the contentless FTS5 tables `fts` (grams:
    distinct bigrams, detail=none), `tri_fts` (grams: trigrams with positions) and `title_fts`
    (title, docno, title1); PostgreSQL the `grams` table of migration search/0005 with GIN
    indexes named `<grams>_title_gin`, `_all_gin`, `_multi_gin`."""

    entries: str
    id_column: str
    fts: str
    title_fts: str
    grams: str
    tri_fts: str


class Corpus:
    """A kind of record the engine searches. Subclasses say which records are indexed, how a
    search is restricted to the visible ones, and what a result shows."""

    name = ""
    label = ""  # what a result is, for messages (e.g. 公开信息)
    tables: Tables

    def entry_rows(self, ids: Iterable[int] | None = None) -> Iterator[EntryRow]:
        """The entries of the records to index among `ids` (all records if None); a record
        that is not to be indexed (a draft, an unpublished one) yields nothing."""
        raise NotImplementedError

    def scope(self, queryset: QuerySet | None) -> QuerySet | None:
        """The queryset a search runs within (checked per match), or None: the whole index,
        when the index holds only what anyone may find."""
        raise NotImplementedError

    def fetch(self, ids: list[int]) -> dict[int, object]:
        """The records of a result page that may be shown, by id."""
        raise NotImplementedError

    def display_texts(self, record) -> tuple[str, str, str]:
        """The texts a hit shows, highlighted: (title, second title field, body text)."""
        raise NotImplementedError

    def __repr__(self) -> str:
        return f"<Corpus {self.name}>"


class DocumentCorpus(Corpus):
    """Published catalog documents: title, 文号, body; newest 发布日期 first."""

    name = "documents"
    label = "已发布的公开信息"
    tables = Tables(
        entries="search_searchentry", id_column="document_id", fts="search_fts",
        title_fts="search_title_fts", grams="search_grams", tri_fts="search_tri_fts",
    )

    def entry_rows(self, ids=None):
        from gongkai.catalog.models import Document, Status

        queryset = Document.objects.filter(status=Status.PUBLISHED)
        if ids is not None:
            queryset = queryset.filter(pk__in=list(ids))
        fields = ("pk", "title", "doc_number", "body", "published_on")
        for values in queryset.order_by().values_list(*fields).iterator(chunk_size=2000):
            yield EntryRow.from_values(*values)

    def scope(self, queryset):
        from gongkai.catalog.models import Status

        # Unfiltered: the index holds published documents only (signals keep it so), and the
        # page's documents are re-checked; no per-match lookup of the document.
        return None if queryset is None else queryset.filter(status=Status.PUBLISHED)

    def fetch(self, ids):
        from gongkai.catalog.models import Document

        # Looked up by primary key alone, published checked here: with `status = …` in the
        # WHERE, SQLite may walk the status index over every published document instead of
        # reading the 20 rows (250 ms a page at 1M documents, bench/search.py).
        return {
            pk: document
            for pk, document in Document.objects.select_related("agency", "category")
            .in_bulk(ids).items()
            if document.is_published
        }

    def display_texts(self, record):
        from gongkai.richtext import html_to_text

        return record.title, record.doc_number, html_to_text(record.body) or record.summary


DOCUMENTS = DocumentCorpus()

_registered: dict[str, Corpus] = {DOCUMENTS.name: DOCUMENTS}


def register(corpus: Corpus) -> None:
    """Declare another app's corpus (from its `AppConfig.ready()`), so that `search_reindex`
    rebuilds it too."""
    _registered[corpus.name] = corpus


def registered() -> list[Corpus]:
    return list(_registered.values())


def get(name: str) -> Corpus:
    return _registered[name]
