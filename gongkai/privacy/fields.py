"""EncryptedTextField: ciphertext in the database, plain text in Python.

Encrypted values cannot be filtered or ordered by content; look-ups by equality go through a
separate blind-index column (see `crypto.blind_index`).
"""

from __future__ import annotations

from django.db import models

from . import crypto


class EncryptedTextField(models.TextField):
    description = "Text encrypted at rest (Fernet)"

    def from_db_value(self, value, expression, connection):
        if value is None:
            return value
        return crypto.decrypt(value)

    def to_python(self, value):
        if value is None or not isinstance(value, str):
            return value
        return crypto.decrypt(value) if crypto.is_encrypted(value) else value

    def get_prep_value(self, value):
        value = super().get_prep_value(value)
        if value is None:
            return value
        return crypto.encrypt(str(value))
