"""Writes to the 双公示 records. Each checks permission, validates, writes and audits in one
transaction; the audit data never holds the party's name or number.

    decision_create(actor=, agency=, data=, publish=False)   due date from the agency's deadline
    decision_update(actor=, decision=, data=)                a blank number keeps the stored one
    decision_publish(actor=, decision=)
    decisions_import(actor=, agency=, filename=, content=, publish=)
    fee_create(actor=, agency=, data=) / fee_update(actor=, fee=, data=)
    fees_import(actor=, agency=, filename=, content=)
        a bad row anywhere imports nothing; every bad row is reported with its line
    publication_deadline_set(actor=, agency=, workdays=)     unpublished decisions re-dated
    decision_deadlines_recompute(years=)                     receiver of workdays.schedule_changed
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from gongkai import audit, spreadsheet
from gongkai.powers.audit_actions import (
    DECISION_CREATE,
    DECISION_PUBLISH,
    DECISION_UPDATE,
    DECISIONS_IMPORT,
    FEE_CREATE,
    FEE_UPDATE,
    FEES_IMPORT,
    PUBLICATION_DEADLINE_SET,
)
from gongkai.workdays import due_period

from ..models import (
    DEFAULT_PUBLICATION_WORKDAYS,
    Decision,
    FeeRecord,
    PowerItem,
    PublicationSetting,
)
from ..permissions import can_keep_decisions, can_set_publication_deadline
from ..tables import RowError
from . import tables
from .validators import clean_party_id

IMPORT_MAX_BYTES = 5 * 1024 * 1024
DECISION_FIELDS = ("item", "kind", "document_no", "party_type", "party_name", "party_id_number",
                   "facts", "basis", "content", "penalty_kind", "fine_amount", "decided_on",
                   "valid_from", "valid_until", "deciding_body")
FEE_FIELDS = ("item", "year", "name", "basis", "standard", "amount")


def publication_workdays(agency) -> int:
    setting = PublicationSetting.objects.filter(agency=agency).first()
    return setting.workdays if setting else DEFAULT_PUBLICATION_WORKDAYS


def _set_due(decision: Decision, workdays: int) -> None:
    """双公示: published within `workdays` working days of the decision (自作出决定之日起). A year
    without a holiday schedule is assumed and the date marked 暂定 until it is entered."""
    period = due_period(decision.decided_on, workdays, provisional=True)
    decision.due_on, decision.due_provisional = period.due, period.is_provisional


def _check_party(decision: Decision) -> None:
    try:
        decision.party_id_number = clean_party_id(decision.party_type, decision.party_id_number,
                                                  today=timezone.localdate())
    except ValidationError as exc:
        raise ValidationError({"party_id_number": exc.error_list}) from exc


def _check_date(decision: Decision) -> None:
    if decision.decided_on and decision.decided_on > timezone.localdate():
        raise ValidationError({"decided_on": ValidationError(_("决定日期不能晚于今天。"),
                                                             code="decided_in_future")})


def _validate(decision: Decision) -> None:
    _check_party(decision)
    _check_date(decision)
    if decision.item_id:  # the kind of a decision is the category of its item
        decision.kind = decision.item.category
    decision.full_clean()


def _publish(decision: Decision, actor) -> None:
    decision.published_at, decision.published_by = timezone.now(), actor


@transaction.atomic
def decision_create(*, actor, agency, data: dict, publish: bool = False) -> Decision:
    if not can_keep_decisions(actor, agency):
        raise PermissionDenied
    decision = Decision(agency=agency, created_by=actor,
                        **{f: data[f] for f in DECISION_FIELDS if f in data})
    if not decision.deciding_body:
        decision.deciding_body = agency.name
    _validate(decision)
    _set_due(decision, publication_workdays(agency))
    if publish:
        _publish(decision, actor)
    decision.save()
    audit.record(actor=actor, action=DECISION_CREATE, target=decision,
                 data={"document_no": decision.document_no, "kind": decision.kind,
                       "published": publish})
    return decision


@transaction.atomic
def decision_update(*, actor, decision: Decision, data: dict) -> Decision:
    """A correction; the stored identity number stays when `party_id_number` is blank."""
    if not can_keep_decisions(actor, decision.agency_id):
        raise PermissionDenied
    decision = Decision.objects.select_for_update().get(pk=decision.pk)
    if not (data.get("party_id_number") or "").strip():
        data = {k: v for k, v in data.items() if k != "party_id_number"}
    changed = sorted(f for f in DECISION_FIELDS if f in data and data[f] != getattr(decision, f))
    if not changed:
        return decision
    for name in changed:
        setattr(decision, name, data[name])
    _validate(decision)
    if "decided_on" in changed and not decision.is_published:
        _set_due(decision, publication_workdays(decision.agency_id))
    decision.save()
    audit.record(actor=actor, action=DECISION_UPDATE, target=decision,
                 data={"document_no": decision.document_no, "fields": changed})
    return decision


@transaction.atomic
def decision_publish(*, actor, decision: Decision) -> Decision:
    if not can_keep_decisions(actor, decision.agency_id):
        raise PermissionDenied
    decision = Decision.objects.select_for_update().get(pk=decision.pk)
    if decision.is_published:
        raise ValidationError(_("该决定已经公示。"), code="already_published")
    _publish(decision, actor)
    decision.save(update_fields=["published_at", "published_by", "updated_at"])
    audit.record(actor=actor, action=DECISION_PUBLISH, target=decision,
                 data={"document_no": decision.document_no, "late": decision.published_late})
    return decision


@dataclass
class ImportResult:
    created: int = 0
    errors: list[RowError] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


def _read(filename: str, content: bytes):
    return spreadsheet.read_table(filename, content, max_bytes=IMPORT_MAX_BYTES,
                                  max_lines=tables.MAX_ROWS)


def _items(agency) -> dict[str, PowerItem]:
    return {i.code: i for i in PowerItem.objects.filter(agency=agency)}


def _messages(exc: ValidationError) -> str:
    return "；".join(exc.messages)


def decisions_import(*, actor, agency, filename: str, content: bytes,
                     publish: bool = False) -> ImportResult:
    """Every row of the table becomes a decision of `agency`, or none does: one bad row (or a
    row the model refuses) and nothing is imported, every bad row reported."""
    if not can_keep_decisions(actor, agency):
        raise PermissionDenied
    try:
        lines = _read(filename, content)
    except ValueError as exc:
        return ImportResult(errors=[RowError(0, str(exc))])
    existing = set(Decision.objects.filter(agency=agency).values_list("document_no", flat=True))
    parsed = tables.parse_decisions(lines, items=_items(agency), existing_numbers=existing,
                                    agency_name=agency.name, today=timezone.localdate())
    if parsed.errors:
        return ImportResult(errors=parsed.errors)
    workdays = publication_workdays(agency)
    result = ImportResult()
    with transaction.atomic():
        for line, row in parsed.rows:
            decision = Decision(agency=agency, created_by=actor, **row)
            try:
                decision.full_clean()
            except ValidationError as exc:
                result.errors.append(RowError(line, _messages(exc)))
                continue
            _set_due(decision, workdays)
            if publish:
                _publish(decision, actor)
            decision.save()
            result.created += 1
        if result.errors:
            transaction.set_rollback(True)
            return ImportResult(errors=result.errors)
        audit.record(actor=actor, action=DECISIONS_IMPORT, target=agency,
                     data={"file": filename[:100], "created": result.created,
                           "published": publish})
    return result


@transaction.atomic
def fee_create(*, actor, agency, data: dict) -> FeeRecord:
    if not can_keep_decisions(actor, agency):
        raise PermissionDenied
    fee = FeeRecord(agency=agency, created_by=actor, **{f: data[f] for f in FEE_FIELDS if f in data})
    fee.full_clean()
    fee.save()
    audit.record(actor=actor, action=FEE_CREATE, target=fee,
                 data={"year": fee.year, "name": fee.name, "amount": str(fee.amount)})
    return fee


@transaction.atomic
def fee_update(*, actor, fee: FeeRecord, data: dict) -> FeeRecord:
    if not can_keep_decisions(actor, fee.agency_id):
        raise PermissionDenied
    fee = FeeRecord.objects.select_for_update().get(pk=fee.pk)
    changed = {f: [str(getattr(fee, f)), str(data[f])] for f in FEE_FIELDS
               if f in data and data[f] != getattr(fee, f)}
    if not changed:
        return fee
    for name in changed:
        setattr(fee, name, data[name])
    fee.full_clean()
    fee.save()
    audit.record(actor=actor, action=FEE_UPDATE, target=fee,
                 data={"fields": {k: v for k, v in changed.items() if k != "item"}})
    return fee


def fees_import(*, actor, agency, filename: str, content: bytes) -> ImportResult:
    if not can_keep_decisions(actor, agency):
        raise PermissionDenied
    try:
        lines = _read(filename, content)
    except ValueError as exc:
        return ImportResult(errors=[RowError(0, str(exc))])
    existing = set(FeeRecord.objects.filter(agency=agency).values_list("year", "name"))
    parsed = tables.parse_fees(lines, items=_items(agency), existing=existing)
    if parsed.errors:
        return ImportResult(errors=parsed.errors)
    result = ImportResult()
    with transaction.atomic():
        for line, row in parsed.rows:
            fee = FeeRecord(agency=agency, created_by=actor, **row)
            try:
                fee.full_clean()
            except ValidationError as exc:
                result.errors.append(RowError(line, _messages(exc)))
                continue
            fee.save()
            result.created += 1
        if result.errors:
            transaction.set_rollback(True)
            return ImportResult(errors=result.errors)
        audit.record(actor=actor, action=FEES_IMPORT, target=agency,
                     data={"file": filename[:100], "created": result.created})
    return result


@transaction.atomic
def publication_deadline_set(*, actor, agency, workdays: int) -> PublicationSetting:
    """The agency's 双公示 deadline; decisions not yet published are re-dated by it."""
    if not can_set_publication_deadline(actor, agency):
        raise PermissionDenied
    setting, _created = PublicationSetting.objects.select_for_update().get_or_create(agency=agency)
    before = setting.workdays
    setting.workdays, setting.updated_by = workdays, actor
    setting.full_clean()
    setting.save()
    for decision in Decision.objects.unpublished().filter(agency=agency).select_for_update():
        _set_due(decision, workdays)
        decision.save(update_fields=["due_on", "due_provisional"])
    audit.record(actor=actor, action=PUBLICATION_DEADLINE_SET, target=agency,
                 data={"before": before, "after": workdays})
    return setting


@transaction.atomic
def decision_deadlines_recompute(*, years: Iterable[int]) -> int:
    """Re-date the deadlines that lie in, or were assumed for, one of `years` (the calendar
    changed, not the facts: nothing is audited). Returns how many changed."""
    years = sorted(set(years))
    first, last = datetime.date(years[0], 1, 1), datetime.date(years[-1], 12, 31)
    days = dict(PublicationSetting.objects.values_list("agency_id", "workdays"))
    changed = 0
    affected = Decision.objects.filter(decided_on__lte=last).filter(
        Q(due_provisional=True) | Q(due_on__gte=first))
    for decision in affected.select_for_update().order_by("pk"):
        before = (decision.due_on, decision.due_provisional)
        _set_due(decision, days.get(decision.agency_id, DEFAULT_PUBLICATION_WORKDAYS))
        if (decision.due_on, decision.due_provisional) != before:
            decision.save(update_fields=["due_on", "due_provisional"])
            changed += 1
    return changed


def recompute_on_schedule_change(sender, *, years, **kwargs) -> int:
    """Receiver of `workdays.schedule_changed` (connected in PowersConfig.ready)."""
    return decision_deadlines_recompute(years=years)
