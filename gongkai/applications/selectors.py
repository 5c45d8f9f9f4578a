"""Reads of the request workflow: the staff queue, the applicant's list, the public timeline."""

from __future__ import annotations

import datetime

from django.db.models import F
from django.db.models.functions import Coalesce

from gongkai.workdays import calendar

from .models import Application, ApplicationEvent, parse_reference
from .permissions import applications_of_applicant, applications_visible_to

DUE_SOON_WORKDAYS = 3


def due_soon_limit(today: datetime.date, days: int = DUE_SOON_WORKDAYS) -> datetime.date:
    """The last day that counts as "due within `days` working days" (provisional across a year
    without a holiday schedule, like the due dates it is compared with)."""
    return calendar(provisional=True).add_workdays(today, days)


def application_queue_for(
    *, user, today: datetime.date, status: str = "", agency_id: int | None = None,
    handler: str = "", overdue: str = "",
):
    """The staff queue: requests visible to `user`, open ones first, by due date."""
    qs = applications_visible_to(user).select_related("agency", "handler")
    if status == "open":
        qs = qs.open()
    elif status:
        qs = qs.filter(status=status)
    if agency_id:
        qs = qs.filter(agency_id=agency_id)
    if handler == "me":
        qs = qs.filter(handler=user)
    elif handler == "none":
        qs = qs.filter(handler__isnull=True)
    elif handler.isdigit():
        qs = qs.filter(handler_id=int(handler))
    if overdue == "yes":
        qs = qs.overdue(today)
    elif overdue == "soon":
        limit = due_soon_limit(today)
        qs = qs.open().filter(due_on__gte=today, due_on__lte=limit)
    return qs.annotate(sort_due=Coalesce("due_on", "wait_until")).order_by(
        F("closed_on").desc(nulls_first=True),
        F("sort_due").asc(nulls_last=True),
        "received_on",
        "id",
    )


def application_by_reference(*, agency_id: int, text: str) -> Application | None:
    """The request of `agency_id` numbered `text` ("依申请〔2026〕第12号"): numbers restart per
    agency and year, so the agency is part of the lookup."""
    parsed = parse_reference(text)
    if parsed is None:
        return None
    year, number = parsed
    return Application.objects.filter(agency_id=agency_id, number_year=year, number=number).first()


def handlers_visible_to(user):
    """依申请办理员 of the agencies whose requests `user` sees (for the queue's filter)."""
    from django.contrib.auth import get_user_model

    from gongkai.agencies.models import Role
    from gongkai.agencies.permissions import agencies_with_role

    from .permissions import VIEW_ROLES

    agencies = agencies_with_role(user, *VIEW_ROLES)
    return (
        get_user_model().objects.filter(memberships__role=Role.HANDLER,
                                        memberships__agency__in=agencies)
        .distinct().order_by("full_name", "username")
    )


def application_list_of_applicant(*, user):
    return applications_of_applicant(user).select_related("agency").order_by("-received_on", "-id")


def public_timeline(application: Application):
    return ApplicationEvent.objects.filter(application=application).public().order_by("on", "id")


def urgency(application: Application, today: datetime.date, soon: datetime.date) -> str:
    """"overdue" / "soon" / "" for highlighting in lists (derived from due_on, never stored)."""
    if application.is_closed or application.due_on is None:
        return ""
    if application.due_on < today:
        return "overdue"
    if application.due_on <= soon:
        return "soon"
    return ""
