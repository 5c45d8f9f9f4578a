"""Symmetric encryption of single field values with Fernet (AES-128-CBC + HMAC-SHA256).

Keys come from settings.FIELD_ENCRYPTION_KEYS (read by settings from the environment variable
of the same name): a list of url-safe base64 Fernet keys, the first used to encrypt, all tried
to decrypt. Without keys a fixed development key is used — fine for the demo and the tests,
never for a deployment (check gongkai_privacy.W001).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
from functools import lru_cache

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings

# Derived from a public string on purpose: it protects nothing and must never be used for real data.
DEVELOPMENT_KEY = base64.urlsafe_b64encode(
    hashlib.sha256(b"gongkai development field key - not secret").digest()
).decode()
PREFIX = "fernet:"


class DecryptionFailed(Exception):
    """A stored value could not be decrypted with any configured key."""


def configured_keys() -> list[str]:
    keys = getattr(settings, "FIELD_ENCRYPTION_KEYS", None) or []
    if isinstance(keys, str):
        keys = [k.strip() for k in keys.split(",") if k.strip()]
    return list(keys)


def using_development_key() -> bool:
    return not configured_keys()


@lru_cache(maxsize=8)
def _multifernet(keys: tuple[str, ...]) -> MultiFernet:
    return MultiFernet([Fernet(key.encode()) for key in keys])


def _cipher() -> MultiFernet:
    return _multifernet(tuple(configured_keys() or [DEVELOPMENT_KEY]))


def encrypt(value: str) -> str:
    """Ciphertext of `value` (empty stays empty, so blank fields need no key)."""
    if not value:
        return ""
    return PREFIX + _cipher().encrypt(value.encode("utf-8")).decode("ascii")


def decrypt(token: str) -> str:
    """Plain text of a value written by `encrypt()`; values without the prefix pass through."""
    if not token:
        return ""
    if not token.startswith(PREFIX):
        return token
    try:
        return _cipher().decrypt(token[len(PREFIX):].encode("ascii")).decode("utf-8")
    except InvalidToken as exc:
        raise DecryptionFailed("字段解密失败：没有可用的密钥") from exc


def is_encrypted(value: str) -> bool:
    return bool(value) and value.startswith(PREFIX)


def is_current(token: str) -> bool:
    """Whether a stored value needs no re-encryption: empty, or readable with the first key.

    Fernet tokens do not name their key, so the only test is decrypting with the first alone.
    """
    if not token:
        return True
    if not is_encrypted(token):
        return False
    primary = _multifernet(tuple((configured_keys() or [DEVELOPMENT_KEY])[:1]))
    try:
        primary.decrypt(token[len(PREFIX):].encode("ascii"))
    except InvalidToken:
        return False
    return True


def blind_index(value: str, *, purpose: str) -> str:
    """A keyed hash of `value` for equality look-ups (e.g. "the same applicant this month").

    Keyed with the current encryption key (or the development key) and `purpose`, so hashes of
    one purpose cannot be matched against another's. Rotating the first key means recomputing
    the stored indexes: `rotate_encryption_keys` calls each model's `blind_indexes()`.
    """
    key = (configured_keys() or [DEVELOPMENT_KEY])[0].encode()
    message = f"{purpose}\x00{value}".encode()
    return hmac.new(key, message, hashlib.sha256).hexdigest()
