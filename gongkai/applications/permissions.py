"""Who may see and act on which requests: predicates and queryset filters, one place for both.

- 依申请办理员 (handler) and 机构管理员 of an agency: its requests (the handler acts; the admin
  may assign). Other roles of the agency (publisher, reviewer) do not see requests.
- 监督员: every request of the agency's subtree, read-only.
- A registered applicant: the requests submitted while signed in as them.
- Anyone holding the query code *and* the phone number: that one request's public status
  (kept in the session after `applications:lookup`).
- The full identity number, phone, e-mail and address: only the handler assigned to the
  request (每次查看都记入审计日志).
- Requests for the same information and the proposals they make (《条例》第四十四条): the
  agency's handlers and 机构管理员 see them, link requests and dismiss proposals; its 信息发布员
  see them and turn a proposal into a catalog draft (the catalog's own rule: only they draft);
  监督员 see how many there are in their subtree, not the requests.
"""

from __future__ import annotations

from django.db.models import Q

from gongkai.agencies.models import Role
from gongkai.agencies.permissions import agencies_with_role, has_role

from .models import Application, SameInformation

VIEW_ROLES = (Role.HANDLER, Role.ADMIN, Role.SUPERVISOR)
SESSION_KEY = "applications_lookup"


def applications_visible_to(user):
    """Requests a staff member may open (own agency, supervisors their subtree)."""
    if not (user and user.is_authenticated):
        return Application.objects.none()
    if user.is_superuser:
        return Application.objects.all()
    return Application.objects.filter(agency__in=agencies_with_role(user, *VIEW_ROLES))


def applications_of_applicant(user):
    if not (user and user.is_authenticated):
        return Application.objects.none()
    return Application.objects.filter(user=user)


def can_view_application(user, application: Application) -> bool:
    return bool(user and user.is_authenticated) and (
        user.is_superuser or has_role(user, application.agency_id, *VIEW_ROLES)
    )


def can_handle_application(user, application: Application) -> bool:
    """Record events and reply: a handler of the request's agency (not a supervisor)."""
    return bool(user and user.is_authenticated) and (
        user.is_superuser or has_role(user, application.agency_id, Role.HANDLER)
    )


def can_assign_application(user, application: Application) -> bool:
    return bool(user and user.is_authenticated) and (
        user.is_superuser or has_role(user, application.agency_id, Role.HANDLER, Role.ADMIN)
    )


def can_register_for(user, agency) -> bool:
    """Enter a request that arrived by letter, in person, fax or e-mail."""
    return has_role(user, agency, Role.HANDLER)


def can_reveal_applicant(user, application: Application) -> bool:
    """The full personal data: only the handler assigned to this request."""
    return bool(
        user and user.is_authenticated and application.handler_id is not None
        and application.handler_id == user.pk
        and has_role(user, application.agency_id, Role.HANDLER)
    )


def can_follow_application(request, application: Application) -> bool:
    """The applicant's status page: the registered owner, or a session that passed the lookup."""
    user = request.user
    if user.is_authenticated and application.user_id == user.pk:
        return True
    return application.pk in request.session.get(SESSION_KEY, [])


def remember_lookup(request, application: Application) -> None:
    allowed = [pk for pk in request.session.get(SESSION_KEY, []) if pk != application.pk]
    request.session[SESSION_KEY] = [*allowed[-19:], application.pk]


def handlers_for(agency):
    """Users who may be assigned a request of `agency` (its 依申请办理员)."""
    from django.contrib.auth import get_user_model

    return (
        get_user_model().objects.filter(
            Q(memberships__agency=agency, memberships__role=Role.HANDLER), is_active=True
        )
        .distinct()
        .order_by("full_name", "username")
    )


def can_redact(user, application: Application) -> bool:
    """Mark what a reply file must not disclose (区分处理): the request's handlers."""
    return can_handle_application(user, application)


def can_approve_redaction(user, application: Application) -> bool:
    """The second look before a redacted file goes out: a handler or the 机构管理员 of the
    agency. Whoever marked or submitted the redaction is refused by the service itself."""
    return bool(user and user.is_authenticated) and (
        user.is_superuser or has_role(user, application.agency_id, Role.HANDLER, Role.ADMIN)
    )


SAME_INFORMATION_ROLES = (Role.HANDLER, Role.ADMIN, Role.PUBLISHER)


def same_information_visible_to(user):
    """Groups of requests for the same information the user may open (own agency)."""
    return SameInformation.objects.filter(
        agency__in=agencies_with_role(user, *SAME_INFORMATION_ROLES))


def can_view_same_information(user, agency) -> bool:
    return has_role(user, agency, *SAME_INFORMATION_ROLES)


def can_link_same_information(user, agency) -> bool:
    """Say that requests asked for the same information, dismiss a proposal: handler, admin."""
    return has_role(user, agency, Role.HANDLER, Role.ADMIN)


def can_draft_from_proposal(user, agency) -> bool:
    """Turn a proposal into a catalog draft: the agency's 信息发布员 (catalog's own rule)."""
    return has_role(user, agency, Role.PUBLISHER)


def proposal_count_agencies(user):
    """Agencies whose proposal counts a 监督员 sees (their subtree)."""
    return agencies_with_role(user, Role.SUPERVISOR)
