"""Who may do what with an annual report (predicates for views and services, one queryset).

- 机构管理员 and 信息发布员 of the agency: generate the draft and edit its narratives.
- 信息发布员 of the agency: 报送 (submit) it. The person who 报送 becomes the drafter of the
  published document, and the catalog wants that to be a 信息发布员 (`catalog.permissions`).
- 监督员 of the agency or of an agency above it (a county's 政务公开办): 退回 (return) or 审定
  (approve) it, and read the roll-up of the agencies they supervise.
- 审核员 of the agency: 发布 (publish) an approved report; the catalog forbids the drafter to
  approve their own document, so the publisher must be someone else than the submitter.
- All of the above (and nobody else) see the report page and the records behind each number.
A published report is public to everyone (`views.public`).
"""

from __future__ import annotations

from gongkai.agencies.models import Role
from gongkai.agencies.permissions import agencies_with_role, has_role

from .models import AnnualReport

EDIT_ROLES = (Role.ADMIN, Role.PUBLISHER)
VIEW_ROLES = (Role.ADMIN, Role.PUBLISHER, Role.REVIEWER, Role.SUPERVISOR)


def can_view_report(user, agency) -> bool:
    return has_role(user, agency, *VIEW_ROLES)


def can_generate_report(user, agency) -> bool:
    return has_role(user, agency, *EDIT_ROLES)


def can_edit_report(user, report: AnnualReport) -> bool:
    return has_role(user, report.agency_id, *EDIT_ROLES)


def can_submit_report(user, report: AnnualReport) -> bool:
    return has_role(user, report.agency_id, Role.PUBLISHER)


def can_supervise_report(user, report: AnnualReport) -> bool:
    """退回 or 审定: a 监督员 whose subtree holds the agency."""
    return has_role(user, report.agency_id, Role.SUPERVISOR)


def can_publish_report(user, report: AnnualReport) -> bool:
    return has_role(user, report.agency_id, Role.REVIEWER)


def can_view_rollup(user, agency) -> bool:
    """The summed report of an agency's subtree: its 监督员."""
    return has_role(user, agency, Role.SUPERVISOR)


ACTION_PREDICATES = {
    "submit": can_submit_report,
    "return": can_supervise_report,
    "approve": can_supervise_report,
    "publish": can_publish_report,
}


def can_take_action(user, report: AnnualReport, action: str) -> bool:
    predicate = ACTION_PREDICATES.get(action)
    return bool(predicate and predicate(user, report))


def agencies_for_reports(user):
    """Agencies whose report page the user may open."""
    return agencies_with_role(user, *VIEW_ROLES)


def reports_visible_to(user):
    return AnnualReport.objects.filter(agency__in=agencies_for_reports(user))
