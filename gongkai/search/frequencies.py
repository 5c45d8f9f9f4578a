"""Per-token document frequencies of the search index (`TokenFrequency`), for query planning.

A search term is a phrase of bigrams. FTS5 checks a phrase by comparing positions in every
document that holds all of its bigrams, so a rare phrase made of common bigrams reads nearly
every position list of those bigrams (150-200 ms at 1M documents, bench/search.py). Knowing
which bigrams are rare lets the SQLite backend ask FTS5 for a cheaper superset instead and
check it against the text (backends/sqlite.py, `plan_term`).

The SQLite backend writes the counts in the same transaction as the entries (`record`) and
rebuilds them from FTS5's own vocabulary (`refresh`). PostgreSQL does not plan with them, so
its backend neither reads nor writes them (the table stays empty there).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from django.db import connection, transaction

from .text import bigram_set

# The entries themselves are counted under the empty token, which no text produces.
ENTRIES = ""
TABLE = "search_tokenfrequency"  # the catalog's; another corpus names its own (corpus.Tables)
UPSERT = (
    "INSERT INTO {table} (token, documents) VALUES (%s, %s) "
    "ON CONFLICT (token) DO UPDATE SET documents = {table}.documents + excluded.documents"
)
BATCH = 500


def entry_tokens(title: str, doc_number: str, body: str) -> set[str]:
    """The tokens an entry is counted under: the distinct bigrams of its normalised fields (the
    only tokens a search term of two or more characters is made of)."""
    return {token for token in bigram_set(title, doc_number, body) if len(token) == 2}


def count(entries: Iterable[tuple[str, str, str]]) -> Counter:
    """Entries holding each token, over (title, doc_number, body) triples; `ENTRIES` counts the
    entries."""
    counter: Counter = Counter()
    for title, doc_number, body in entries:
        counter.update(entry_tokens(title, doc_number, body))
        counter[ENTRIES] += 1
    return counter


def record(counter: Counter, sign: int = 1, table: str = TABLE) -> None:
    """Add (sign=1) or take away (sign=-1) counted entries."""
    if not counter:
        return
    rows = [(token, sign * n) for token, n in counter.items() if n]
    with connection.cursor() as cursor:
        for i in range(0, len(rows), BATCH):
            cursor.executemany(UPSERT.format(table=table), rows[i : i + BATCH])


def lookup(tokens: Iterable[str], table: str = TABLE) -> dict[str, int]:
    """Documents per token; a token never counted is absent (it is in no entry, or newer than
    the last refresh of an index built by other means)."""
    tokens = sorted(set(tokens))
    if not tokens:
        return {}
    marks = ",".join(["%s"] * len(tokens))
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT token, documents FROM {table} WHERE token IN ({marks})", tokens
        )
        return dict(cursor.fetchall())


def refresh(using=None, tables=None) -> int:
    """Recount every token from the SQLite FTS5 index of a corpus (`tables`, default the
    catalog's); returns the number of tokens."""
    from .corpus import DOCUMENTS

    t = tables or DOCUMENTS.tables
    conn = connection if using is None else using
    with transaction.atomic(using=conn.alias), conn.cursor() as cursor:
        cursor.execute(f"DELETE FROM {t.frequencies}")
        cursor.execute(
            "CREATE VIRTUAL TABLE IF NOT EXISTS temp.search_fts_terms "
            f"USING fts5vocab(main, {t.fts}, 'row')"
        )
        cursor.execute(
            f"INSERT INTO {t.frequencies} (token, documents) "
            "SELECT term, doc FROM temp.search_fts_terms WHERE length(term) = 2"
        )
        cursor.execute("DROP TABLE temp.search_fts_terms")
        cursor.execute(
            f"INSERT INTO {t.frequencies} (token, documents) "
            f"SELECT %s, count(*) FROM {t.entries}", [ENTRIES]
        )
        cursor.execute(f"SELECT count(*) FROM {t.frequencies}")
        return cursor.fetchone()[0] - 1
