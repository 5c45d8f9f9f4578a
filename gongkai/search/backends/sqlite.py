"""SQLite backend: contentless FTS5 tables of bigram tokens (the embedded default).

rowid = SearchEntry.sort_key, so FTS5 walks matches newest first (`ORDER BY rowid DESC`) and
stops at LIMIT: the cost does not grow with how common a term is (measured in bench/search.py).
A term is a phrase of consecutive bigrams; the page shown is checked against the entry's text.

Two tables: `search_fts` holds title, 文号 and body (every match), `search_title_fts` the title
and 文号 alone (the title tier). The title tier has a table of its own because a column filter
on one table cannot skip rows: `{title docno} : "…"` walked every body match of a phrase common
in bodies but rare in titles (~400 ms at 1M documents, against 1–3 ms without the filter).
The rest tier is every match minus the title tier's keys, which are all known by then.
(`search_fts` still carries its `title1` column of single characters, no longer queried: a
contentless table deletes a row by the tokens it was written with, so its columns stay.)
The tables are contentless, so taking a row out needs the tokens it was indexed with: they are
made again from the entry's stored text.

Planning (`plan_term`): FTS5 checks a phrase by comparing positions in every document that
holds all of its bigrams. For a rare phrase of common bigrams ("机制发展统筹推进" at 1M
documents: 382 hits, every bigram but three in 90%+ of documents) that reads nearly all of
those bigrams' position lists, 150-200 ms. When a term has common bigrams and at least two
rare ones (by `TokenFrequency`), FTS5 is asked instead for the rare ones NEAR each other, which
reads only their short lists, and the candidates are checked against the entries' text, newest
first, until the limit is reached.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.db import connection, transaction

from .. import frequencies
from ..corpus import DOCUMENTS, Tables
from ..text import (
    bigram_document,
    fts_match_title,
    fts_near,
    fts_phrase,
    run_tokens,
    unigram_set,
)
from .base import KEY_FACTOR, REST, BaseBackend, EntryRow, _chunks, text_holds

# A bigram held by at most this share of the entries is rare enough to lead a search.
RARE_SHARE = 0.5
MAX_ANCHORS = 6


@dataclass(frozen=True)
class Statements:
    """The writes of one corpus's tables."""

    insert_fts: str
    delete_fts: str
    insert_title_fts: str
    delete_title_fts: str
    insert_entry: str
    fts_tables: tuple[str, str]

    @classmethod
    def of(cls, t: Tables) -> Statements:
        return cls(
            insert_fts=f"INSERT INTO {t.fts} (rowid, title, docno, body, title1) "
            "VALUES (%s, %s, %s, %s, %s)",
            delete_fts=f"INSERT INTO {t.fts} ({t.fts}, rowid, title, docno, body, title1) "
            "VALUES ('delete', %s, %s, %s, %s, %s)",
            insert_title_fts=f"INSERT INTO {t.title_fts} (rowid, title, docno, title1) "
            "VALUES (%s, %s, %s, %s)",
            delete_title_fts=f"INSERT INTO {t.title_fts} ({t.title_fts}, rowid, title, docno, "
            "title1) VALUES ('delete', %s, %s, %s, %s)",
            insert_entry=f"INSERT INTO {t.entries} ({t.id_column}, sort_key, title, doc_number, "
            "body) VALUES (%s, %s, %s, %s, %s)",
            fts_tables=(t.fts, t.title_fts),
        )


# The catalog's (bench/search.py builds its index with them).
_DOCUMENT_SQL = Statements.of(DOCUMENTS.tables)
INSERT_FTS = _DOCUMENT_SQL.insert_fts
DELETE_FTS = _DOCUMENT_SQL.delete_fts
INSERT_TITLE_FTS = _DOCUMENT_SQL.insert_title_fts
DELETE_TITLE_FTS = _DOCUMENT_SQL.delete_title_fts
INSERT_ENTRY = _DOCUMENT_SQL.insert_entry
FTS_TABLES = _DOCUMENT_SQL.fts_tables


def title_fts_values(row: EntryRow) -> tuple:
    return (
        row.sort_key,
        bigram_document(row.title),
        bigram_document(row.doc_number),
        " ".join(sorted(unigram_set(row.title, row.doc_number))),
    )


def fts_values(row: EntryRow) -> tuple:
    sort_key, title, docno, title1 = title_fts_values(row)
    return (sort_key, title, docno, bigram_document(row.body), title1)


def plan_term(term: str, documents: dict[str, int], entries: int) -> tuple[str, bool]:
    """The FTS5 expression for one term of two or more characters, and whether its matches
    must be checked against the text. `documents` holds the entries per bigram."""
    tokens = run_tokens(term)
    distinct = set(tokens)
    rare: dict[str, int] = {}  # token -> its first offset in the term
    for offset, token in enumerate(tokens):
        if documents.get(token, 0) <= RARE_SHARE * entries:
            rare.setdefault(token, offset)
    if len(rare) < 2 or len(rare) == len(distinct):
        # No common bigram to avoid, or too few rare ones to narrow the search: the phrase.
        return fts_phrase(term), False
    anchors = sorted(rare, key=lambda token: (documents.get(token, 0), rare[token]))[:MAX_ANCHORS]
    return fts_near(term, [rare[token] for token in anchors]), True


def plan_terms(terms: tuple[str, ...], table: str = frequencies.TABLE
               ) -> tuple[str, tuple[str, ...]]:
    """The FTS5 expression for every term (AND) and the terms whose matches need checking;
    `table`: the corpus's token counts."""
    tokens = {token for term in terms for token in run_tokens(term)}
    documents = frequencies.lookup(tokens | {frequencies.ENTRIES}, table=table)
    entries = documents.get(frequencies.ENTRIES, 0)
    expressions, checked = [], []
    for term in terms:
        expression, check = plan_term(term, documents, entries)
        expressions.append(expression)
        if check:
            checked.append(term)
    return " AND ".join(expressions), tuple(checked)


class SQLiteBackend(BaseBackend):
    vendor = "sqlite"
    # `%%`: the SQL is always run with parameters, and Django's debug cursor (DEBUG=1) formats
    # it with them for the SQL log, where a bare `%` raises.
    document_id_sql = f"fts.rowid %% {KEY_FACTOR}"

    def __init__(self, corpus=None):
        super().__init__(corpus)
        self.sql = Statements.of(self.tables)

    def tier_keys(self, tier, terms, scope_sql, scope_params, limit, exclude=frozenset()):
        # The phrase index is exact by construction (see text.py), so the up-to-1001 keys that
        # make the count are not re-read from the text; the page shown is (`verify_page`).
        if tier == REST:
            table, limit = self.tables.fts, limit + len(exclude)
            match, checked = plan_terms(terms, self.tables.frequencies)
            if checked:
                keys = self._checked_keys(match, checked, scope_sql, scope_params, limit)
                return [k for k in keys if k not in exclude]
        else:
            table, match = self.tables.title_fts, fts_match_title(terms)
        sql = (
            f"SELECT fts.rowid FROM {table}(%s) AS fts WHERE {scope_sql} "
            "ORDER BY fts.rowid DESC LIMIT %s"
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, [match, *scope_params, limit])
            keys = [row[0] for row in cursor.fetchall()]
        return [k for k in keys if k not in exclude]

    def _checked_keys(self, match, checked, scope_sql, scope_params, limit) -> list[int]:
        """The first `limit` keys, newest first, of the rows matching a planned (broader)
        expression whose entry text holds every checked term. Checked here, not with SQL's
        `instr`, which compares byte by byte (40 µs a body against 1-2 µs)."""
        sql = (
            f"SELECT fts.rowid, e.title, e.doc_number, e.body FROM {self.tables.fts}(%s) AS fts "
            f"JOIN {self.tables.entries} AS e ON e.{self.tables.id_column} = {self.document_id_sql} "
            f"WHERE {scope_sql} ORDER BY fts.rowid DESC"
        )
        keys: list[int] = []
        with connection.cursor() as cursor:
            cursor.execute(sql, [match, *scope_params])
            while len(keys) < limit and (rows := cursor.fetchmany(100)):
                for key, *fields in rows:
                    if text_holds(fields, checked):
                        keys.append(key)
                        if len(keys) == limit:
                            break
        return keys

    def remove(self, ids: Iterable[int]) -> None:
        t, sql = self.tables, self.sql
        with transaction.atomic(), connection.cursor() as cursor:
            for chunk in _chunks(list(ids)):
                marks = ",".join(["%s"] * len(chunk))
                cursor.execute(
                    f"SELECT {t.id_column}, sort_key, title, doc_number, body "
                    f"FROM {t.entries} WHERE {t.id_column} IN ({marks})",
                    chunk,
                )
                rows = [EntryRow(*values) for values in cursor.fetchall()]
                if not rows:
                    continue
                frequencies.record(frequencies.count(_texts(rows)), sign=-1, table=t.frequencies)
                cursor.executemany(sql.delete_fts, [fts_values(row) for row in rows])
                cursor.executemany(sql.delete_title_fts, [title_fts_values(row) for row in rows])
                cursor.execute(f"DELETE FROM {t.entries} WHERE {t.id_column} IN ({marks})", chunk)

    def insert_rows(self, rows: list[EntryRow], *, count_tokens: bool = True) -> None:
        """Index the rows; `count_tokens=False` leaves the token counts to a later refresh."""
        if not rows:
            return
        sql = self.sql
        with transaction.atomic(), connection.cursor() as cursor:
            if count_tokens:
                frequencies.record(frequencies.count(_texts(rows)), table=self.tables.frequencies)
            cursor.executemany(
                sql.insert_entry,
                [(r.document_id, r.sort_key, r.title, r.doc_number, r.body) for r in rows],
            )
            cursor.executemany(sql.insert_fts, [fts_values(row) for row in rows])
            cursor.executemany(sql.insert_title_fts, [title_fts_values(row) for row in rows])

    def clear(self) -> None:
        with transaction.atomic(), connection.cursor() as cursor:
            for table in self.sql.fts_tables:
                cursor.execute(f"INSERT INTO {table} ({table}) VALUES ('delete-all')")
            cursor.execute(f"DELETE FROM {self.tables.entries}")
            cursor.execute(f"DELETE FROM {self.tables.frequencies}")

    def rebuild(self, chunk_size: int = 2000) -> int:
        with transaction.atomic():
            self.clear()
            total = 0
            batch: list[EntryRow] = []
            for row in self.corpus.entry_rows():
                batch.append(row)
                if len(batch) >= chunk_size:
                    self.insert_rows(batch, count_tokens=False)
                    total += len(batch)
                    batch = []
            self.insert_rows(batch, count_tokens=False)
            total += len(batch)
        self.optimize()
        return total

    def optimize(self) -> None:
        """Merge the FTS5 segments into one (faster queries after a bulk load) and recount the
        tokens from the merged index."""
        with connection.cursor() as cursor:
            for table in self.sql.fts_tables:
                cursor.execute(f"INSERT INTO {table} ({table}) VALUES ('optimize')")
        frequencies.refresh(tables=self.tables)


def _texts(rows: list[EntryRow]) -> list[tuple[str, str, str]]:
    return [(row.title, row.doc_number, row.body) for row in rows]
