"""Who may act for which agency: predicates and queryset filters, one place for both.

Roles are held per agency (`Membership`). A 监督员 (supervisor) sees the agency's whole
subtree; every other role applies to its own agency only. Superusers may do everything.
Views call one predicate and raise PermissionDenied; lists start from `agencies_with_role`.
"""

from __future__ import annotations

from functools import reduce
from operator import or_

from django.core.exceptions import PermissionDenied
from django.db.models import Q

from .models import Agency, AgencyQuerySet, Membership, Role


def _is_authenticated(user) -> bool:
    return bool(user is not None and user.is_authenticated and user.is_active)


def roles_of(user) -> set[tuple[int, str]]:
    """(agency id, role) pairs the user holds; cached on the user object per request."""
    if not _is_authenticated(user):
        return set()
    cached = getattr(user, "_gongkai_roles", None)
    if cached is None:
        cached = set(Membership.objects.for_user(user).values_list("agency_id", "role"))
        user._gongkai_roles = cached
    return cached


def agencies_with_role(user, *roles: str) -> AgencyQuerySet:
    """Agencies in which the user may act in one of `roles`.

    A supervisor role extends over the agency's subtree.
    """
    if not _is_authenticated(user):
        return Agency.objects.none()
    if user.is_superuser:
        return Agency.objects.all()
    wanted = set(roles) or set(Role.values)
    held = [(agency_id, role) for agency_id, role in roles_of(user) if role in wanted]
    if not held:
        return Agency.objects.none()
    direct = {agency_id for agency_id, role in held if role != Role.SUPERVISOR}
    supervised = {agency_id for agency_id, role in held if role == Role.SUPERVISOR}
    conditions = [Q(pk__in=direct)] if direct else []
    if supervised:
        paths = Agency.objects.filter(pk__in=supervised).values_list("path", flat=True)
        conditions += [Q(path__startswith=path) for path in paths]
    return Agency.objects.filter(reduce(or_, conditions))


def has_role(user, agency: Agency | int | None, *roles: str) -> bool:
    """Whether the user may act in one of `roles` for `agency` (supervisors over subtrees)."""
    if agency is None or not _is_authenticated(user):
        return False
    if user.is_superuser:
        return True
    agency_id = agency if isinstance(agency, int) else agency.pk
    return agencies_with_role(user, *roles).filter(pk=agency_id).exists()


def is_staff_member(user) -> bool:
    """Whether the user holds any role anywhere (and so may open the staff workbench)."""
    return _is_authenticated(user) and (user.is_superuser or bool(roles_of(user)))


def can_manage_agency(user, agency: Agency) -> bool:
    return has_role(user, agency, Role.ADMIN)


# The roles that do an agency's own work; its 机构管理员 hands them out to its staff.
WORKING_ROLES = (Role.PUBLISHER, Role.REVIEWER, Role.HANDLER)
# The roles that oversee an agency; they come from the office above it.
OVERSIGHT_ROLES = (Role.ADMIN, Role.SUPERVISOR)


def grantable_roles(user, agency: Agency) -> list[str]:
    """The roles `user` may grant and revoke in `agency`, in Role order.

    A site administrator: every role. The agency's own 机构管理员: its working roles
    (发布员, 审核员, 办理员), never 机构管理员 or 监督员: a 监督员 sees the whole subtree, and an
    agency may not pick who watches it. A 监督员 of an agency above (the supervising office):
    this agency's 机构管理员 and 监督员.
    """
    if not _is_authenticated(user):
        return []
    if user.is_superuser:
        return list(Role.values)
    allowed: set[str] = set()
    if (agency.pk, Role.ADMIN) in roles_of(user):
        allowed.update(WORKING_ROLES)
    if agency.parent_id is not None and has_role(user, agency.parent_id, Role.SUPERVISOR):
        allowed.update(OVERSIGHT_ROLES)
    return [role for role in Role.values if role in allowed]


def agencies_overseen_by(user) -> AgencyQuerySet:
    """Agencies right below one the user supervises: there they grant 机构管理员 and 监督员."""
    return Agency.objects.filter(parent__in=agencies_with_role(user, Role.SUPERVISOR))


def can_manage_members(user, agency: Agency) -> bool:
    return bool(grantable_roles(user, agency))


def can_grant_role(actor, agency: Agency, role: str, user) -> bool:
    """Whether `actor` may give (or take) `role` in `agency` to (from) `user`: a role they may
    grant there, and never to themselves, except a site administrator."""
    if role not in grantable_roles(actor, agency):
        return False
    return actor.is_superuser or actor.pk != user.pk



def can_administer_agencies(user, *, creating: bool = False) -> bool:
    """Whether the user may create agencies or change their settings and place in the tree.

    A site-wide act (the Django admin's model permissions), unlike an agency's own information,
    which its 机构管理员 edits (`can_manage_agency`).
    """
    wanted = "agencies.add_agency" if creating else "agencies.change_agency"
    return _is_authenticated(user) and user.has_perm(wanted)


def require(allowed: bool) -> None:
    """Raise PermissionDenied unless `allowed`."""
    if not allowed:
        raise PermissionDenied
