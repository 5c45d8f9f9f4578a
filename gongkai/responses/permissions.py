"""Who answers and who reads the public's questions: predicates and the queryset filter.

An agency's 依申请办理员 and 机构管理员 answer its questions; 监督员 read their subtree's; only
the 机构管理员 sets the answer period.
"""

from __future__ import annotations

from gongkai.agencies.models import Role
from gongkai.agencies.permissions import agencies_with_role, has_role

from .models import PublicQuestion, PublicQuestionQuerySet

ANSWER_ROLES = (Role.HANDLER, Role.ADMIN)
READ_ROLES = (Role.HANDLER, Role.ADMIN, Role.SUPERVISOR)


def can_answer_question(user, question: PublicQuestion) -> bool:
    return has_role(user, question.agency_id, *ANSWER_ROLES)


def can_set_answer_period(user, agency) -> bool:
    return has_role(user, agency, Role.ADMIN)


def questions_visible_to(user) -> PublicQuestionQuerySet:
    return PublicQuestion.objects.filter(agency__in=agencies_with_role(user, *READ_ROLES))
