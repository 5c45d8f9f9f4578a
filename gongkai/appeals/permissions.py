"""Who may see and record appeal cases: predicates and the queryset filter, in one place.

依申请办理员 of an agency register and edit its cases; 监督员 read the cases of their subtree.
"""

from __future__ import annotations

from gongkai.agencies.models import Role
from gongkai.agencies.permissions import agencies_with_role, has_role

from .models import AppealCase, AppealCaseQuerySet

EDIT_ROLES = (Role.HANDLER,)
READ_ROLES = (Role.HANDLER, Role.SUPERVISOR)


def can_register_appeal(user, agency) -> bool:
    return has_role(user, agency, *EDIT_ROLES)


def can_edit_appeal(user, case: AppealCase) -> bool:
    return has_role(user, case.agency_id, *EDIT_ROLES)


def can_view_appeal(user, case: AppealCase) -> bool:
    return has_role(user, case.agency_id, *READ_ROLES)


def appeals_visible_to(user) -> AppealCaseQuerySet:
    return AppealCase.objects.filter(agency__in=agencies_with_role(user, *READ_ROLES))


def agencies_for_registering(user):
    return agencies_with_role(user, *EDIT_ROLES)
