"""Files written to storage by a service that may still fail afterwards.

A database rollback cannot take back a file. Inside `removed_on_failure()` (a context manager
or a decorator, placed inside `transaction.atomic`), every file recorded with `written()` —
by the service itself or by services it calls — is deleted again if the block raises, so a
failed publication or reply leaves no file without its row. Blocks nest: a block that
succeeds hands its files to the enclosing block, which may still fail.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from contextvars import ContextVar

from django.core.files.base import ContentFile
from django.core.files.storage import Storage
from django.db.models.fields.files import FieldFile

_OPEN: ContextVar[tuple[list[tuple[Storage, str]], ...]] = ContextVar("file_writes", default=())


@contextlib.contextmanager
def removed_on_failure() -> Iterator[None]:
    files: list[tuple[Storage, str]] = []
    token = _OPEN.set((*_OPEN.get(), files))
    try:
        yield
    except BaseException:
        for storage, name in reversed(files):
            storage.delete(name)
        raise
    finally:
        _OPEN.reset(token)
    enclosing = _OPEN.get()
    if enclosing:
        enclosing[-1].extend(files)


def written(storage: Storage, name: str) -> None:
    """Record a file just saved, for deletion if the enclosing block fails."""
    scopes = _OPEN.get()
    if scopes:
        scopes[-1].append((storage, name))


def save_by_hash(field_file: FieldFile, path: str, data: bytes) -> None:
    """Point `field_file` at `path` (a content-addressed name), writing the file only if it is
    not stored yet; a file written here is removed again if the enclosing block fails."""
    storage = field_file.storage
    if storage.exists(path):
        field_file.name = path
        return
    field_file.name = storage.save(path, ContentFile(data))
    written(storage, field_file.name)
