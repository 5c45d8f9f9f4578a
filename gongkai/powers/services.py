"""Writes to the 权责清单. Each checks permission, validates, writes the item and its change
record (with the decision that made it) and audits, in one transaction.

    item_create(actor=, agency=, data=, decision=, decided_on=)
    item_adjust(actor=, item=, data=, decision=, decided_on=)
    item_abolish(actor=, item=, decision=, decided_on=)
    chart_set(actor=, item=, upload=)                    PDF or image, checked by content
    items_import(actor=, agency=, filename=, content=, decision=, decided_on=)
        a bad row anywhere imports nothing; every bad row is reported with its line
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from gongkai import audit, spreadsheet
from gongkai.catalog import file_writes, files
from gongkai.powers.audit_actions import (  # noqa: F401  (re-exported for callers)
    ITEM_ABOLISH,
    ITEM_ADJUST,
    ITEM_CHART,
    ITEM_CREATE,
    ITEMS_IMPORT,
)

from .models import ChangeKind, PowerItem, PowerItemChange, PowerStatus, chart_path
from .permissions import can_keep_powers
from .tables import MAX_ROWS, RowError, parse_rows

FIELDS = ("category", "code", "name", "legal_basis", "implementing_body", "risk_points",
          "controls", "supervision_rules")
CHART_KINDS = (files.PDF, files.PNG, files.JPEG)
IMPORT_MAX_BYTES = 5 * 1024 * 1024


def _require_decision(decision: str, decided_on) -> str:
    decision = (decision or "").strip()
    if not decision or decided_on is None:
        raise ValidationError(_("请填写调整依据（决定的文号或名称）和决定日期：权责清单的每次调整都随决定公布。"),
                              code="decision_required")
    return decision


def _change(item, kind, decision, decided_on, actor, fields=None) -> PowerItemChange:
    return PowerItemChange.objects.create(item=item, kind=kind, decision=decision,
                                          decided_on=decided_on, fields=fields or {}, actor=actor)


@transaction.atomic
def item_create(*, actor, agency, data: dict, decision: str,
                decided_on: datetime.date) -> PowerItem:
    if not can_keep_powers(actor, agency):
        raise PermissionDenied
    decision = _require_decision(decision, decided_on)
    item = PowerItem(agency=agency, **{f: data[f] for f in FIELDS if f in data})
    item.full_clean()
    item.save()
    _change(item, ChangeKind.ADDED, decision, decided_on, actor)
    audit.record(actor=actor, action=ITEM_CREATE, target=item,
                 data={"code": item.code, "decision": decision})
    return item


@transaction.atomic
def item_adjust(*, actor, item: PowerItem, data: dict, decision: str,
                decided_on: datetime.date) -> PowerItem:
    if not can_keep_powers(actor, item.agency_id):
        raise PermissionDenied
    decision = _require_decision(decision, decided_on)
    item = PowerItem.objects.select_for_update().get(pk=item.pk)
    if item.status != PowerStatus.ACTIVE:
        raise ValidationError(_("该事项已取消，不能调整。"), code="abolished")
    changed = {f: [getattr(item, f), data[f]] for f in FIELDS
               if f in data and data[f] != getattr(item, f)}
    if not changed:
        return item
    for name, (_before, after) in changed.items():
        setattr(item, name, after)
    item.full_clean()
    item.save()
    _change(item, ChangeKind.ADJUSTED, decision, decided_on, actor, changed)
    audit.record(actor=actor, action=ITEM_ADJUST, target=item,
                 data={"code": item.code, "decision": decision, "fields": sorted(changed)})
    return item


@transaction.atomic
def item_abolish(*, actor, item: PowerItem, decision: str, decided_on: datetime.date) -> PowerItem:
    if not can_keep_powers(actor, item.agency_id):
        raise PermissionDenied
    decision = _require_decision(decision, decided_on)
    item = PowerItem.objects.select_for_update().get(pk=item.pk)
    if item.status == PowerStatus.ABOLISHED:
        raise ValidationError(_("该事项已取消。"), code="abolished")
    item.status = PowerStatus.ABOLISHED
    item.save(update_fields=["status", "updated_at"])
    _change(item, ChangeKind.ABOLISHED, decision, decided_on, actor)
    audit.record(actor=actor, action=ITEM_ABOLISH, target=item,
                 data={"code": item.code, "decision": decision})
    return item


def chart_set(*, actor, item: PowerItem, upload) -> PowerItem:
    if not can_keep_powers(actor, item.agency_id):
        raise PermissionDenied
    data, inspected = files.read_upload(upload, max_bytes=settings.GONGKAI_ATTACHMENT_MAX_BYTES)
    if inspected.kind not in CHART_KINDS:
        raise ValidationError(_("流程图须为 PDF、PNG 或 JPEG 文件。"), code="chart_kind")
    with transaction.atomic(), file_writes.removed_on_failure():
        item = PowerItem.objects.select_for_update().get(pk=item.pk)
        item.chart_sha256, item.chart_name = inspected.sha256, inspected.name
        item.chart_content_type = inspected.content_type
        file_writes.save_by_hash(item.chart, chart_path(item, inspected.name), data)
        item.save()
        audit.record(actor=actor, action=ITEM_CHART, target=item,
                     data={"name": inspected.name, "sha256": inspected.sha256})
    return item


@dataclass
class ImportResult:
    created: int = 0
    adjusted: int = 0
    unchanged: int = 0
    errors: list[RowError] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


def items_import(*, actor, agency, filename: str, content: bytes, decision: str,
                 decided_on: datetime.date) -> ImportResult:
    """Import a whole list: new codes are added, known codes adjusted, others left alone.
    Any bad row (or a row the model refuses) and nothing is imported."""
    if not can_keep_powers(actor, agency):
        raise PermissionDenied
    decision = _require_decision(decision, decided_on)
    try:
        lines = spreadsheet.read_table(filename, content, max_bytes=IMPORT_MAX_BYTES,
                                       max_lines=MAX_ROWS)
    except ValueError as exc:
        return ImportResult(errors=[RowError(0, str(exc))])
    parsed = parse_rows(lines)
    if parsed.errors:
        return ImportResult(errors=parsed.errors)
    result = ImportResult()
    with transaction.atomic():
        existing = {i.code: i for i in PowerItem.objects.select_for_update().filter(agency=agency)}
        for line, row in parsed.rows:
            item = existing.get(row["code"])
            try:
                if item is None:
                    item_create(actor=actor, agency=agency, data=row, decision=decision,
                                decided_on=decided_on)
                    result.created += 1
                elif item.status == PowerStatus.ABOLISHED:
                    result.errors.append(RowError(line, _("事项编码“%(code)s”的事项已取消，不能通过导入恢复") % {
                        "code": row["code"]}))
                else:
                    adjusted = item_adjust(actor=actor, item=item, data=row, decision=decision,
                                           decided_on=decided_on)
                    if adjusted.updated_at != item.updated_at:
                        result.adjusted += 1
                    else:
                        result.unchanged += 1
            except ValidationError as exc:
                result.errors.append(RowError(line, "；".join(exc.messages)))
        if result.errors:
            transaction.set_rollback(True)
            return ImportResult(errors=result.errors)
        audit.record(actor=actor, action=ITEMS_IMPORT, target=agency,
                     data={"file": filename[:100], "created": result.created,
                           "adjusted": result.adjusted, "decision": decision})
    return result
