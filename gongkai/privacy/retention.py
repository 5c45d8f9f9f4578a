"""Erasure of personal data after the retention period (《个人信息保护法》第十九条、第四十七条).

A model that holds personal data of finished matters declares
- `ERASED_PERSONAL_DATA`: {field: value written over it} — names become `ERASED`, numbers,
  phones and addresses empty;
- a nullable `personal_data_erased_at` timestamp;
- `objects.personal_data_expired(closed_before)`: the rows closed before that day and not
  yet erased;
- optionally `PERSONAL_DATA_FILES`: related names of rows holding files addressed to the person
  (a request's reply files): those rows are deleted and their files removed from storage once
  the erasure has committed.
Everything else on the row (types, dates, outcome codes, agency, fees) stays, so statistics
and published annual reports never change. `gongkai erase_personal_data` runs this.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.apps import apps
from django.conf import settings
from django.db import router, transaction
from django.db.models import FileField, Model
from django.utils import timezone

# Written over names; stored data, so not passed through gettext.
ERASED = "已删除"


@dataclass
class ErasureCount:
    model: str
    erased: int = 0
    files: int = 0


def retention_cutoff(today: datetime.date, days: int | None = None) -> datetime.date:
    """Rows closed before this day have been kept longer than the retention period."""
    days = settings.PERSONAL_DATA_RETENTION_DAYS if days is None else days
    return today - datetime.timedelta(days=days)


def models_with_personal_data() -> list[type[Model]]:
    return [model for model in apps.get_models() if hasattr(model, "ERASED_PERSONAL_DATA")]


def erase_model(model, *, closed_before: datetime.date, batch_size: int = 500,
                dry_run: bool = False) -> ErasureCount:
    count = ErasureCount(model=model._meta.label)
    expired = model._default_manager.personal_data_expired(closed_before)
    if dry_run:
        count.erased = expired.count()
        count.files = sum(rows.count() for rows in _file_rows(model, expired.values("pk")))
        return count
    erased_at = timezone.now()
    while True:
        using = router.db_for_write(model)
        with transaction.atomic(using=using):
            batch = list(expired.order_by("pk").select_for_update().values_list("pk", flat=True)[:batch_size])
            if not batch:
                return count
            count.erased += model._base_manager.filter(pk__in=batch).update(
                **model.ERASED_PERSONAL_DATA, personal_data_erased_at=erased_at)
            count.files += _delete_files(model, batch, using=using)


def _file_rows(model, owners) -> list:
    """Querysets of the rows in `model.PERSONAL_DATA_FILES` that belong to `owners`."""
    querysets = []
    for related_name in getattr(model, "PERSONAL_DATA_FILES", ()):
        relation = model._meta.get_field(related_name)
        querysets.append(relation.related_model._base_manager.filter(
            **{f"{relation.field.name}__in": owners}))
    return querysets


def _delete_files(model, owners: list[int], *, using: str) -> int:
    deleted = 0
    for rows in _file_rows(model, owners):
        file_fields = [f.name for f in rows.model._meta.fields if isinstance(f, FileField)]
        stored = [getattr(row, name) for row in rows for name in file_fields]
        stored = [(f.storage, f.name) for f in stored if f]
        deleted += rows.delete()[0]
        # Removed from storage only once the rows are gone for good: a rollback keeps both.
        transaction.on_commit(lambda stored=stored: _remove(stored), using=using)
    return deleted


def _remove(stored: list) -> None:
    for storage, name in stored:
        storage.delete(name)


def erase_all(*, closed_before: datetime.date, batch_size: int = 500,
              dry_run: bool = False) -> list[ErasureCount]:
    return [erase_model(model, closed_before=closed_before, batch_size=batch_size, dry_run=dry_run)
            for model in models_with_personal_data()]
