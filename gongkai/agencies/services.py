"""Writes to agencies and memberships. Each checks permission, writes, and audits."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _

from gongkai import audit
from gongkai.audit.actions import register
from gongkai.richtext import rich_text_html

from .models import Agency, Membership, Role
from .permissions import can_grant_role, can_manage_agency

AGENCY_UPDATE = register("agencies.agency.update", "修改机构信息")
MEMBERSHIP_GRANT = register("agencies.membership.grant", "授予角色")
MEMBERSHIP_REVOKE = register("agencies.membership.revoke", "撤销角色")

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
        value = rich_text_html(data[field]) if field == "guide" else data[field]
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
    """Give `user` `role` in `agency`; who may grant which role: `permissions.grantable_roles`."""
    if not can_grant_role(actor, agency, role, user):
        raise PermissionDenied(_("无权授予该角色"))
    membership, created = Membership.objects.get_or_create(user=user, agency=agency, role=role)
    if created:
        audit.record(
            actor=actor, action=MEMBERSHIP_GRANT, target=agency,
            data={"user": user.username, "role": role, "role_label": str(Role(role).label)},
        )
    return membership


@transaction.atomic
def membership_revoke(*, membership: Membership, actor) -> None:
    """Take a role back: whoever may grant it, and never from oneself (a site administrator's
    own roles excepted)."""
    if not can_grant_role(actor, membership.agency, membership.role, membership.user):
        raise PermissionDenied(_("无权撤销该角色"))
    audit.record(
        actor=actor, action=MEMBERSHIP_REVOKE, target=membership.agency,
        data={"user": membership.user.username, "role": membership.role},
    )
    membership.delete()
