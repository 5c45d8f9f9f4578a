"""SQLite backend: contentless FTS5 tables of bigram and trigram tokens (the embedded default).

rowid = SearchEntry.sort_key, so FTS5 walks matches newest first (`ORDER BY rowid DESC`) and
stops at LIMIT: the cost does not grow with how common a term is (measured in bench/search.py).

Three tables per corpus:

- `tri_fts` (positions kept): the trigrams of title, 文号 and body (text.py `trigram_document`).
  A term of three or more characters is the phrase of its consecutive trigrams, found exactly.
  Phrases of bigrams were the slow tail: FTS5 checks a phrase by comparing positions in every
  document holding all of its tokens, and in government prose most bigrams are in most
  documents ("各部门；市委市" read the position lists of 90% of a million documents, 300 ms
  and more). Trigrams are far rarer, so the documents to compare are few: 5-15 times faster
  at 200,000 documents, for an index of the same size (bench/search.py).
- `fts` (no positions, `detail=none`): the distinct bigrams of the three fields, for terms of two
  characters, each one token. In a query with longer terms, they are checked per match by rowid.
- `title_fts`: title and 文号 as bigram phrases (and single characters, `title1`), for the title
  tier. A table of its own because a column filter cannot skip rows: `{title docno} : "…"`
  walked every body match of a phrase common in bodies but rare in titles. The rest tier is
  every match minus the title tier's keys, which are all known by then.

The tables are contentless, so taking a row out needs the tokens it was indexed with: they are
made again from the entry's stored text.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.db import connection, transaction

from ..corpus import DOCUMENTS, Tables
from ..text import (
    bigram_document,
    bigram_set,
    fts_match_title,
    fts_phrase,
    fts_trigram_phrase,
    trigram_document,
    unigram_set,
)
from .base import KEY_FACTOR, REST, BaseBackend, EntryRow, _chunks, text_holds


@dataclass(frozen=True)
class Statements:
    """The writes of one corpus's tables."""

    insert_fts: str
    delete_fts: str
    insert_tri_fts: str
    delete_tri_fts: str
    insert_title_fts: str
    delete_title_fts: str
    insert_entry: str
    fts_tables: tuple[str, str]

    @classmethod
    def of(cls, t: Tables) -> Statements:
        return cls(
            insert_fts=f"INSERT INTO {t.fts} (rowid, grams) VALUES (%s, %s)",
            delete_fts=f"INSERT INTO {t.fts} ({t.fts}, rowid, grams) VALUES ('delete', %s, %s)",
            insert_tri_fts=f"INSERT INTO {t.tri_fts} (rowid, grams) VALUES (%s, %s)",
            delete_tri_fts=f"INSERT INTO {t.tri_fts} ({t.tri_fts}, rowid, grams) "
            "VALUES ('delete', %s, %s)",
            insert_title_fts=f"INSERT INTO {t.title_fts} (rowid, title, docno, title1) "
            "VALUES (%s, %s, %s, %s)",
            delete_title_fts=f"INSERT INTO {t.title_fts} ({t.title_fts}, rowid, title, docno, "
            "title1) VALUES ('delete', %s, %s, %s, %s)",
            insert_entry=f"INSERT INTO {t.entries} ({t.id_column}, sort_key, title, doc_number, "
            "body) VALUES (%s, %s, %s, %s, %s)",
            fts_tables=(t.fts, t.tri_fts, t.title_fts),
        )


# The catalog's (bench/search.py builds its index with them).
_DOCUMENT_SQL = Statements.of(DOCUMENTS.tables)
INSERT_FTS = _DOCUMENT_SQL.insert_fts
INSERT_TRI_FTS = _DOCUMENT_SQL.insert_tri_fts
INSERT_TITLE_FTS = _DOCUMENT_SQL.insert_title_fts
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
    """The bigram table's row: the entry's distinct bigrams (no positions are kept)."""
    grams = bigram_set(row.title, row.doc_number, row.body)
    return (row.sort_key, " ".join(sorted(g for g in grams if len(g) == 2)))


def tri_fts_values(row: EntryRow) -> tuple:
    return (row.sort_key, trigram_document(row.title, row.doc_number, row.body))


def create_tables(cursor, t: Tables) -> None:
    """The corpus's bigram and trigram tables (the title table has a migration of its own)."""
    cursor.execute(f"CREATE VIRTUAL TABLE {t.fts} USING fts5(grams, tokenize='ascii', "
                   "content='', columnsize=0, detail=none)")
    cursor.execute(f"CREATE VIRTUAL TABLE {t.tri_fts} USING fts5(grams, tokenize='ascii', "
                   "content='', columnsize=0)")


def recreate_tables(cursor, t: Tables) -> None:
    """Drop the corpus's bigram and trigram tables, make them again and fill them from the
    entries (the migrations that moved a corpus to this layout)."""
    for table in (t.fts, t.tri_fts):
        cursor.execute(f"DROP TABLE IF EXISTS {table}")
    create_tables(cursor, t)
    fill_tables(cursor, t)


def fill_tables(cursor, t: Tables, chunk: int = 5000) -> None:
    """Index the entries already stored into the bigram and trigram tables (a migration)."""
    sql = Statements.of(t)
    last = None
    while True:
        cursor.execute(
            f"SELECT {t.id_column}, sort_key, title, doc_number, body FROM {t.entries} "
            + ("WHERE sort_key > %s " if last is not None else "")
            + "ORDER BY sort_key LIMIT %s", ([last] if last is not None else []) + [chunk],
        )
        rows = [EntryRow(*values) for values in cursor.fetchall()]
        if not rows:
            break
        cursor.executemany(sql.insert_fts, [fts_values(row) for row in rows])
        cursor.executemany(sql.insert_tri_fts, [tri_fts_values(row) for row in rows])
        last = rows[-1].sort_key
    for table in (t.fts, t.tri_fts):
        cursor.execute(f"INSERT INTO {table} ({table}) VALUES ('optimize')")


def rest_match(terms: tuple[str, ...]) -> tuple[str, str, tuple[str, ...]]:
    """(table, FTS5 expression, terms its matches must be checked for) for the rest tier: the
    trigram table for terms of three or more characters, the bigram table for two-character
    ones. Beside longer terms, two-character ones are checked on the entry's text: asking the
    bigram table once per match (a rowid constraint) costs ~250 µs a match, the text ~10 µs."""
    long_terms = [t for t in terms if len(t) >= 3]
    short_terms = tuple(t for t in terms if len(t) == 2)
    if not long_terms:
        return "fts", " AND ".join(fts_phrase(t) for t in short_terms), ()
    return "tri_fts", " AND ".join(fts_trigram_phrase(t) for t in long_terms), short_terms


class SQLiteBackend(BaseBackend):
    vendor = "sqlite"
    # `%%`: the SQL is always run with parameters, and Django's debug cursor (DEBUG=1) formats
    # it with them for the SQL log, where a bare `%` raises.
    document_id_sql = f"fts.rowid %% {KEY_FACTOR}"

    def __init__(self, corpus=None):
        super().__init__(corpus)
        self.sql = Statements.of(self.tables)

    def tier_keys(self, tier, terms, scope_sql, scope_params, limit, exclude=frozenset()):
        # Both indexes are exact by construction (see text.py), so the up-to-1001 keys that make
        # the count are not re-read from the text; the page shown is (`verify_page`).
        if tier == REST:
            which, match, checked = rest_match(terms)
            table, limit = getattr(self.tables, which), limit + len(exclude)
            if checked:
                keys = self._checked_keys(table, match, checked, scope_sql, scope_params, limit)
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

    def _checked_keys(self, table, match, checked, scope_sql, scope_params, limit) -> list[int]:
        """The first `limit` keys, newest first, of the rows matching `match` whose entry text
        holds every checked term. Checked here, not with SQL's `instr`, which compares byte by
        byte (40 µs a body against 1-2 µs)."""
        sql = (
            f"SELECT fts.rowid, e.title, e.doc_number, e.body FROM {table}(%s) AS fts "
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
                cursor.executemany(sql.delete_fts, [fts_values(row) for row in rows])
                cursor.executemany(sql.delete_tri_fts, [tri_fts_values(row) for row in rows])
                cursor.executemany(sql.delete_title_fts, [title_fts_values(row) for row in rows])
                cursor.execute(f"DELETE FROM {t.entries} WHERE {t.id_column} IN ({marks})", chunk)

    def insert_rows(self, rows: list[EntryRow]) -> None:
        if not rows:
            return
        sql = self.sql
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.executemany(
                sql.insert_entry,
                [(r.document_id, r.sort_key, r.title, r.doc_number, r.body) for r in rows],
            )
            cursor.executemany(sql.insert_fts, [fts_values(row) for row in rows])
            cursor.executemany(sql.insert_tri_fts, [tri_fts_values(row) for row in rows])
            cursor.executemany(sql.insert_title_fts, [title_fts_values(row) for row in rows])

    def clear(self) -> None:
        with transaction.atomic(), connection.cursor() as cursor:
            for table in self.sql.fts_tables:
                cursor.execute(f"INSERT INTO {table} ({table}) VALUES ('delete-all')")
            cursor.execute(f"DELETE FROM {self.tables.entries}")

    def rebuild(self, chunk_size: int = 2000) -> int:
        with transaction.atomic():
            self.clear()
            total = 0
            batch: list[EntryRow] = []
            for row in self.corpus.entry_rows():
                batch.append(row)
                if len(batch) >= chunk_size:
                    self.insert_rows(batch)
                    total += len(batch)
                    batch = []
            self.insert_rows(batch)
            total += len(batch)
        self.optimize()
        return total

    def optimize(self) -> None:
        """Merge the FTS5 segments into one (faster queries after a bulk load)."""
        with connection.cursor() as cursor:
            for table in self.sql.fts_tables:
                cursor.execute(f"INSERT INTO {table} ({table}) VALUES ('optimize')")

