"""SQLite backend: a contentless FTS5 table of bigram tokens (the embedded default).

rowid = SearchEntry.sort_key, so FTS5 walks matches newest first (`ORDER BY rowid DESC`) and
stops at LIMIT: the cost does not grow with how common a term is (DESIGN.md, "Search").
A term is a phrase of consecutive bigrams; each row is then checked against the entry's text.
Known slow path (measured at 1M documents): the title tier's column filter
`{title docno} : "…"` walks every match of a phrase that is common in bodies but rare in titles
(~400 ms), while the same phrase without the filter takes 1–3 ms. The fix is title tokens of
their own (a distinct token vocabulary or a second, small FTS5 table), which needs a reindex.
The table is contentless, so taking a row out needs the tokens it was indexed with: they are
made again from the entry's stored text.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db import connection, transaction

from gongkai.catalog.models import Document, Status

from ..text import bigram_document, fts_match_rest, fts_match_title, unigram_set
from .base import KEY_FACTOR, REST, BaseBackend, EntryRow, _chunks

INSERT_FTS = "INSERT INTO search_fts (rowid, title, docno, body, title1) VALUES (%s, %s, %s, %s, %s)"
DELETE_FTS = (
    "INSERT INTO search_fts (search_fts, rowid, title, docno, body, title1) "
    "VALUES ('delete', %s, %s, %s, %s, %s)"
)
INSERT_ENTRY = (
    "INSERT INTO search_searchentry (document_id, sort_key, title, doc_number, body) "
    "VALUES (%s, %s, %s, %s, %s)"
)


def fts_values(row: EntryRow) -> tuple:
    return (
        row.sort_key,
        bigram_document(row.title),
        bigram_document(row.doc_number),
        bigram_document(row.body),
        " ".join(sorted(unigram_set(row.title, row.doc_number))),
    )


class SQLiteBackend(BaseBackend):
    vendor = "sqlite"
    document_id_sql = f"search_fts.rowid % {KEY_FACTOR}"

    def tier_keys(self, tier, terms, scope_sql, scope_params, limit) -> list[int]:
        # The phrase index is exact by construction (see text.py), so the up-to-1001 keys that
        # make the count are not re-read from the text; the page shown is (`verify_page`).
        match = fts_match_rest(terms) if tier == REST else fts_match_title(terms)
        sql = (
            f"SELECT search_fts.rowid FROM search_fts WHERE search_fts MATCH %s AND {scope_sql} "
            "ORDER BY search_fts.rowid DESC LIMIT %s"
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, [match, *scope_params, limit])
            return [row[0] for row in cursor.fetchall()]

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

    def clear(self) -> None:
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("INSERT INTO search_fts (search_fts) VALUES ('delete-all')")
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
            cursor.execute("INSERT INTO search_fts (search_fts) VALUES ('optimize')")
