"""Stored due dates follow the working-day calendar: when a year's holiday schedule is entered,
corrected or deleted (`gongkai.workdays.schedule_changed`, sent by the calendar's services from
any entry point), every request whose dates reach into that year is recomputed from its log in
the same transaction. No event is written: the facts did not change, only the calendar."""

from __future__ import annotations

import datetime
from collections.abc import Iterable

from django.db import transaction
from django.db.models import Q

from ..models import Application
from .base import refresh_deadline


def affected_by_years(years: Iterable[int]):
    """Requests (open or closed: the on-time rate reads closed ones' due dates) whose stored
    dates lie in, or were assumed for, one of `years`, and that were received by its end."""
    years = sorted(set(years))
    first, last = datetime.date(years[0], 1, 1), datetime.date(years[-1], 12, 31)
    return Application.objects.filter(received_on__lte=last).filter(
        Q(due_on_provisional=True) | Q(due_on__gte=first) | Q(wait_until__gte=first)
    )


@transaction.atomic
def application_deadlines_recompute(*, years: Iterable[int]) -> int:
    """Recompute the stored deadline of every request affected by `years`; returns how many
    stored values changed."""
    changed = 0
    for application in affected_by_years(years).select_for_update().order_by("pk"):
        before = (application.due_on, application.wait_until, application.due_on_provisional)
        refresh_deadline(application)
        after = (application.due_on, application.wait_until, application.due_on_provisional)
        changed += before != after
    return changed


def recompute_on_schedule_change(sender, *, years, **kwargs) -> int:
    """Receiver of `workdays.schedule_changed` (connected in ApplicationsConfig.ready)."""
    return application_deadlines_recompute(years=years)
