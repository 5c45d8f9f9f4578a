"""`gongkai rotate_encryption_keys`: new key first, rotate, old key out — everything still reads."""

from __future__ import annotations

import datetime as dt

import pytest
from cryptography.fernet import Fernet
from django.core.management import CommandError, call_command
from django.db import connection

from gongkai.applications.models import Application
from gongkai.applications.services.intake import applicant_key
from gongkai.audit.models import AuditEntry
from gongkai.privacy import crypto
from tests.applications.factories import make_application

OLD, NEW = Fernet.generate_key().decode(), Fernet.generate_key().decode()
COLUMNS = ("id_number", "phone", "email", "address")


def _raw(pk: int) -> dict[str, str]:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {', '.join(COLUMNS)}, applicant_key FROM applications_application "
                       "WHERE id = %s", [pk])
        return dict(zip((*COLUMNS, "applicant_key"), cursor.fetchone(), strict=True))


@pytest.fixture
def old_rows(agency, settings):
    settings.FIELD_ENCRYPTION_KEYS = [OLD]
    return [make_application(agency, received_on=dt.date(2021, 3, day), phone=f"1381234567{day}")
            for day in (1, 2, 3)]


def _rotate(*args) -> str:
    from io import StringIO

    out = StringIO()
    call_command("rotate_encryption_keys", "--batch-size", "2", *args, stdout=out)
    return out.getvalue()


def test_rotation_then_removing_the_old_key_keeps_every_row_readable(old_rows, settings):
    before = {a.pk: _raw(a.pk) for a in old_rows}
    plain = {a.pk: (a.id_number, a.phone, a.email, a.address) for a in old_rows}

    settings.FIELD_ENCRYPTION_KEYS = [NEW, OLD]
    output = _rotate()
    assert "已重新加密 3 行" in output
    settings.FIELD_ENCRYPTION_KEYS = [NEW]

    for pk, values in plain.items():
        after = _raw(pk)
        for column in COLUMNS:
            assert after[column] != before[pk][column]
            assert crypto.is_current(after[column]) is True
        row = Application.objects.get(pk=pk)
        assert (row.id_number, row.phone, row.email, row.address) == values

    settings.FIELD_ENCRYPTION_KEYS = [OLD]
    with pytest.raises(crypto.DecryptionFailed):
        Application.objects.get(pk=old_rows[0].pk)


def test_rotation_recomputes_the_applicant_key_so_the_same_applicant_is_still_found(old_rows, settings):
    application = old_rows[0]
    settings.FIELD_ENCRYPTION_KEYS = [NEW, OLD]
    new_key = applicant_key(application.id_type, application.id_number)
    assert not Application.objects.filter(applicant_key=new_key).exists()

    _rotate()
    settings.FIELD_ENCRYPTION_KEYS = [NEW]

    assert list(Application.objects.filter(applicant_key=new_key)) == [application]


def test_a_second_run_changes_nothing_and_both_runs_are_audited(old_rows, settings):
    settings.FIELD_ENCRYPTION_KEYS = [NEW, OLD]
    _rotate()
    after_first = {a.pk: _raw(a.pk) for a in old_rows}

    output = _rotate()

    assert "已重新加密 0 行" in output and "重算索引 0 行" in output
    assert {a.pk: _raw(a.pk) for a in old_rows} == after_first
    entries = AuditEntry.objects.filter(action="privacy.rotate_keys").order_by("id")
    assert [e.data["reencrypted"] for e in entries] == [3, 0]


def test_dry_run_counts_without_writing(old_rows, settings):
    before = {a.pk: _raw(a.pk) for a in old_rows}
    settings.FIELD_ENCRYPTION_KEYS = [NEW, OLD]

    output = _rotate("--dry-run")

    assert "需重新加密 3 行" in output
    assert {a.pk: _raw(a.pk) for a in old_rows} == before
    assert not AuditEntry.objects.filter(action="privacy.rotate_keys").exists()


def test_rows_no_key_can_read_stop_the_run_with_their_ids(old_rows, settings):
    settings.FIELD_ENCRYPTION_KEYS = [NEW]  # the old key was dropped before rotating

    with pytest.raises(CommandError, match="请勿删除旧密钥"):
        _rotate()

    entry = AuditEntry.objects.get(action="privacy.rotate_keys")
    assert entry.data["unreadable"] == 3
