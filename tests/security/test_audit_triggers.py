"""The audit table refuses UPDATE and DELETE from raw SQL (database triggers)."""

import pytest
from django.db import DatabaseError, connection, transaction

from gongkai import audit
from gongkai.audit.models import AuditEntry
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def entry(agency):
    actor = UserFactory()
    audit.record(actor=actor, action=next(iter(_codes())), target=agency, agency=agency, reason="原因")
    return AuditEntry.objects.get()


def _codes():
    from gongkai.audit import actions

    return actions.all_actions()


def _raw(sql, params):
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(sql, params)


def test_raw_sql_update_of_an_audit_entry_is_refused(entry):
    with pytest.raises(DatabaseError):
        _raw("UPDATE audit_auditentry SET reason = %s WHERE id = %s", ["改写", entry.pk])
    assert AuditEntry.objects.get().reason == "原因"


@pytest.mark.parametrize("sql", [
    "DELETE FROM audit_auditentry WHERE id = %s",
    "DELETE FROM audit_auditentry WHERE id = %s OR 1 = 1",
])
def test_raw_sql_delete_of_an_audit_entry_is_refused(entry, sql):
    with pytest.raises(DatabaseError):
        _raw(sql, [entry.pk])
    assert AuditEntry.objects.count() == 1


@pytest.mark.parametrize("verb", ["INSERT OR REPLACE", "REPLACE"])
def test_sqlite_insert_or_replace_cannot_rewrite_an_entry(entry, verb):
    if connection.vendor != "sqlite":
        pytest.skip("SQLite syntax; PostgreSQL has no REPLACE and refuses a duplicate id by key")
    columns = "id, created_at, actor_name, action, agency_id, target_type, target_id, target_repr, reason, data"
    with pytest.raises(DatabaseError):
        _raw(f"{verb} INTO audit_auditentry ({columns}) SELECT id, created_at, actor_name, action, "
             f"agency_id, target_type, target_id, target_repr, '改写', data FROM audit_auditentry "
             f"WHERE id = %s", [entry.pk])
    assert AuditEntry.objects.get().reason == "原因"


def test_sqlite_upsert_cannot_rewrite_an_entry(entry):
    if connection.vendor != "sqlite":
        pytest.skip("SQLite upsert syntax")
    with pytest.raises(DatabaseError):
        _raw("INSERT INTO audit_auditentry (id, created_at, actor_name, action, target_type, target_id, "
             "target_repr, reason, data) VALUES (%s, '2020-01-01', 'x', 'x', '', '', '', 'x', '{}') "
             "ON CONFLICT(id) DO UPDATE SET reason = '改写'", [entry.pk])
    assert AuditEntry.objects.get().reason == "原因"


def test_sqlite_delete_is_refused_outside_the_site_too(entry, tmp_path):
    """A bare sqlite3 shell has no guard function: DELETE fails (the audit table and its
    triggers, as migrated, rebuilt in a scratch file)."""
    if connection.vendor != "sqlite":
        pytest.skip("SQLite file")
    import sqlite3

    with connection.cursor() as cursor:
        cursor.execute("SELECT sql FROM sqlite_master WHERE tbl_name = 'audit_auditentry' "
                       "AND type IN ('table', 'trigger') ORDER BY type = 'trigger'")
        schema = [row[0] for row in cursor.fetchall()]
    assert len(schema) == 4  # the table; UPDATE, DELETE and INSERT-over-an-id triggers
    shell = sqlite3.connect(tmp_path / "scratch.sqlite3")
    try:
        for sql in schema:
            shell.execute(sql)
        shell.execute("INSERT INTO audit_auditentry (created_at, actor_name, action, target_type, "
                      "target_id, target_repr, reason, data) VALUES ('2026-01-01', 'x', 'x', '', '', '', "
                      "'原因', '{}')")
        with pytest.raises(sqlite3.OperationalError, match="no such function"):
            shell.execute("DELETE FROM audit_auditentry")
        assert shell.execute("SELECT count(*) FROM audit_auditentry").fetchone()[0] == 1
    finally:
        shell.close()


def test_sqlite_connections_fire_delete_triggers_on_replace(db):
    if connection.vendor != "sqlite":
        pytest.skip("SQLite pragma")
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA recursive_triggers")
        assert cursor.fetchone()[0] == 1


def test_new_entries_are_still_written(entry):
    audit.record(actor=None, action=next(iter(_codes())), reason="第二条")
    assert AuditEntry.objects.count() == 2


def test_deleting_the_actor_account_keeps_the_entry_and_its_actor_name(entry):
    name = entry.actor_name
    _raw("UPDATE audit_auditentry SET actor_id = NULL WHERE id = %s", [entry.pk])
    entry.refresh_from_db()
    assert entry.actor_id is None and entry.actor_name == name


def test_pointing_an_entry_at_another_actor_is_refused(entry):
    other = UserFactory()
    with pytest.raises(DatabaseError):
        _raw("UPDATE audit_auditentry SET actor_id = %s WHERE id = %s", [other.pk, entry.pk])
