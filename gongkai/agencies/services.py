"""Writes to agencies and memberships. Each checks permission, writes, and audits.

The agency pages and the Django admin both call these; moving an agency (a new parent) rewrites
its subtree's materialised paths here, in the same transaction, never in `Agency.save()`.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import CharField, Value
from django.db.models.functions import Concat, Substr
from django.utils.translation import gettext as _

from gongkai import audit
from gongkai.agencies.audit_actions import (  # noqa: F401  (re-exported for callers)
    AGENCY_CHANGE,
    AGENCY_CREATE,
    AGENCY_UPDATE,
    MEMBERSHIP_GRANT,
    MEMBERSHIP_REVOKE,
)
from gongkai.richtext import rich_text_html

from .models import Agency, Membership, Role
from .permissions import can_administer_agencies, can_grant_role, can_manage_agency

AGENCY_INFO_FIELDS = (
    "functions", "internal_units", "address", "postal_code", "office_hours", "phone", "fax",
    "email", "leaders", "guide", "disclosure_office",
)


# The settings only a site administrator changes (the Django admin), besides the information.
AGENCY_SETTINGS_FIELDS = ("name", "short_name", "slug", "code", "parent", "level", "sort_order", "is_active")


def _apply(agency: Agency, data: dict, fields: tuple[str, ...]) -> list[str]:
    """Set the given fields on `agency`; returns the names that changed (guide sanitised)."""
    changed = []
    for field in fields:
        if field not in data:
            continue
        value = rich_text_html(data[field]) if field == "guide" else data[field]
        if getattr(agency, field) != value:
            setattr(agency, field, value)
            changed.append(field)
    return changed


@transaction.atomic
def agency_create(*, agency: Agency, actor) -> Agency:
    """Save a new agency (built by the admin's form) below its parent, and audit it."""
    if not can_administer_agencies(actor, creating=True):
        raise PermissionDenied
    if agency.guide:
        agency.guide = rich_text_html(agency.guide)
    agency.full_clean()
    agency.save()
    audit.record(actor=actor, action=AGENCY_CREATE, target=agency,
                 data={"parent": agency.parent_id, "code": agency.code})
    return agency


@transaction.atomic
def agency_change(*, agency: Agency, actor, data: dict) -> Agency:
    """Change an agency's settings and information; a new parent moves its whole subtree."""
    if not can_administer_agencies(actor):
        raise PermissionDenied
    agency = Agency.objects.select_for_update().get(pk=agency.pk)
    before = {field: getattr(agency, field) for field in AGENCY_SETTINGS_FIELDS}
    old_parent_id = agency.parent_id
    changed = _apply(agency, data, AGENCY_SETTINGS_FIELDS + AGENCY_INFO_FIELDS)
    if not changed:
        return agency
    agency.full_clean()  # refuses a parent inside the agency's own subtree
    if agency.parent_id != old_parent_id:
        _move_subtree(agency)
    agency.save()
    audit.record(actor=actor, action=AGENCY_CHANGE, target=agency, data={
        "fields": changed,
        "before": {f: _plain(before[f]) for f in changed if f in before},
        "after": {f: _plain(getattr(agency, f)) for f in changed if f in before},
    })
    return agency


def _move_subtree(agency: Agency) -> None:
    """Give the agency and every agency below it the paths under its new parent (one UPDATE)."""
    old, new = agency.path, agency.path_under(agency.parent)
    Agency.objects.filter(path__startswith=old).update(
        path=Concat(Value(new), Substr("path", len(old) + 1), output_field=CharField())
    )
    agency.path = new


def _plain(value):
    return value.pk if isinstance(value, Agency) else value


@transaction.atomic
def agency_update(*, agency: Agency, actor, data: dict) -> Agency:
    """Update the self-published information of an agency (机构管理员 only)."""
    if not can_manage_agency(actor, agency):
        raise PermissionDenied
    changed = _apply(agency, data, AGENCY_INFO_FIELDS)
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
