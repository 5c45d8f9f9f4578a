"""PostgreSQL backend: tsvectors of distinct bigrams under GIN indexes, verified on the text.

`vec` holds every bigram of title, 文号 and body; `tvec` those of title and 文号 plus their
single characters. The tsquery asks for every bigram of every term (AND), which finds each
document holding the terms and maybe a few more; `strpos` on the entry's normalised text then
keeps exactly the documents holding each term as a substring. Positions are not stored: a
tsvector clamps positions at 16,383, which would make phrases miss in long documents.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db import connection, transaction

from gongkai.catalog.models import Document, Status

from ..text import bigram_set, tsquery_all, unigram_set
from .base import REST, BaseBackend, EntryRow, _chunks

INSERT_ENTRY = (
    "INSERT INTO search_searchentry (document_id, sort_key, title, doc_number, body, vec, tvec) "
    "VALUES (%s, %s, %s, %s, %s, array_to_tsvector(%s::text[]), array_to_tsvector(%s::text[]))"
)
GIN_INDEXES = {
    "search_entry_vec_gin": "CREATE INDEX search_entry_vec_gin ON search_searchentry USING gin (vec)",
    "search_entry_tvec_gin": "CREATE INDEX search_entry_tvec_gin ON search_searchentry USING gin (tvec)",
}


def entry_values(row: EntryRow) -> tuple:
    title_tokens = bigram_set(row.title, row.doc_number)
    return (
        row.document_id,
        row.sort_key,
        row.title,
        row.doc_number,
        row.body,
        sorted(title_tokens | bigram_set(row.body)),
        sorted(title_tokens | unigram_set(row.title, row.doc_number)),
    )


class PostgresBackend(BaseBackend):
    vendor = "postgresql"
    document_id_sql = "e.document_id"

    def tier_keys(self, tier, terms, scope_sql, scope_params, limit, exclude=frozenset()):
        # The rest tier's SQL leaves title matches out itself (`NOT (title check)`), row by row.
        query = tsquery_all(terms)
        title_sql, title_params = self._verify_sql("title", terms, "strpos")
        if tier == REST:
            verify_sql, verify_params = self._verify_sql(REST, terms, "strpos")
            where = f"e.vec @@ %s::tsquery AND {verify_sql} AND NOT ({title_sql})"
            params = [query, *verify_params, *title_params]
        else:
            where = f"e.tvec @@ %s::tsquery AND {title_sql}"
            params = [query, *title_params]
        sql = (
            f"SELECT e.sort_key FROM search_searchentry AS e WHERE {where} AND {scope_sql} "
            "ORDER BY e.sort_key DESC LIMIT %s"
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, [*params, *scope_params, limit])
            return [row[0] for row in cursor.fetchall()]

    def remove(self, ids: Iterable[int]) -> None:
        with connection.cursor() as cursor:
            for chunk in _chunks(list(ids)):
                cursor.execute(
                    "DELETE FROM search_searchentry WHERE document_id = ANY(%s)", [chunk]
                )

    def insert_rows(self, rows: list[EntryRow]) -> None:
        if not rows:
            return
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.executemany(INSERT_ENTRY, [entry_values(row) for row in rows])

    def rebuild(self, chunk_size: int = 2000) -> int:
        """Refill the table with the GIN indexes dropped, then build them once (much faster)."""
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("SET LOCAL maintenance_work_mem = '512MB'")
            for name in GIN_INDEXES:
                cursor.execute(f"DROP INDEX IF EXISTS {name}")
            cursor.execute("TRUNCATE search_searchentry")
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
            for statement in GIN_INDEXES.values():
                cursor.execute(statement)
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE search_searchentry")
        return total
