"""The engine-specific half of the index, created only on its own database vendor.

SQLite: a contentless FTS5 table over bigram tokens made in Python (see gongkai/search/text.py);
rowid is SearchEntry.sort_key, so `ORDER BY rowid DESC` is newest first and stops early.
PostgreSQL: tsvector columns of distinct bigrams (`vec`: title, 文号 and body; `tvec`: title and
文号, with single characters too) under GIN indexes.
"""

from django.db import migrations

SQLITE_FORWARD = [
    "CREATE VIRTUAL TABLE search_fts USING fts5("
    "title, docno, body, title1, tokenize='ascii', content='', columnsize=0)",
]
SQLITE_BACKWARD = ["DROP TABLE IF EXISTS search_fts"]

PG_FORWARD = [
    "ALTER TABLE search_searchentry ADD COLUMN vec tsvector NOT NULL DEFAULT ''",
    "ALTER TABLE search_searchentry ADD COLUMN tvec tsvector NOT NULL DEFAULT ''",
    "CREATE INDEX search_entry_vec_gin ON search_searchentry USING gin (vec)",
    "CREATE INDEX search_entry_tvec_gin ON search_searchentry USING gin (tvec)",
]
PG_BACKWARD = [
    "DROP INDEX IF EXISTS search_entry_tvec_gin",
    "DROP INDEX IF EXISTS search_entry_vec_gin",
    "ALTER TABLE search_searchentry DROP COLUMN IF EXISTS tvec",
    "ALTER TABLE search_searchentry DROP COLUMN IF EXISTS vec",
]


def _run(statements_by_vendor):
    def run(apps, schema_editor):
        for statement in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]

    operations = [
        migrations.RunPython(
            _run({"sqlite": SQLITE_FORWARD, "postgresql": PG_FORWARD}),
            _run({"sqlite": SQLITE_BACKWARD, "postgresql": PG_BACKWARD}),
        ),
    ]
