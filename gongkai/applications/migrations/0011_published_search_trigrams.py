"""The disclosure log's search index in the catalog's new SQLite layout (search/0006): a
trigram table with positions, the bigram table without them, filled from the entries; the
token counts of the old plan are dropped on both vendors."""

from django.db import migrations

PREFIX = "applications_published_search"


def forward(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor not in ("sqlite", "postgresql"):
        return
    schema_editor.execute(f"DROP TABLE IF EXISTS {PREFIX}_tokens")
    if vendor != "sqlite":
        return
    from gongkai.applications.published_search import PUBLISHED_REQUESTS
    from gongkai.search.backends.sqlite import recreate_tables

    with schema_editor.connection.cursor() as cursor:
        recreate_tables(cursor, PUBLISHED_REQUESTS.tables)


class Migration(migrations.Migration):
    dependencies = [("applications", "0010_applicant_thread"), ("search", "0006_sqlite_trigram_fts")]

    operations = [migrations.RunPython(forward, migrations.RunPython.noop)]
