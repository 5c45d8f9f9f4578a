"""Django's state learns the indexes that reports migrations 0002 and 0003 created with SQL on
this table.

No SQL runs: the indexes exist already. Declared on the Application model, they are kept when
SQLite rebuilds the table for a later change, and no longer look like strays to Django.
"""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("applications", "0002_personal_data_erased_at"),
        ("reports", "0003_report_group_index"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AddIndex(
                    model_name="application",
                    index=models.Index(
                        fields=["agency", "received_on", "closed_on", "applicant_type", "outcome"],
                        name="reports_app_year",
                    ),
                ),
                migrations.AddIndex(
                    model_name="application",
                    index=models.Index(
                        fields=["applicant_type", "outcome", "received_on", "closed_on", "agency"],
                        name="reports_app_group",
                    ),
                ),
            ],
        ),
    ]
