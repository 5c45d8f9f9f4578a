"""Who may record and read the work log: predicates and the queryset filter, in one place.

An agency's 机构管理员 and 信息发布员 record its work; 监督员 read their subtree's.
"""

from __future__ import annotations

from gongkai.agencies.models import Role
from gongkai.agencies.permissions import agencies_with_role, has_role

from .models import WorkActivity, WorkActivityQuerySet

EDIT_ROLES = (Role.ADMIN, Role.PUBLISHER)
READ_ROLES = (Role.ADMIN, Role.PUBLISHER, Role.SUPERVISOR)


def can_record_activity(user, agency) -> bool:
    return has_role(user, agency, *EDIT_ROLES)


def can_edit_activity(user, activity: WorkActivity) -> bool:
    return has_role(user, activity.agency_id, *EDIT_ROLES)


def can_view_activity(user, activity: WorkActivity) -> bool:
    return has_role(user, activity.agency_id, *READ_ROLES)


def activities_visible_to(user) -> WorkActivityQuerySet:
    return WorkActivity.objects.filter(agency__in=agencies_with_role(user, *READ_ROLES))


def agencies_for_recording(user):
    return agencies_with_role(user, *EDIT_ROLES)
