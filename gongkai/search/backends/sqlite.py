"""SQLite backend: contentless FTS5 tables of bigram tokens (the embedded default).

rowid = SearchEntry.sort_key, so FTS5 walks matches newest first (`ORDER BY rowid DESC`) and
stops at LIMIT: the cost does not grow with how common a term is (DESIGN.md, "Search").
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
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db import connection, transaction

from gongkai.catalog.models import Document, Status

from ..text import bigram_document, fts_match_all, fts_match_title, unigram_set
from .base import KEY_FACTOR, REST, BaseBackend, EntryRow, _chunks

INSERT_FTS = "INSERT INTO search_fts (rowid, title, docno, body, title1) VALUES (%s, %s, %s, %s, %s)"
DELETE_FTS = (
    "INSERT INTO search_fts (search_fts, rowid, title, docno, body, title1) "
    "VALUES ('delete', %s, %s, %s, %s, %s)"
)
INSERT_TITLE_FTS = "INSERT INTO search_title_fts (rowid, title, docno, title1) VALUES (%s, %s, %s, %s)"
DELETE_TITLE_FTS = (
    "INSERT INTO search_title_fts (search_title_fts, rowid, title, docno, title1) "
    "VALUES ('delete', %s, %s, %s, %s)"
)
INSERT_ENTRY = (
    "INSERT INTO search_searchentry (document_id, sort_key, title, doc_number, body) "
    "VALUES (%s, %s, %s, %s, %s)"
)
FTS_TABLES = ("search_fts", "search_title_fts")


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


class SQLiteBackend(BaseBackend):
    vendor = "sqlite"
    document_id_sql = f"fts.rowid % {KEY_FACTOR}"

    def tier_keys(self, tier, terms, scope_sql, scope_params, limit, exclude=frozenset()):
        # The phrase index is exact by construction (see text.py), so the up-to-1001 keys that
        # make the count are not re-read from the text; the page shown is (`verify_page`).
        if tier == REST:
            table, match, limit = "search_fts", fts_match_all(terms), limit + len(exclude)
        else:
            table, match = "search_title_fts", fts_match_title(terms)
        sql = (
            f"SELECT fts.rowid FROM {table}(%s) AS fts WHERE {scope_sql} "
            "ORDER BY fts.rowid DESC LIMIT %s"
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, [match, *scope_params, limit])
            keys = [row[0] for row in cursor.fetchall()]
        return [k for k in keys if k not in exclude]

    def verify_page(self, keys, terms, title_keys) -> list[int]:
        """The keys whose entry text holds every term (a guard against private-use
        characters, which share tokens with ASCII punctuation)."""
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
            if key in title_keys:
                fields = fields[:2]
            return all(any(term in field for field in fields) for term in terms)

        return [k for k in keys if holds(k)]

    def remove(self, ids: Iterable[int]) -> None:
        with transaction.atomic(), connection.cursor() as cursor:
            for chunk in _chunks(list(ids)):
                marks = ",".join(["%s"] * len(chunk))
                cursor.execute(
                    "SELECT document_id, sort_key, title, doc_number, body "
                    f"FROM search_searchentry WHERE document_id IN ({marks})",
                    chunk,
                )
                rows = [EntryRow(*values) for values in cursor.fetchall()]
                if not rows:
                    continue
                cursor.executemany(DELETE_FTS, [fts_values(row) for row in rows])
                cursor.executemany(DELETE_TITLE_FTS, [title_fts_values(row) for row in rows])
                cursor.execute(f"DELETE FROM search_searchentry WHERE document_id IN ({marks})", chunk)

    def insert_rows(self, rows: list[EntryRow]) -> None:
        if not rows:
            return
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.executemany(
                INSERT_ENTRY,
                [(r.document_id, r.sort_key, r.title, r.doc_number, r.body) for r in rows],
            )
            cursor.executemany(INSERT_FTS, [fts_values(row) for row in rows])
            cursor.executemany(INSERT_TITLE_FTS, [title_fts_values(row) for row in rows])

    def clear(self) -> None:
        with transaction.atomic(), connection.cursor() as cursor:
            for table in FTS_TABLES:
                cursor.execute(f"INSERT INTO {table} ({table}) VALUES ('delete-all')")
            cursor.execute("DELETE FROM search_searchentry")

    def rebuild(self, chunk_size: int = 2000) -> int:
        with transaction.atomic():
            self.clear()
            total = 0
            batch: list[EntryRow] = []
            for row in self.entry_rows(Document.objects.filter(status=Status.PUBLISHED)):
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
            for table in FTS_TABLES:
                cursor.execute(f"INSERT INTO {table} ({table}) VALUES ('optimize')")
