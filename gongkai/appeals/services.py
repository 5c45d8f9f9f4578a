"""Writes to appeal cases. Each checks permission, validates, writes and audits in one
transaction, so a refused or failed change leaves nothing behind."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db import transaction

from gongkai import audit
from gongkai.appeals.audit_actions import (  # noqa: F401  (re-exported for callers)
    APPEAL_CREATE,
    APPEAL_RESULT,
    APPEAL_UPDATE,
)

from .models import AppealCase
from .permissions import can_edit_appeal, can_register_appeal

CASE_FIELDS = (
    "application", "kind", "case_number", "forum", "applicant_name", "filed_on", "result",
    "closed_on", "notes",
)


def _snapshot(case: AppealCase) -> dict:
    data = {f: getattr(case, f) for f in CASE_FIELDS if f != "application"}
    data["application"] = case.application_id
    return {k: (v.isoformat() if hasattr(v, "isoformat") else v) for k, v in data.items()}


@transaction.atomic
def appeal_create(*, actor, agency, data: dict) -> AppealCase:
    """Register a 行政复议 or 行政诉讼 case against `agency` (依申请办理员 of the agency)."""
    if not can_register_appeal(actor, agency):
        raise PermissionDenied
    case = AppealCase(agency=agency, created_by=actor if actor.is_authenticated else None)
    for field in CASE_FIELDS:
        if field in data:
            setattr(case, field, data[field])
    case.full_clean()
    case.save()
    audit.record(actor=actor, action=APPEAL_CREATE, target=case, data=_snapshot(case))
    return case


@transaction.atomic
def appeal_update(*, actor, case: AppealCase, data: dict) -> AppealCase:
    """Change a case; a change of result or closing date is audited as a result."""
    if not can_edit_appeal(actor, case):
        raise PermissionDenied
    case = AppealCase.objects.select_for_update().get(pk=case.pk)
    before = _snapshot(case)
    for field in CASE_FIELDS:
        if field in data:
            setattr(case, field, data[field])
    after = _snapshot(case)
    changed = [f for f in CASE_FIELDS if before[f] != after[f]]
    if not changed:
        return case
    case.full_clean()
    case.save()
    action = APPEAL_RESULT if set(changed) <= {"result", "closed_on", "notes"} else APPEAL_UPDATE
    audit.record(
        actor=actor, action=action, target=case,
        data={"changed": {f: [before[f], after[f]] for f in changed}},
    )
    return case


def appeal_record_result(
    *, actor, case: AppealCase, result: str, closed_on, notes: str | None = None
) -> AppealCase:
    """Record how a case ended (维持 / 纠正 / 其他) and when; `pending` reopens it."""
    data = {"result": result, "closed_on": closed_on}
    if notes is not None:
        data["notes"] = notes
    return appeal_update(actor=actor, case=case, data=data)
