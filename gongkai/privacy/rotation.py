"""Key rotation: re-encrypt every EncryptedTextField with the first key of FIELD_ENCRYPTION_KEYS.

The procedure (README, 密钥轮换): put the new key in front of the old ones, deploy, run
`gongkai rotate_encryption_keys`, then remove the old key. A model whose rows carry blind
indexes (keyed with the first key, see `crypto.blind_index`) defines `blind_indexes()`
returning {field: value} computed from the decrypted row; the run stores the new values, so
look-ups such as "the same applicant" keep matching old rows after the old key is gone.

Rows are handled in primary-key batches, one transaction each; a row already readable with the
first key and with current blind indexes is left alone, so a second run changes nothing.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from django.apps import apps
from django.db import connections, router, transaction
from django.db.models import Model

from . import crypto
from .fields import EncryptedTextField


@dataclass
class RotationCount:
    model: str
    rows: int = 0
    reencrypted: int = 0
    reindexed: int = 0
    unreadable: list[int] = field(default_factory=list)


def encrypted_models() -> list[tuple[type[Model], list[EncryptedTextField]]]:
    """Every concrete model with at least one encrypted field, with those fields."""
    found = []
    for model in apps.get_models():
        if model._meta.proxy or not model._meta.managed:
            continue
        fields = [f for f in model._meta.concrete_fields if isinstance(f, EncryptedTextField)]
        if fields:
            found.append((model, fields))
    return found


def _raw_batches(model, fields, batch_size: int) -> Iterator[list[tuple]]:
    """(pk, stored ciphertext…) in pk order, read without the field's decryption."""
    connection = connections[router.db_for_read(model)]
    q = connection.ops.quote_name
    pk = model._meta.pk.column
    columns = ", ".join(q(f.column) for f in fields)
    sql = (f"SELECT {q(pk)}, {columns} FROM {q(model._meta.db_table)} "
           f"WHERE {q(pk)} > %s ORDER BY {q(pk)} LIMIT %s")
    last = None
    while True:
        with connection.cursor() as cursor:
            cursor.execute(sql, [last if last is not None else -1, batch_size])
            rows = cursor.fetchall()
        if not rows:
            return
        yield rows
        last = rows[-1][0]


def _rotate_batch(model, fields, raw_rows, count: RotationCount, *, dry_run: bool) -> None:
    pks = [row[0] for row in raw_rows]
    stale = {
        row[0]: [f.attname for f, value in zip(fields, row[1:], strict=True)
                 if not crypto.is_current(value)]
        for row in raw_rows
    }
    manager = model._base_manager
    try:
        instances = {obj.pk: obj for obj in manager.select_for_update().filter(pk__in=pks)}
    except crypto.DecryptionFailed:
        # One unreadable row spoils the batch query; find it by reading rows one at a time.
        instances = {}
        for pk in pks:
            try:
                instances[pk] = manager.select_for_update().get(pk=pk)
            except crypto.DecryptionFailed:
                count.unreadable.append(pk)
    for pk, obj in instances.items():
        changes = {name: getattr(obj, name) for name in stale[pk]}
        indexes = obj.blind_indexes() if hasattr(obj, "blind_indexes") else {}
        reindex = {name: value for name, value in indexes.items() if getattr(obj, name) != value}
        count.rows += 1
        count.reencrypted += bool(changes)
        count.reindexed += bool(reindex)
        if (changes or reindex) and not dry_run:
            # update() runs get_prep_value, which encrypts with the first key.
            manager.filter(pk=pk).update(**changes, **reindex)


def rotate_model(model, fields, *, batch_size: int = 500, dry_run: bool = False) -> RotationCount:
    count = RotationCount(model=model._meta.label)
    for raw_rows in _raw_batches(model, fields, batch_size):
        with transaction.atomic(using=router.db_for_write(model)):
            _rotate_batch(model, fields, raw_rows, count, dry_run=dry_run)
    return count


def rotate_all(*, batch_size: int = 500, dry_run: bool = False) -> list[RotationCount]:
    return [rotate_model(model, fields, batch_size=batch_size, dry_run=dry_run)
            for model, fields in encrypted_models()]
