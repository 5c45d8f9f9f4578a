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


def test_raw_sql_delete_of_an_audit_entry_is_refused(entry):
    if connection.vendor == "sqlite":
        pytest.skip("SQLite flush uses DELETE; the DELETE trigger is PostgreSQL-only")
    with pytest.raises(DatabaseError):
        _raw("DELETE FROM audit_auditentry WHERE id = %s", [entry.pk])
    assert AuditEntry.objects.count() == 1


def test_deleting_the_actor_account_keeps_the_entry_and_its_actor_name(entry):
    name = entry.actor_name
    _raw("UPDATE audit_auditentry SET actor_id = NULL WHERE id = %s", [entry.pk])
    entry.refresh_from_db()
    assert entry.actor_id is None and entry.actor_name == name


def test_pointing_an_entry_at_another_actor_is_refused(entry):
    other = UserFactory()
    with pytest.raises(DatabaseError):
        _raw("UPDATE audit_auditentry SET actor_id = %s WHERE id = %s", [other.pk, entry.pk])
