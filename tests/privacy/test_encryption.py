"""Applicant identity numbers, phones and addresses are encrypted at rest."""

from __future__ import annotations

import datetime as dt

import pytest
from cryptography.fernet import Fernet
from django.core.checks import Error, Warning
from django.db import connection

from gongkai.privacy import checks, crypto
from tests.applications.factories import make_application


@pytest.fixture
def keys(settings):
    def use(*keys):
        settings.FIELD_ENCRYPTION_KEYS = list(keys)

    return use


def _raw(application, column):
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {column} FROM applications_application WHERE id = %s", [application.pk])
        return cursor.fetchone()[0]


def test_personal_fields_are_stored_as_ciphertext(agency):
    application = make_application(agency, received_on=dt.date(2021, 3, 1), phone="13812345678")
    for column, plain in (("id_number", application.id_number), ("phone", "13812345678"),
                          ("address", application.address), ("email", application.email)):
        stored = _raw(application, column)
        assert stored.startswith(crypto.PREFIX)
        assert plain not in stored
    reloaded = type(application).objects.get(pk=application.pk)
    assert reloaded.phone == "13812345678"


def test_the_first_key_encrypts_and_every_key_decrypts(keys):
    old, new = Fernet.generate_key().decode(), Fernet.generate_key().decode()
    keys(old)
    token = crypto.encrypt("110105194912310021")
    keys(new, old)
    assert crypto.decrypt(token) == "110105194912310021"
    newer = crypto.encrypt("x")
    keys(new)
    assert crypto.decrypt(newer) == "x"
    with pytest.raises(crypto.DecryptionFailed):
        crypto.decrypt(token)


def test_empty_values_stay_empty():
    assert crypto.encrypt("") == ""
    assert crypto.decrypt("") == ""


def test_deploy_check_warns_about_the_development_key(keys):
    keys()
    found = checks.check_encryption_keys_set()
    assert [m.id for m in found] == ["gongkai_privacy.W001"]
    assert isinstance(found[0], Warning)
    keys(Fernet.generate_key().decode())
    assert checks.check_encryption_keys_set() == []


def test_an_invalid_key_is_an_error(keys):
    keys("not-a-key")
    found = checks.check_encryption_keys_valid()
    assert [m.id for m in found] == ["gongkai_privacy.E001"]
    assert isinstance(found[0], Error)


def test_blind_index_depends_on_value_and_purpose():
    a = crypto.blind_index("x", purpose="applicant")
    assert a == crypto.blind_index("x", purpose="applicant")
    assert a != crypto.blind_index("y", purpose="applicant")
    assert a != crypto.blind_index("x", purpose="phone")
