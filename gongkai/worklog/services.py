"""Writes to the work log. Each checks permission, validates, writes and audits in one
transaction, so a refused or failed change leaves nothing behind (files included).

    activity_create(actor=, agency=, data=)    record a meeting, training, inspection …
    activity_update(actor=, activity=, data=)
    activity_delete(actor=, activity=)         with its materials
    material_add(actor=, activity=, upload=)   a file checked by content (catalog.files)
    material_remove(actor=, material=)
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import transaction

from gongkai import audit
from gongkai.catalog import file_writes, files
from gongkai.worklog.audit_actions import (  # noqa: F401  (re-exported for callers)
    ACTIVITY_CREATE,
    ACTIVITY_DELETE,
    ACTIVITY_UPDATE,
    MATERIAL_ADD,
    MATERIAL_REMOVE,
)

from .models import WorkActivity, WorkMaterial, material_path
from .permissions import can_edit_activity, can_record_activity

FIELDS = ("kind", "title", "held_on", "place", "participants", "summary")


def _snapshot(activity: WorkActivity) -> dict:
    data = {f: getattr(activity, f) for f in FIELDS}
    return {k: (v.isoformat() if hasattr(v, "isoformat") else v) for k, v in data.items()}


@transaction.atomic
def activity_create(*, actor, agency, data: dict) -> WorkActivity:
    if not can_record_activity(actor, agency):
        raise PermissionDenied
    activity = WorkActivity(agency=agency, created_by=actor)
    for field in FIELDS:
        if field in data:
            setattr(activity, field, data[field])
    activity.full_clean()
    activity.save()
    audit.record(actor=actor, action=ACTIVITY_CREATE, target=activity, data=_snapshot(activity))
    return activity


@transaction.atomic
def activity_update(*, actor, activity: WorkActivity, data: dict) -> WorkActivity:
    if not can_edit_activity(actor, activity):
        raise PermissionDenied
    activity = WorkActivity.objects.select_for_update().get(pk=activity.pk)
    before = _snapshot(activity)
    for field in FIELDS:
        if field in data:
            setattr(activity, field, data[field])
    after = _snapshot(activity)
    changed = [f for f in FIELDS if before[f] != after[f]]
    if not changed:
        return activity
    activity.full_clean()
    activity.save()
    audit.record(actor=actor, action=ACTIVITY_UPDATE, target=activity,
                 data={"changed": {f: [before[f], after[f]] for f in changed}})
    return activity


def _delete_files_if_unused(names: list[tuple]) -> None:
    for storage, name in names:
        if not WorkMaterial.objects.filter(file=name).exists():
            storage.delete(name)


@transaction.atomic
def activity_delete(*, actor, activity: WorkActivity) -> None:
    if not can_edit_activity(actor, activity):
        raise PermissionDenied
    activity = WorkActivity.objects.select_for_update().get(pk=activity.pk)
    stored = [(m.file.storage, m.file.name) for m in activity.materials.all()]
    audit.record(actor=actor, action=ACTIVITY_DELETE, target=activity,
                 data={**_snapshot(activity), "materials": len(stored)})
    activity.delete()
    transaction.on_commit(lambda: _delete_files_if_unused(stored))


def material_add(*, actor, activity: WorkActivity, upload) -> WorkMaterial:
    """Check an uploaded file by content (see `catalog.files.inspect_upload`), store it by hash."""
    if not can_edit_activity(actor, activity):
        raise PermissionDenied
    data, inspected = files.read_upload(upload, max_bytes=settings.GONGKAI_ATTACHMENT_MAX_BYTES)
    with transaction.atomic(), file_writes.removed_on_failure():
        activity = WorkActivity.objects.select_for_update().get(pk=activity.pk)
        material = WorkMaterial(
            activity=activity, original_name=inspected.name, content_type=inspected.content_type,
            size=inspected.size, sha256=inspected.sha256, uploaded_by=actor,
        )
        file_writes.save_by_hash(material.file, material_path(material, inspected.name), data)
        material.save()
        audit.record(actor=actor, action=MATERIAL_ADD, target=activity,
                     data={"name": inspected.name, "size": inspected.size,
                           "sha256": inspected.sha256})
    return material


@transaction.atomic
def material_remove(*, actor, material: WorkMaterial) -> None:
    activity = material.activity
    if not can_edit_activity(actor, activity):
        raise PermissionDenied
    stored = [(material.file.storage, material.file.name)]
    audit.record(actor=actor, action=MATERIAL_REMOVE, target=activity,
                 data={"name": material.original_name, "sha256": material.sha256})
    material.delete()
    transaction.on_commit(lambda: _delete_files_if_unused(stored))
