"""Database triggers: the audit log refuses UPDATE and DELETE even from raw SQL.

The ORM guard (AuditEntryQuerySet) stops application code; these triggers stop
anything that reaches the database directly. One UPDATE stays allowed: setting
actor_id to NULL with every other column unchanged, which is what deleting a
user account does (on_delete=SET_NULL); the actor's name is kept in actor_name.
PostgreSQL's TRUNCATE (used by `flush` in tests) is not a row operation and is
not affected. SQLite has no TRUNCATE: `flush` there issues DELETE, so on
SQLite (development and tests only) only UPDATE is refused; dropping the table remains a schema change, outside this guard.
"""

from django.db import migrations

CONTENT = ["id", "created_at", "actor_name", "action", "agency_id", "target_type",
           "target_id", "target_repr", "reason", "data"]
CHANGED = " OR ".join(f"NEW.{c} IS DISTINCT FROM OLD.{c}" for c in CONTENT)
CHANGED_SQLITE = " OR ".join(f"NEW.{c} IS NOT OLD.{c}" for c in CONTENT)

SQLITE_UP = [
    f"""CREATE TRIGGER audit_auditentry_no_update BEFORE UPDATE ON audit_auditentry
    WHEN {CHANGED_SQLITE} OR NEW.actor_id IS NOT NULL AND NEW.actor_id IS NOT OLD.actor_id
    BEGIN SELECT RAISE(ABORT, 'audit log is append-only: UPDATE refused'); END""",
]
SQLITE_DOWN = [
    "DROP TRIGGER IF EXISTS audit_auditentry_no_update",
    "DROP TRIGGER IF EXISTS audit_auditentry_no_delete",
]

PG_UP = [
    f"""CREATE OR REPLACE FUNCTION audit_auditentry_refuse() RETURNS trigger AS $$
    BEGIN
      IF TG_OP = 'UPDATE' AND NOT ({CHANGED})
         AND NEW.actor_id IS NULL THEN
        RETURN NEW;
      END IF;
      RAISE EXCEPTION 'audit log is append-only: %% refused', TG_OP
        USING ERRCODE = 'insufficient_privilege';
    END $$ LANGUAGE plpgsql""",
    """CREATE TRIGGER audit_auditentry_append_only BEFORE UPDATE OR DELETE ON audit_auditentry
    FOR EACH ROW EXECUTE FUNCTION audit_auditentry_refuse()""",
]
PG_DOWN = [
    "DROP TRIGGER IF EXISTS audit_auditentry_append_only ON audit_auditentry",
    "DROP FUNCTION IF EXISTS audit_auditentry_refuse()",
]


def _run(statements_by_vendor):
    def run(apps, schema_editor):
        for sql in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(sql)

    return run


class Migration(migrations.Migration):
    dependencies = [("audit", "0001_initial")]

    operations = [
        migrations.RunPython(
            _run({"sqlite": SQLITE_UP, "postgresql": PG_UP}),
            _run({"sqlite": SQLITE_DOWN, "postgresql": PG_DOWN}),
        ),
    ]
