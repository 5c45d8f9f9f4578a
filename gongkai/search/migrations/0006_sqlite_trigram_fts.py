"""SQLite: terms of three or more characters are found by a trigram table with positions, terms
of two by a bigram table without them (see backends/sqlite.py for why); the token counts the
old bigram plan needed are dropped.

The bigram table is made again (`detail=none`: no position lists) and both are filled from the
entries already stored: about half an hour per million documents, once. PostgreSQL's index is
not touched (its table of token counts, always empty there, is dropped).
"""

from django.db import migrations


def forward(apps, schema_editor):
    if schema_editor.connection.vendor != "sqlite":
        return
    from gongkai.search.backends.sqlite import recreate_tables
    from gongkai.search.corpus import DOCUMENTS

    with schema_editor.connection.cursor() as cursor:
        recreate_tables(cursor, DOCUMENTS.tables)


class Migration(migrations.Migration):
    dependencies = [("search", "0005_gram_index")]

    operations = [
        migrations.RunPython(forward, migrations.RunPython.noop),
        migrations.DeleteModel(name="TokenFrequency"),
    ]
