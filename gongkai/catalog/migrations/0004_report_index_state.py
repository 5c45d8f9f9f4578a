"""Django's state learns the index that reports migration 0002 created with SQL on this table.

No SQL runs: the index exists already. Declared on the Document model, it is kept when SQLite
rebuilds the table for a later change, and no longer looks like a stray to Django.
"""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("catalog", "0003_newest_first_indexes"),
        ("reports", "0002_report_compute_indexes"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AddIndex(
                    model_name="document",
                    index=models.Index(
                        fields=["status", "kind", "agency", "written_on", "published_on", "validity",
                                "validity_changed_on"],
                        name="reports_doc_item1",
                    ),
                ),
            ],
        ),
    ]
