"""SQLite: the audit log refuses DELETE and an INSERT over an existing id, as PostgreSQL
refuses UPDATE and DELETE (0002). See gongkai/audit/sqlite_guard.py for why each holds."""

from django.db import migrations

from gongkai.audit.sqlite_guard import FUNCTION

SQLITE_UP = [
    f"""CREATE TRIGGER audit_auditentry_no_delete BEFORE DELETE ON audit_auditentry
    WHEN NOT {FUNCTION}()
    BEGIN SELECT RAISE(ABORT, 'audit log is append-only: DELETE refused'); END""",
    """CREATE TRIGGER audit_auditentry_no_replace BEFORE INSERT ON audit_auditentry
    WHEN EXISTS (SELECT 1 FROM audit_auditentry WHERE id = NEW.id)
    BEGIN SELECT RAISE(ABORT, 'audit log is append-only: INSERT over an existing entry refused'); END""",
]
SQLITE_DOWN = [
    "DROP TRIGGER IF EXISTS audit_auditentry_no_delete",
    "DROP TRIGGER IF EXISTS audit_auditentry_no_replace",
]


def _run(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "sqlite":
            for sql in statements:
                schema_editor.execute(sql)

    return run


class Migration(migrations.Migration):
    dependencies = [("audit", "0002_audit_triggers")]

    operations = [migrations.RunPython(_run(SQLITE_UP), _run(SQLITE_DOWN))]
