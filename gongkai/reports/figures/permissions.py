"""Who may enter and see yearly figures: the agency's 机构管理员 and 信息发布员 enter them;
监督员 read their subtree."""

from __future__ import annotations

from gongkai.agencies.models import Role
from gongkai.agencies.permissions import agencies_with_role, has_role

from ..models import YearlyFigures

EDIT_ROLES = (Role.ADMIN, Role.PUBLISHER)
READ_ROLES = (Role.ADMIN, Role.PUBLISHER, Role.SUPERVISOR)


def can_edit_figures(user, agency) -> bool:
    return has_role(user, agency, *EDIT_ROLES)


def can_view_figures(user, agency) -> bool:
    return has_role(user, agency, *READ_ROLES)


def figures_visible_to(user):
    return YearlyFigures.objects.filter(agency__in=agencies_with_role(user, *READ_ROLES))


def agencies_for_figures(user):
    return agencies_with_role(user, *EDIT_ROLES)
