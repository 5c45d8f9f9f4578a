"""PostgreSQL backend: positional bigram vectors under a RUM index, which answers phrases itself.

A term of n characters is the phrase of its n - 1 consecutive bigrams (text.py). Each entry's
tokens are stored, with their positions, in `search_positions` rows (created by migration 0005,
PostgreSQL only): one row for the title and 文号 (`is_title`, with their single characters for
one-character queries) and one for title, 文号 and body together. The tsquery asks for each term
as a phrase (`'ab' <-> 'bc'`), and the RUM index (`rum_tsvector_ops`, which keeps positions)
decides the phrase from the index alone: no row's text or vector is re-read, however common the
bigrams. The table is narrow (key and vector), so sorting the matches newest first reads little.

Exactness: a tsvector clamps positions at 16,383 and keeps at most 256 positions of a lexeme.
A long text is therefore stored as several overlapping windows (`position_windows`), each
within both limits and overlapping the next by more tokens than a term can have, so each
occurrence of a term lies wholly inside one row. A document of several rows (`multi`) can hold
two terms in different rows: those few rows are also matched term by term.

Without the RUM extension (a managed PostgreSQL that does not offer it), migration 0005 builds
the same vectors under GIN, which cannot check positions: PostgreSQL then re-checks each
candidate's vector (same results, slower on phrases of common bigrams), and the system check
`gongkai_search.W002` says so.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db import connection, transaction

from gongkai.catalog.models import Document, Status

from ..text import position_windows, token_stream, tsquery_phrase, tsvector_text, unigram_set
from .base import KEY_FACTOR, REST, BaseBackend, EntryRow, _chunks

TABLE = "search_positions"
INSERT_ROW = (
    f"INSERT INTO {TABLE} (document_id, sort_key, is_title, part, multi, vec) "
    "VALUES (%s, %s, %s, %s, %s, %s::tsvector)"
)
# Created by migration 0005; dropped and built again by `rebuild` (much faster than row by row).
INDEXES = {
    "search_positions_title_idx": "(vec {ops}) WHERE is_title",
    "search_positions_all_idx": "(vec {ops}) WHERE NOT is_title",
    "search_positions_multi_idx": "(vec {ops}) WHERE multi",
}


def index_method(cursor) -> str:
    """'rum' where the extension is installed in this database, else 'gin'."""
    cursor.execute("SELECT 1 FROM pg_extension WHERE extname = 'rum'")
    return "rum" if cursor.fetchone() else "gin"


def create_indexes(cursor, method: str) -> None:
    ops = "rum_tsvector_ops" if method == "rum" else "tsvector_ops"
    for name, definition in INDEXES.items():
        cursor.execute(
            f"CREATE INDEX IF NOT EXISTS {name} ON {TABLE} USING {method} "
            + definition.format(ops=ops)
        )


def entry_rows(row: EntryRow) -> list[tuple]:
    """The `search_positions` rows of one entry."""
    rows = []
    title_tokens = token_stream(row.title, row.doc_number)
    for is_title, tokens in ((True, title_tokens),
                             (False, token_stream(row.title, row.doc_number, row.body))):
        windows = position_windows(tokens)
        extra = unigram_set(row.title, row.doc_number) if is_title else frozenset()
        for part, (start, end) in enumerate(windows):
            rows.append((row.document_id, row.sort_key, is_title, part, len(windows) > 1,
                         tsvector_text(tokens[start:end], extra if part == 0 else frozenset())))
    return rows


class PostgresBackend(BaseBackend):
    vendor = "postgresql"
    # `%%`: Django's debug cursor formats the SQL with its parameters (DEBUG=1).
    document_id_sql = f"m.sort_key %% {KEY_FACTOR}"

    def tier_keys(self, tier, terms, scope_sql, scope_params, limit, exclude=frozenset()):
        is_title = tier != REST
        phrases = [tsquery_phrase(term) for term in terms]
        # Rows holding every term; for several terms, also documents of several rows holding
        # each term in some row.
        matches = f"SELECT p.sort_key FROM {TABLE} AS p WHERE p.is_title = %s AND p.vec @@ %s::tsquery"
        params: list = [is_title, " & ".join(phrases)]
        if len(phrases) > 1:
            each = " AND ".join(["bool_or(p.vec @@ %s::tsquery)"] * len(phrases))
            matches += (
                f" UNION SELECT p.sort_key FROM {TABLE} AS p WHERE p.multi AND p.is_title = %s"
                f" AND p.vec @@ %s::tsquery GROUP BY p.sort_key HAVING {each}"
            )
            params += [is_title, " | ".join(phrases), *phrases]
        sql = (
            f"SELECT DISTINCT m.sort_key FROM ({matches}) AS m WHERE {scope_sql} "
            "ORDER BY m.sort_key DESC LIMIT %s"
        )
        with transaction.atomic(), connection.cursor() as cursor:
            # The index answers the phrase; a sequential scan would decode every vector.
            cursor.execute("SET LOCAL enable_seqscan = off")
            cursor.execute(sql, [*params, *scope_params, limit + len(exclude)])
            keys = [row[0] for row in cursor.fetchall()]
        return [k for k in keys if k not in exclude][:limit]

    def remove(self, ids: Iterable[int]) -> None:
        with connection.cursor() as cursor:
            for chunk in _chunks(list(ids)):
                cursor.execute(f"DELETE FROM {TABLE} WHERE document_id = ANY(%s)", [chunk])
                cursor.execute(
                    "DELETE FROM search_searchentry WHERE document_id = ANY(%s)", [chunk]
                )

    def insert_rows(self, rows: list[EntryRow]) -> None:
        if not rows:
            return
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.executemany(
                "INSERT INTO search_searchentry (document_id, sort_key, title, doc_number, body) "
                "VALUES (%s, %s, %s, %s, %s)",
                [(r.document_id, r.sort_key, r.title, r.doc_number, r.body) for r in rows],
            )
            cursor.executemany(INSERT_ROW, [values for r in rows for values in entry_rows(r)])

    def rebuild(self, chunk_size: int = 2000) -> int:
        """Refill the tables with the indexes dropped, then build them once (much faster)."""
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("SET LOCAL maintenance_work_mem = '512MB'")
            method = index_method(cursor)
            for name in INDEXES:
                cursor.execute(f"DROP INDEX IF EXISTS {name}")
            cursor.execute(f"TRUNCATE search_searchentry, {TABLE}")
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
            create_indexes(cursor, method)
        with connection.cursor() as cursor:
            cursor.execute(f"ANALYZE search_searchentry, {TABLE}")
        return total
