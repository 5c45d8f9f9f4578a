"""The status graph of a request, in one place, and which acts each status allows.

Status says where a request is; how it ended is `outcome`. Extension and delivery are events
that do not change status.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from .models.application import Status

TRANSITIONS: dict[str, frozenset[str]] = {
    Status.RECEIVED: frozenset(
        {Status.IN_PROGRESS, Status.CORRECTION_REQUESTED, Status.CONSULTING,
         Status.AWAITING_FEE, Status.CLOSED}
    ),
    Status.IN_PROGRESS: frozenset(
        {Status.CORRECTION_REQUESTED, Status.CONSULTING, Status.AWAITING_FEE, Status.CLOSED}
    ),
    Status.CORRECTION_REQUESTED: frozenset({Status.IN_PROGRESS, Status.CLOSED}),
    Status.CONSULTING: frozenset({Status.IN_PROGRESS, Status.CLOSED}),
    Status.AWAITING_FEE: frozenset({Status.IN_PROGRESS, Status.CLOSED}),
    Status.CLOSED: frozenset(),
}


def can_transition(current: str, target: str) -> bool:
    return target == current or target in TRANSITIONS.get(current, frozenset())


def ensure_transition(current: str, target: str) -> None:
    if not can_transition(current, target):
        raise ValidationError(
            _("当前状态（%(current)s）下不能进行此操作。"),
            code="invalid_transition",
            params={"current": Status(current).label},
        )
