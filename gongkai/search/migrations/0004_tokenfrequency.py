"""Per-token entry counts for the SQLite backend's query planning, since replaced by the
trigram table (0006, which drops this one). The counting step is a no-op now: the code it
called is gone, and the counts were never needed for a result.
"""

from django.db import migrations, models


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
    ]
