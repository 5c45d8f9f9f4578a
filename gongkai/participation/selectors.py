"""Reading consultations: what a supervisor's dashboard needs."""

from __future__ import annotations

import datetime

from .models import Consultation, ConsultationQuerySet


def feedback_overdue(*, agencies, today: datetime.date) -> ConsultationQuerySet:
    """Consultations of `agencies` whose 采纳情况 is past its deadline and not yet published."""
    return (Consultation.objects.filter(agency__in=agencies).feedback_overdue(today)
            .select_related("agency").order_by("feedback_due_on"))
