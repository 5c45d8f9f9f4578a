"""Who runs consultations: an agency's 信息发布员 and 机构管理员 open them, moderate comments and
publish the feedback; 监督员 read their subtree's."""

from __future__ import annotations

from gongkai.agencies.models import Role
from gongkai.agencies.permissions import agencies_with_role, has_role

from .models import Consultation, ConsultationQuerySet

EDIT_ROLES = (Role.PUBLISHER, Role.ADMIN)
READ_ROLES = (Role.PUBLISHER, Role.ADMIN, Role.SUPERVISOR)


def can_run_consultation(user, agency) -> bool:
    return has_role(user, agency, *EDIT_ROLES)


def can_edit_consultation(user, consultation: Consultation) -> bool:
    return has_role(user, consultation.agency_id, *EDIT_ROLES)


def consultations_visible_to(user) -> ConsultationQuerySet:
    return Consultation.objects.filter(agency__in=agencies_with_role(user, *READ_ROLES))


def agencies_for_running(user):
    return agencies_with_role(user, *EDIT_ROLES)
