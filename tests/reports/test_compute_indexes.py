"""The covering indexes of the report computation exist, and Django's migration state knows them.

Reports migrations 0002/0003 create them with SQL on tables the applications and catalog apps
own. An index the state does not know is dropped without a word when a later migration makes
SQLite rebuild its table; declared on the owning models, it is rebuilt with the table.
"""

from __future__ import annotations

import pytest
from django.core.management import call_command
from django.db import connection
from django.db.migrations.loader import MigrationLoader

pytestmark = pytest.mark.django_db

REPORT_INDEXES = [
    (("applications", "application"), {"reports_app_year", "reports_app_group"}),
    (("catalog", "document"), {"reports_doc_item1"}),
]


# Ids from the model alone: a set's order differs between processes, and xdist's workers must
# collect the same test names.
@pytest.mark.parametrize(("model", "names"), REPORT_INDEXES, ids=[".".join(m) for m, _ in REPORT_INDEXES])
def test_the_report_indexes_are_in_the_database_and_in_the_migration_state(model, names):
    state = MigrationLoader(connection).project_state()
    historical = state.apps.get_model(*model)
    assert names <= {index.name for index in historical._meta.indexes}
    with connection.cursor() as cursor:
        found = connection.introspection.get_constraints(cursor, historical._meta.db_table)
    assert names <= {name for name, info in found.items() if info["index"]}


def test_the_models_and_the_migrations_agree():
    call_command("makemigrations", "--check", "--dry-run", verbosity=0)
