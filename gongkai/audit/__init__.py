"""Append-only audit log. Services call `record()` in the same transaction as the act.

It owns the log, its vocabulary of action codes (declared by each app in `audit_actions.py`,
loaded by `actions.autodiscover()`) and the supervisors' audit page. The writing side (this
module, `actions`, `models`, `admin`) imports nothing of ours, so every app may record; only the
page (`views`, `selectors`, `workbench_links`) reads `agencies` to know whom a reader supervises.

Must not import: `accounts`, `catalog`, `applications`, `appeals`, `workdays`, `reports`, `supervision`, `search`, `api`, `privacy`, `demo`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from django.db.models import Model

    from .models import AuditEntry


def record(
    *,
    actor,
    action: str,
    target: Model | None = None,
    agency=None,
    reason: str = "",
    data: dict[str, Any] | None = None,
    actor_name: str = "",
) -> AuditEntry:
    """Write one audit entry. `action` must be declared in an app's `audit_actions.py`.

    `actor_name` names an actor without an account (an applicant online); without one and
    without an `actor`, the entry is the system's."""
    from . import actions
    from .models import AuditEntry

    if not actions.is_registered(action):
        raise ValueError(f"unregistered audit action {action!r}")
    if agency is None and target is not None:
        is_agency = target._meta.label_lower == "agencies.agency"
        agency = target if is_agency else getattr(target, "agency", None)
    authenticated = actor is not None and getattr(actor, "is_authenticated", False)
    return AuditEntry.objects.create(
        actor=actor if authenticated else None,
        actor_name=str(actor) if authenticated else (actor_name or "系统"),
        action=action,
        agency=agency,
        target_type=target._meta.label_lower if target is not None else "",
        target_id=str(target.pk) if target is not None else "",
        target_repr=str(target)[:300] if target is not None else "",
        reason=reason,
        data=data or {},
    )
