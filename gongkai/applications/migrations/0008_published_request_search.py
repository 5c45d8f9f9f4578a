"""The disclosure log's search index (gongkai/applications/published_search.py): the tables of
a search corpus (gongkai/search/corpus.py `Tables`), created on their vendor only, and filled
from the requests already published. The catalog's own index tables are not touched.

Both vendors: the entries (the normalised texts the matches are checked against) and the token
counts (SQLite's old planner, dropped by 0011). SQLite: contentless FTS5 tables (bigrams,
trigrams, titles). PostgreSQL: the bigram + trigram rows under GIN, as search/0005 has for documents.
"""

from django.db import migrations

PREFIX = "applications_published_search"
COMMON_FORWARD = [
    f"CREATE TABLE {PREFIX}_entry (publication_id bigint NOT NULL PRIMARY KEY, "
    "sort_key bigint NOT NULL UNIQUE, title text NOT NULL, doc_number text NOT NULL, "
    "body text NOT NULL)",
    f"CREATE TABLE {PREFIX}_tokens (token varchar(2) NOT NULL PRIMARY KEY, "
    "documents bigint NOT NULL)",
]
# The bigram and trigram tables are made by the backend's `create_tables` (the layout of
# search/0006, which the backend writes; 0011 makes them again on a database migrated before).
SQLITE_FORWARD = [
    f"CREATE VIRTUAL TABLE {PREFIX}_title_fts USING fts5("
    "title, docno, title1, tokenize='ascii', content='', columnsize=0)",
]
PG_FORWARD = [
    f"""CREATE TABLE {PREFIX}_grams (
        document_id bigint NOT NULL,
        sort_key bigint NOT NULL,
        is_title boolean NOT NULL,
        part integer NOT NULL,
        multi boolean NOT NULL,
        vec tsvector NOT NULL,
        PRIMARY KEY (document_id, is_title, part)
    )""",
    f"CREATE INDEX {PREFIX}_grams_title_gin ON {PREFIX}_grams USING gin (vec) WHERE is_title",
    f"CREATE INDEX {PREFIX}_grams_all_gin ON {PREFIX}_grams USING gin (vec) WHERE NOT is_title",
    f"CREATE INDEX {PREFIX}_grams_multi_gin ON {PREFIX}_grams USING gin (vec) WHERE multi",
]
BACKWARD = {
    "sqlite": [f"DROP TABLE IF EXISTS {PREFIX}_fts", f"DROP TABLE IF EXISTS {PREFIX}_tri_fts",
               f"DROP TABLE IF EXISTS {PREFIX}_title_fts"],
    "postgresql": [f"DROP TABLE IF EXISTS {PREFIX}_grams"],
}


def forward(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor not in ("sqlite", "postgresql"):
        return
    for statement in COMMON_FORWARD + (SQLITE_FORWARD if vendor == "sqlite" else PG_FORWARD):
        schema_editor.execute(statement)
    if vendor == "sqlite":
        from gongkai.applications.published_search import PUBLISHED_REQUESTS
        from gongkai.search.backends.sqlite import create_tables

        with schema_editor.connection.cursor() as cursor:
            create_tables(cursor, PUBLISHED_REQUESTS.tables)
    _index_published(apps)


def _index_published(apps):
    """Index what is published already, read through the historical models."""
    from django.utils import timezone
    from django.utils.translation import gettext

    from gongkai.applications.published_search import PUBLISHED_REQUESTS
    from gongkai.reportformat.template import OUTCOME_PLAIN, OUTCOMES, WITHDRAWN_PLAIN
    from gongkai.search.backends import get_backend
    from gongkai.search.corpus import EntryRow

    PublishedRequest = apps.get_model("applications", "PublishedRequest")
    ApplicationEvent = apps.get_model("applications", "ApplicationEvent")
    labels = {row.code: row.full_label for row in OUTCOMES}
    withdrawn = set(ApplicationEvent.objects.filter(kind="withdrawn")
                    .values_list("application_id", flat=True))
    rows = []
    for pk, question, reply, published_at, application_id, outcome in (
        PublishedRequest.objects.values_list("pk", "question", "reply", "published_at",
                                             "application_id", "application__outcome")
    ):
        plain = gettext(WITHDRAWN_PLAIN if application_id in withdrawn else OUTCOME_PLAIN[outcome])
        body = "\n".join(text for text in (plain, reply) if text)
        rows.append(EntryRow.from_text(pk, timezone.localdate(published_at), question,
                                       labels.get(outcome, ""), body))
    get_backend(PUBLISHED_REQUESTS).insert_rows(rows)


def backward(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    for statement in BACKWARD.get(vendor, []):
        schema_editor.execute(statement)
    if vendor in ("sqlite", "postgresql"):
        schema_editor.execute(f"DROP TABLE IF EXISTS {PREFIX}_tokens")
        schema_editor.execute(f"DROP TABLE IF EXISTS {PREFIX}_entry")


class Migration(migrations.Migration):

    dependencies = [("applications", "0007_published_request")]

    operations = [migrations.RunPython(forward, backward)]
