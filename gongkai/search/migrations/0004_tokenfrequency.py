"""Per-token entry counts for the SQLite backend's query planning (gongkai/search/frequencies.py).

On SQLite, counted from the FTS5 index already built (25 s per million documents). PostgreSQL
does not use them: the table stays empty there.
"""

from django.db import migrations, models


def count_tokens(apps, schema_editor):
    if schema_editor.connection.vendor != "sqlite":
        return
    from gongkai.search import frequencies

    frequencies.refresh(using=schema_editor.connection)


class Migration(migrations.Migration):
    dependencies = [("search", "0003_sqlite_title_fts")]

    operations = [
        migrations.CreateModel(
            name="TokenFrequency",
            fields=[
                ("token", models.CharField(max_length=2, primary_key=True, serialize=False, verbose_name="词元")),
                ("documents", models.BigIntegerField(default=0, verbose_name="所在条目数")),
            ],
            options={"verbose_name": "检索词元频次", "verbose_name_plural": "检索词元频次"},
        ),
        migrations.RunPython(count_tokens, migrations.RunPython.noop),
    ]
