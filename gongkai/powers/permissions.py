"""Who keeps the 权责清单 and its 双公示 records (decisions, fees): an agency's 机构管理员 and
信息发布员; 监督员 read their subtree's (never write).
The published list is public."""

from __future__ import annotations

from gongkai.agencies.models import Role
from gongkai.agencies.permissions import agencies_with_role, has_role

from .models import Decision, DecisionQuerySet, FeeRecord, PowerItem, PowerItemQuerySet

EDIT_ROLES = (Role.ADMIN, Role.PUBLISHER)
READ_ROLES = (Role.ADMIN, Role.PUBLISHER, Role.SUPERVISOR)


def can_keep_powers(user, agency) -> bool:
    return has_role(user, agency, *EDIT_ROLES)


def powers_visible_to(user) -> PowerItemQuerySet:
    return PowerItem.objects.filter(agency__in=agencies_with_role(user, *READ_ROLES))


def agencies_for_keeping(user):
    return agencies_with_role(user, *EDIT_ROLES)


# 双公示 records: kept by the same roles as the list; the deadline is the 机构管理员's to set.


def can_keep_decisions(user, agency) -> bool:
    return has_role(user, agency, *EDIT_ROLES)


def can_set_publication_deadline(user, agency) -> bool:
    return has_role(user, agency, Role.ADMIN)


def decisions_visible_to(user) -> DecisionQuerySet:
    return Decision.objects.filter(agency__in=agencies_with_role(user, *READ_ROLES))


def fees_visible_to(user):
    return FeeRecord.objects.filter(agency__in=agencies_with_role(user, *READ_ROLES))
