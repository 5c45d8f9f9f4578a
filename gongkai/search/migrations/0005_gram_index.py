"""PostgreSQL: bigrams and trigrams in `search_grams` rows under GIN (backends/postgresql.py).

The bigram-only `vec` / `tvec` columns of the entries and their GIN indexes go: a phrase of
common bigrams had hundreds of thousands of candidates, each re-read (seconds at a million
documents). Plain GIN, no extension: works on any PostgreSQL, managed ones included. The rows
are filled from the entries already indexed. SQLite: nothing.
"""

from django.db import migrations

BATCH = 2000

CREATE_TABLE = """
CREATE TABLE search_grams (
    document_id bigint NOT NULL,
    sort_key bigint NOT NULL,
    is_title boolean NOT NULL,
    part integer NOT NULL,
    multi boolean NOT NULL,
    vec tsvector NOT NULL,
    PRIMARY KEY (document_id, is_title, part)
)
"""


def forward(apps, schema_editor):
    connection = schema_editor.connection
    if connection.vendor != "postgresql":
        return
    from gongkai.search.backends.base import EntryRow
    from gongkai.search.backends.postgresql import INSERT_ROW, create_indexes, entry_rows

    with connection.cursor() as cursor:
        cursor.execute("DROP INDEX IF EXISTS search_entry_vec_gin")
        cursor.execute("DROP INDEX IF EXISTS search_entry_tvec_gin")
        cursor.execute("ALTER TABLE search_searchentry DROP COLUMN IF EXISTS vec")
        cursor.execute("ALTER TABLE search_searchentry DROP COLUMN IF EXISTS tvec")
        cursor.execute(CREATE_TABLE)
        last = -1
        while True:
            cursor.execute(
                "SELECT document_id, sort_key, title, doc_number, body FROM search_searchentry "
                "WHERE document_id > %s ORDER BY document_id LIMIT %s", [last, BATCH],
            )
            rows = [EntryRow(*values) for values in cursor.fetchall()]
            if not rows:
                break
            cursor.executemany(INSERT_ROW, [values for row in rows for values in entry_rows(row)])
            last = rows[-1].document_id
        create_indexes(cursor)


def backward(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    # Back to 0002's empty columns: run `manage.py search_reindex` on the older code.
    for statement in [
        "DROP TABLE IF EXISTS search_grams",
        "ALTER TABLE search_searchentry ADD COLUMN vec tsvector NOT NULL DEFAULT ''",
        "ALTER TABLE search_searchentry ADD COLUMN tvec tsvector NOT NULL DEFAULT ''",
        "CREATE INDEX search_entry_vec_gin ON search_searchentry USING gin (vec)",
        "CREATE INDEX search_entry_tvec_gin ON search_searchentry USING gin (tvec)",
    ]:
        schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("search", "0004_tokenfrequency")]

    operations = [migrations.RunPython(forward, backward)]
