"""回应关切, 意见征集 and 双公示 on the supervisor's dashboard: per agency, the public's questions of
the year (received, answered, still open, overdue), consultations whose 采纳情况 is overdue, and
decisions not published within the agency's deadline.

Reads only the owning apps' querysets (`responses`, `participation`, `powers`); three queries.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.db.models import Count, Q

from gongkai.participation.models import Consultation
from gongkai.participation.selectors import feedback_overdue
from gongkai.powers.models import Decision
from gongkai.responses.models import PublicQuestion, QuestionStatus


@dataclass
class Engagement:
    received: int = 0
    answered: int = 0
    open: int = 0
    overdue: int = 0
    late_feedback: list[Consultation] = field(default_factory=list)
    decisions_overdue: int = 0  # 双公示: decisions past the agency's deadline, not published


def engagement_for(agency_ids: list[int], *, year: int,
                   today: datetime.date) -> dict[int, Engagement]:
    rows = {pk: Engagement() for pk in agency_ids}
    counts = (PublicQuestion.objects.filter(agency_id__in=agency_ids)
              .values("agency_id").order_by()
              .annotate(received=Count("id", filter=Q(received_on__year=year)),
                        answered=Count("id", filter=Q(answered_on__year=year,
                                                      status=QuestionStatus.ANSWERED)),
                        open=Count("id", filter=Q(status=QuestionStatus.RECEIVED)),
                        overdue=Count("id", filter=Q(status=QuestionStatus.RECEIVED,
                                                     due_on__lt=today))))
    for item in counts:
        row = rows[item.pop("agency_id")]
        for key, value in item.items():
            setattr(row, key, value)
    overdue_decisions = (Decision.objects.filter(agency_id__in=agency_ids).overdue(today)
                         .values("agency_id").order_by().annotate(n=Count("id")))
    for item in overdue_decisions:
        rows[item["agency_id"]].decisions_overdue = item["n"]
    for consultation in feedback_overdue(agencies=agency_ids, today=today):
        rows[consultation.agency_id].late_feedback.append(consultation)
    return rows
