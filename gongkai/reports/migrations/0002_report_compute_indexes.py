"""Covering indexes for the report computation (gongkai.reports.compute).

The tables belong to the applications and catalog apps; the indexes are created here, by the
app whose queries need them, with plain SQL that SQLite and PostgreSQL both accept. They let
the grouped queries read one narrow index instead of the wide rows (bench/report_compute.py):

- requests: (agency, received_on, closed_on, applicant_type, outcome) — every column table 三
  groups and filters on, so one agency's year is one index range;
- documents: (status, kind, agency, dates, validity) — only published 规章/规范性文件 are read.

The owning models declare these indexes too, and applications 0003 / catalog 0004 add them to
Django's migration state, so that a table SQLite rebuilds keeps them.
"""

from django.db import migrations

INDEXES = {
    "reports_app_year": (
        "applications_application",
        "agency_id, received_on, closed_on, applicant_type, outcome",
    ),
    "reports_doc_item1": (
        "catalog_document",
        "status, kind, agency_id, written_on, published_on, validity, validity_changed_on",
    ),
}


class Migration(migrations.Migration):
    dependencies = [
        ("reports", "0001_initial"),
        ("applications", "0001_initial"),
        ("catalog", "0001_initial"),
    ]

    operations = [
        migrations.RunSQL(
            sql=f"CREATE INDEX IF NOT EXISTS {name} ON {table} ({columns})",
            reverse_sql=f"DROP INDEX IF EXISTS {name}",
        )
        for name, (table, columns) in INDEXES.items()
    ]
