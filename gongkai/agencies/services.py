"""Writes to agencies and memberships. Each checks permission, writes, and audits."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db import transaction

from gongkai import audit
from gongkai.agencies.audit_actions import (  # noqa: F401  (re-exported for callers)
    AGENCY_UPDATE,
    MEMBERSHIP_GRANT,
    MEMBERSHIP_REVOKE,
)
from gongkai.richtext import sanitize_html

from .models import Agency, Membership, Role
from .permissions import can_manage_agency

AGENCY_INFO_FIELDS = (
    "functions", "internal_units", "address", "postal_code", "office_hours", "phone", "fax",
    "email", "leaders", "guide", "disclosure_office",
)


@transaction.atomic
def agency_update(*, agency: Agency, actor, data: dict) -> Agency:
    """Update the self-published information of an agency (机构管理员 only)."""
    if not can_manage_agency(actor, agency):
        raise PermissionDenied
    changed = []
    for field in AGENCY_INFO_FIELDS:
        if field not in data:
            continue
        value = sanitize_html(data[field]) if field == "guide" else data[field]
        if getattr(agency, field) != value:
            setattr(agency, field, value)
            changed.append(field)
    if changed:
        agency.full_clean()
        agency.save(update_fields=changed)
        audit.record(actor=actor, action=AGENCY_UPDATE, target=agency, data={"fields": changed})
    return agency


@transaction.atomic
def membership_grant(*, agency: Agency, user, role: str, actor) -> Membership:
    if not can_manage_agency(actor, agency):
        raise PermissionDenied
    membership, created = Membership.objects.get_or_create(user=user, agency=agency, role=role)
    if created:
        audit.record(
            actor=actor, action=MEMBERSHIP_GRANT, target=agency,
            data={"user": user.username, "role": role, "role_label": str(Role(role).label)},
        )
    return membership


@transaction.atomic
def membership_revoke(*, membership: Membership, actor) -> None:
    if not can_manage_agency(actor, membership.agency):
        raise PermissionDenied
    if membership.user_id == actor.pk and membership.role == Role.ADMIN:
        raise PermissionDenied("不能撤销自己的机构管理员角色")
    audit.record(
        actor=actor, action=MEMBERSHIP_REVOKE, target=membership.agency,
        data={"user": membership.user.username, "role": membership.role},
    )
    membership.delete()
