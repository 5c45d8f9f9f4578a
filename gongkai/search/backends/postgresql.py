"""PostgreSQL backend: bigrams and trigrams under GIN, planned between two ways to find matches.

Each entry's grams (every bigram and every trigram of its runs, text.py `gram_set`) are stored
in `search_grams` rows (migration 0005, PostgreSQL only): one row for the title and 文号
(`is_title`, with their single characters for one-character queries) and one for title, 文号
and body together. A term of two or three characters is one gram, so the GIN index answers it
exactly; a longer term needs all its trigrams, and the entry's text then decides (`strpos`).
Trigrams are far rarer than bigrams, so a phrase of common bigrams ("现将，宣", whose bigrams
are each in half of the documents) has few candidates: the position-less bigram index re-read
~480,000 rows for it at a million documents (4 s).

Two plans (`tier_keys`): a term in many documents is found fastest by walking the entries
newest first until the page count is reached (`_walk`, a few thousand rows); a rarer one by the
index (`_from_index`), whose candidates are sorted and then checked newest first. The planner's
estimate of the candidates (EXPLAIN, from ANALYZE's statistics of the grams) chooses; a walk
that falls short hands over to the index.

Long texts are stored as overlapping windows (at most `MAX_POSITIONS` tokens a row, a tsvector
holds 1 MB), each occurrence of a term lying wholly inside one row; a document of several rows
(`multi`) is also matched term by term, so two terms in different rows still find it.

Measured against RUM (positional vectors, phrase checked in the index) at 100,000 documents:
see bench/search.py.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterable

from django.db import connection, transaction

from ..corpus import DOCUMENTS
from ..text import gram_set, position_windows, term_grams, token_stream, tsquery_grams, unigram_set
from .base import KEY_FACTOR, MAX_RESULTS, REST, TITLE, BaseBackend, EntryRow, _chunks

COLUMNS = "(document_id, sort_key, is_title, part, multi, vec)"
INSERT_ROW_SQL = (
    "INSERT INTO {table} " + COLUMNS + " VALUES (%s, %s, %s, %s, %s, array_to_tsvector(%s::text[]))"
)
COPY_ROWS_SQL = "COPY {table} " + COLUMNS + " FROM STDIN"
# Suffixes of the GIN indexes' names (`<grams table>_title_gin` …) and what they cover.
INDEX_DEFINITIONS = {
    "_title_gin": "(vec) WHERE is_title",
    "_all_gin": "(vec) WHERE NOT is_title",
    "_multi_gin": "(vec) WHERE multi",
}


def index_names(table: str) -> dict[str, str]:
    return {table + suffix: definition for suffix, definition in INDEX_DEFINITIONS.items()}


# The catalog's grams table (migration search/0005; bench/search.py builds it with these).
TABLE = DOCUMENTS.tables.grams
INSERT_ROW = INSERT_ROW_SQL.format(table=TABLE)
COPY_ROWS = COPY_ROWS_SQL.format(table=TABLE)
# Created by migration 0005; dropped and built again by `rebuild` (much faster than row by row).
INDEXES = index_names(TABLE)
# Walk the newest entries when the planner expects at least this share of them to be
# candidates, reading at most WALK_MARGIN times the rows that share promises (and WALK_LIMIT);
# otherwise, or when the walk falls short, ask the index. A title is checked in a few
# microseconds, a body is de-TOASTed first: titles are walked further.
DENSE_SHARE = {TITLE: 0.02, REST: 0.2}
WALK_MARGIN = 3
WALK_LIMIT = {TITLE: 40000, REST: 20000}
# A count is estimated only when the sample says it is at least this many times MAX_RESULTS.
ESTIMATE_ABOVE = 5
# Set for the queries of one search (SET LOCAL). With the default 4 MB, the bitmap of a common
# gram's 100,000 candidates went lossy at 1M documents: PostgreSQL then re-read and de-TOASTed
# 500,000 rows to recheck them (3.4 s for '推进' in titles, 0.6 s with an exact bitmap). JIT
# compiled every such query for ~6-50 ms that these short queries never win back.
SEARCH_SETTINGS = {"work_mem": "64MB", "jit": "off"}


def _rounded(n: float) -> int:
    """Two significant figures: an estimate should not look exact."""
    if n < 100:
        return int(n)
    scale = 10 ** (len(str(int(n))) - 2)
    return int(round(n / scale) * scale)


_entries: dict[tuple[str, str], tuple[float, float]] = {}  # (alias, table) -> (read at, reltuples)


def _estimated_entries(cursor, table: str = DOCUMENTS.tables.entries, ttl: float = 60.0) -> float:
    """ANALYZE's count of a corpus's entries (0 if never analysed), read at most once a `ttl`."""
    key = (connection.alias, table)
    read_at, entries = _entries.get(key, (0.0, 0.0))
    if time.monotonic() - read_at > ttl:
        cursor.execute("SELECT reltuples FROM pg_class WHERE oid = %s::regclass", [table])
        entries = float(cursor.fetchone()[0] or 0)
        _entries[key] = (time.monotonic(), entries)
    return entries


_statistics: dict[tuple[str, str], tuple[float, tuple[dict[str, float], float, float]]] = {}


def _gram_statistics(cursor, tables, ttl: float = 60.0) -> tuple[dict[str, float], float, float]:
    """(gram -> share of the grams rows holding it, for ANALYZE's most common elements; the
    least listed share; grams rows per entry), read at most once a `ttl`."""
    key = (connection.alias, tables.grams)
    read_at, value = _statistics.get(key, (0.0, ({}, 0.0, 0.0)))
    if time.monotonic() - read_at > ttl:
        cursor.execute(
            "SELECT most_common_elems::text::text[], most_common_elem_freqs FROM pg_stats "
            "WHERE tablename = %s AND attname = 'vec'", [tables.grams])
        row = cursor.fetchone()
        entries = _estimated_entries(cursor, tables.entries)
        cursor.execute("SELECT reltuples FROM pg_class WHERE oid = %s::regclass", [tables.grams])
        grams_rows = float(cursor.fetchone()[0] or 0)
        if row and row[0] and entries > 0:
            elems, freqs = row[0], row[1]
            # The frequencies end with three more numbers: minimum, maximum, null share.
            frequencies = dict(zip(elems, freqs[: len(elems)], strict=True))
            value = (frequencies, min(frequencies.values()), max(1.0, grams_rows / entries))
        else:
            value = ({}, 0.0, 0.0)
        _statistics[key] = (time.monotonic(), value)
    return value


def _bitmap_rows(node: dict) -> float | None:
    """The rows a plan's bitmap index scan found (None if it has none)."""
    if node.get("Node Type") == "Bitmap Index Scan":
        return float(node.get("Actual Rows", 0))
    for child in node.get("Plans", ()):
        rows = _bitmap_rows(child)
        if rows is not None:
            return rows
    return None


def create_indexes(cursor, table: str = TABLE) -> None:
    for name, definition in index_names(table).items():
        cursor.execute(f"CREATE INDEX IF NOT EXISTS {name} ON {table} USING gin {definition}")


def order_entries(cursor, table: str = DOCUMENTS.tables.entries) -> None:
    """Rewrite the entries in sort-key order (CLUSTER on the unique sort_key index). The
    walk reads the newest entries: on a site they were written in publication order, so they
    lie on consecutive pages, but a bulk (re)index writes them in id order, and then every row
    of a walk is on a page of its own (28,700 pages read for 28,500 rows at 1M documents)."""
    cursor.execute(
        "SELECT i.indexrelid::regclass::text FROM pg_index AS i "
        "JOIN pg_attribute AS a ON a.attrelid = i.indrelid AND a.attnum = i.indkey[0] "
        "WHERE i.indrelid = %s::regclass AND i.indisunique AND i.indnatts = 1 "
        "AND a.attname = 'sort_key'", [table])
    row = cursor.fetchone()
    if row:
        cursor.execute(f"CLUSTER {table} USING {row[0]}")


def entry_rows(row: EntryRow) -> list[tuple]:
    """The `search_grams` rows of one entry: (document_id, sort_key, is_title, part, multi,
    sorted grams)."""
    rows = []
    for is_title, fields in ((True, (row.title, row.doc_number)),
                             (False, (row.title, row.doc_number, row.body))):
        tokens = token_stream(*fields)
        windows = position_windows(tokens)
        for part, (start, end) in enumerate(windows):
            grams = gram_set(tokens[start:end])
            if is_title and part == 0:
                grams |= unigram_set(row.title, row.doc_number)
            rows.append((row.document_id, row.sort_key, is_title, part, len(windows) > 1,
                         sorted(grams)))
    return rows


def copy_value(row: tuple) -> tuple:
    """An `entry_rows` row for COPY: the grams as tsvector text."""
    *head, grams = row
    return (*head, " ".join("'" + g.replace("\\", "\\\\").replace("'", "''") + "'" for g in grams))


class PostgresBackend(BaseBackend):
    vendor = "postgresql"
    # `%%`: Django's debug cursor formats the SQL with its parameters (DEBUG=1).
    document_id_sql = f"m.sort_key %% {KEY_FACTOR}"

    def __init__(self, corpus=None):
        super().__init__(corpus)
        self.grams = self.tables.grams

    def search(self, *args, **kwargs):
        with transaction.atomic(), connection.cursor() as cursor:
            for name, value in SEARCH_SETTINGS.items():
                cursor.execute("SELECT set_config(%s, %s, true)", [name, value])
            return super().search(*args, **kwargs)

    def tier_keys(self, tier, terms, scope_sql, scope_params, limit, exclude=frozenset()):
        keys, _estimate = self._keys(tier, terms, scope_sql, scope_params, limit, exclude, None)
        return keys

    def title_keys(self, terms, scope_sql, scope_params, limit, need):
        """As `tier_keys(TITLE, …)`, but a term in many titles ('推进' in one title of ten at
        1M documents) is not read to the MAX_RESULTS-th title: the newest titles are walked
        until the page's `need` keys are found, and when the share of matches among them puts
        the total far above MAX_RESULTS, the count is "1000+". The index plan fetched and
        sorted every candidate for it (100,000 rows, 0.6 s)."""
        keys, estimate = self._keys(TITLE, terms, scope_sql, scope_params, limit, frozenset(),
                                    need)
        return keys, estimate is not None

    def rest_keys(self, terms, scope_sql, scope_params, limit, exclude, need):
        """As `tier_keys(REST, …)`, but a term in a large share of the entries is not counted
        to the end: the newest entries are walked only until the page's `need` keys are found,
        and when the share of matches among the rows walked puts the total far above
        MAX_RESULTS, that estimate is the count ("约 N 条"). Counting to MAX_RESULTS meant
        reading (de-TOASTing) and searching thousands of bodies: 350-700 ms at 300,000
        documents. The keys found are exact; only the count is estimated."""
        return self._keys(REST, terms, scope_sql, scope_params, limit, exclude, need)

    def _keys(self, tier, terms, scope_sql, scope_params, limit, exclude, need):
        """The tier's first `limit` keys not in `exclude`, and None; or, when `need` is given
        and the tier holds far more than MAX_RESULTS, at least its `need` first keys and the
        estimate of its count."""
        candidates, params, unproven = self._candidates(tier, terms)
        share = self._estimated_share(candidates, params)
        if tier == TITLE and share < DENSE_SHARE[TITLE]:
            # The gram statistics are those of title and body rows together: the planner saw
            # '核办法' in 0.5% of the titles (83,000 of 1M hold it; 290 ms by the index plan)
            # and '贯彻' in half (none holds it). "Rare" is checked by counting.
            share = self._title_candidate_share(terms)
        if tier == REST:
            # The planner multiplies the grams' shares as if they were independent; the grams
            # of a phrase are not ("发布之日起施行": 3,654 candidates expected, 179,265 found at
            # 200,000 documents, all materialised and sorted: 900 ms). The rarest gram's share
            # bounds the phrase's from above; a walk on a share too high is corrected by the
            # share it observes.
            share = max(share, self._gram_share_bound(terms))
        wanted = limit + len(exclude)
        target = wanted if need is None else min(wanted, need + len(exclude))
        far_above = ESTIMATE_ABOVE * MAX_RESULTS
        observed = None  # the share of matches among the entries walked
        if share >= DENSE_SHARE[tier] and target / share <= WALK_LIMIT[tier]:
            least = far_above / self._entries() if target < wanted and self._entries() else 0.0
            keys, read, complete = self._walk(tier, terms, scope_sql, scope_params, wanted,
                                              target, share, least)
            if complete:
                return [k for k in keys if k not in exclude][:limit], None
            observed = len(keys) / read
            if len(keys) >= target and target < wanted:
                # The newest entries may hold a term more often than older ones: the planner's
                # estimate (from the statistics of all entries) bounds the sample's.
                total = min(len(keys) / read, share) * self._entries()
                if total >= far_above:
                    return [k for k in keys if k not in exclude], _rounded(total) - len(exclude)
        # A walk that fell short of the page saw too few matches for a count far above
        # MAX_RESULTS ('入贯彻落实东': none in 9,700 entries): count them exactly at once.
        walk_says_far = observed is None or observed * self._entries() * WALK_MARGIN >= far_above
        if target < wanted and walk_says_far and share * self._entries() >= far_above:
            # Check the newest candidates only until the page is found: when the share of
            # matches among them puts the total far above MAX_RESULTS, that is the count.
            keys, total = self._from_index(tier, candidates, params, unproven, scope_sql,
                                           scope_params, target)
            if len(keys) >= target and total >= far_above:
                return [k for k in keys if k not in exclude], _rounded(total) - len(exclude)
        keys, _total = self._from_index(tier, candidates, params, unproven, scope_sql,
                                        scope_params, wanted)
        return [k for k in keys if k not in exclude][:limit], None

    def _entries(self) -> float:
        with connection.cursor() as cursor:
            return _estimated_entries(cursor, self.tables.entries)

    def _title_candidate_share(self, terms) -> float:
        """The share of entries whose title row holds every gram of the terms: the row count of
        the GIN index's bitmap (EXPLAIN ANALYZE of a one-row fetch, the bitmap forced, so no
        other row is read): ~20 ms for 100,000 titles at 1M documents."""
        grams = " & ".join(tsquery_grams(term_grams(term)[0]) for term in terms)
        with connection.cursor() as cursor:
            entries = _estimated_entries(cursor, self.tables.entries)
            if entries <= 0:
                return 0.0
            cursor.execute("SELECT set_config('enable_seqscan', 'off', true), "
                           "set_config('enable_indexscan', 'off', true)")
            try:
                cursor.execute(
                    f"EXPLAIN (ANALYZE, FORMAT JSON) SELECT 1 FROM {self.grams} AS p "
                    "WHERE p.is_title AND p.vec @@ %s::tsquery LIMIT 1", [grams])
                plan = cursor.fetchone()[0]
            finally:
                cursor.execute("SELECT set_config('enable_seqscan', 'on', true), "
                               "set_config('enable_indexscan', 'on', true)")
        if isinstance(plan, str):
            plan = json.loads(plan)
        rows = _bitmap_rows(plan[0]["Plan"])
        return 0.0 if rows is None else min(1.0, rows / entries)

    def _gram_share_bound(self, terms) -> float:
        """An upper bound of the share of entries whose body rows hold every term: for each
        term its rarest gram's frequency among the rows (ANALYZE's most common elements of
        `vec`; a gram not among them is at most as frequent as the least of them), times the
        rows per entry; the least over the terms. 0 before the table was ever analysed."""
        with connection.cursor() as cursor:
            frequencies, floor, rows_per_entry = _gram_statistics(cursor, self.tables)
        if not frequencies:
            return 0.0
        bound = 1.0
        for term in terms:
            grams, _exact = term_grams(term)
            rarest = min(frequencies.get(g, floor) for g in grams)
            bound = min(bound, rarest * rows_per_entry)
        return min(1.0, bound)

    def _candidates(self, tier, terms) -> tuple[str, list, list[str]]:
        """SQL for the keys of the entries holding every gram of every term, its parameters,
        and the terms that grams alone do not prove (longer than three characters)."""
        is_title = tier != REST
        queries, unproven = [], []
        for term in terms:
            grams, exact = term_grams(term)
            queries.append(tsquery_grams(grams))
            if not exact:
                unproven.append(term)
        sql = (f"SELECT p.sort_key FROM {self.grams} AS p "
               "WHERE p.is_title = %s AND p.vec @@ %s::tsquery")
        params: list = [is_title, " & ".join(queries)]
        if len(queries) > 1:
            each = " AND ".join(["bool_or(p.vec @@ %s::tsquery)"] * len(queries))
            sql += (
                f" UNION SELECT p.sort_key FROM {self.grams} AS p WHERE p.multi AND p.is_title = %s"
                f" AND p.vec @@ %s::tsquery GROUP BY p.sort_key HAVING {each}"
            )
            params += [is_title, " | ".join(queries), *queries]
        return sql, params, unproven

    def _estimated_share(self, candidates: str, params: list) -> float:
        """The planner's estimate of the share of entries that are candidates (from the
        statistics of ANALYZE: no row read); 0 before the table was ever analysed."""
        with connection.cursor() as cursor:
            entries = _estimated_entries(cursor, self.tables.entries)
            if entries <= 0:
                return 0.0
            cursor.execute(f"EXPLAIN (FORMAT JSON) {candidates}", params)
            plan = cursor.fetchone()[0]
        if isinstance(plan, str):
            plan = json.loads(plan)
        return min(1.0, plan[0]["Plan"]["Plan Rows"] / entries)

    def _text_sql(self, tier: str, terms) -> tuple[str, list]:
        """Every term is a substring of the row's title or 文号 (or body, for the rest tier)."""
        fields = ["m.title", "m.doc_number"] + (["m.body"] if tier == REST else [])
        clauses, params = [], []
        for term in terms:
            clauses.append("(" + " OR ".join(f"strpos({f}, %s) > 0" for f in fields) + ")")
            params += [term] * len(fields)
        return " AND ".join(clauses) or "TRUE", params

    # Both plans end in an explicit ORDER BY: a scope (`EXISTS …`) may be planned as a hash
    # semi-join, which does not keep the newest-first order of the rows it filters.

    def _walk(self, tier, terms, scope_sql, scope_params, wanted, target, share,
              least_share: float = 0.0) -> tuple[list[int], int, bool]:
        """Matches among the newest entries, newest first, checked on the text; the rows read;
        whether the keys are the answer (`wanted` found, or no older entry left).

        Reads in batches until `target` keys are found: the first sized from the expected
        `share` of matches, the next from the share observed so far (the planner's estimate
        can be off tenfold either way). Stops short, for the index to answer, when finding the
        rest would read past WALK_LIMIT[tier] rows, or when the share seen (one match more than
        found, to be generous) is below `least_share`: keys short of `wanted` are of use only
        with an estimated count, which needs that share."""
        text_sql, text_params = self._text_sql(tier, terms)
        columns = "e.sort_key, e.title, e.doc_number" + (", e.body" if tier == REST else "")
        entries, limit = self.tables.entries, WALK_LIMIT[tier]
        keys: list[int] = []
        read, before = 0, None
        rows = int(WALK_MARGIN * target / share) + 100
        with connection.cursor() as cursor:
            while True:
                rows = min(rows, limit - read)
                # The batch: the `rows` newest entries from `before` on (`row`: the next one).
                older, older_params = (("WHERE sort_key <= %s", [before]) if before is not None
                                        else ("", []))
                cursor.execute(f"SELECT sort_key FROM {entries} {older} "
                               "ORDER BY sort_key DESC OFFSET %s LIMIT 1", [*older_params, rows])
                row = cursor.fetchone()
                window = ["e.sort_key > %s" if row else "TRUE"]
                window_params = [row[0]] if row else []
                if before is not None:
                    window.append("e.sort_key <= %s")
                    window_params.append(before)
                cursor.execute(
                    f"SELECT m.sort_key FROM (SELECT {columns} FROM {entries} AS e "
                    f"WHERE {' AND '.join(window)}) AS m "
                    f"WHERE {text_sql} AND {scope_sql} ORDER BY m.sort_key DESC LIMIT %s",
                    [*window_params, *text_params, *scope_params, wanted - len(keys)],
                )
                keys += [r[0] for r in cursor.fetchall()]
                read += rows
                if len(keys) >= wanted or row is None:
                    return keys, read, True
                if len(keys) >= target:
                    return keys, read, False
                observed = len(keys) / read
                if (len(keys) + 1) / read < least_share:
                    return keys, read, False
                rows = (int(WALK_MARGIN * (target - len(keys)) / observed) + 100
                        if observed else 4 * read)
                if read + rows > limit:
                    return keys, read, False
                before = row[0]

    def _from_index(self, tier, candidates, params, unproven, scope_sql, scope_params,
                    limit) -> tuple[list[int], float]:
        """Matches by the gram index, newest first: the candidates, sorted, then checked one by
        one against the text (terms longer than a gram) and the scope until `limit` are found;
        and the estimate of all matches: the share of matches among the candidates checked,
        times the candidates (exact when every candidate was checked)."""
        text_sql, text_params = self._text_sql(tier, unproven)
        numbered = ("(SELECT sort_key, row_number() OVER (ORDER BY sort_key DESC) AS n FROM c "
                    "ORDER BY sort_key DESC) AS s")
        if unproven:
            columns = "title, doc_number" + (", body" if tier == REST else "")
            source = (
                f"{numbered} CROSS JOIN LATERAL (SELECT sort_key, {columns} "
                f"FROM {self.tables.entries} WHERE sort_key = s.sort_key) AS m"
            )
        else:
            source = numbered.replace("AS s", "AS m")
        sql = (
            f"WITH c AS MATERIALIZED (SELECT DISTINCT sort_key FROM ({candidates}) AS g) "
            f"SELECT m.sort_key, n, (SELECT count(*) FROM c) FROM {source} "
            f"WHERE {text_sql} AND {scope_sql} ORDER BY m.sort_key DESC LIMIT %s"
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, [*params, *text_params, *scope_params, limit])
            rows = cursor.fetchall()
        if len(rows) < limit:  # every candidate checked
            return [row[0] for row in rows], float(len(rows))
        checked, total = rows[-1][1], rows[-1][2]
        return [row[0] for row in rows], len(rows) / checked * total

    def remove(self, ids: Iterable[int]) -> None:
        t = self.tables
        with connection.cursor() as cursor:
            for chunk in _chunks(list(ids)):
                cursor.execute(f"DELETE FROM {t.grams} WHERE document_id = ANY(%s)", [chunk])
                cursor.execute(f"DELETE FROM {t.entries} WHERE {t.id_column} = ANY(%s)", [chunk])

    def insert_rows(self, rows: list[EntryRow]) -> None:
        if not rows:
            return
        t = self.tables
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.executemany(
                f"INSERT INTO {t.entries} ({t.id_column}, sort_key, title, doc_number, body) "
                "VALUES (%s, %s, %s, %s, %s)",
                [(r.document_id, r.sort_key, r.title, r.doc_number, r.body) for r in rows],
            )
            cursor.executemany(INSERT_ROW_SQL.format(table=t.grams),
                               [values for r in rows for values in entry_rows(r)])

    def rebuild(self, chunk_size: int = 2000) -> int:
        """Refill the tables with the indexes dropped, then build them once (much faster)."""
        t = self.tables
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("SET LOCAL maintenance_work_mem = '512MB'")
            for name in index_names(t.grams):
                cursor.execute(f"DROP INDEX IF EXISTS {name}")
            cursor.execute(f"TRUNCATE {t.entries}, {t.grams}")
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
            order_entries(cursor, t.entries)
            create_indexes(cursor, t.grams)
        with connection.cursor() as cursor:
            cursor.execute(f"ANALYZE {t.entries}, {t.grams}")
        return total
