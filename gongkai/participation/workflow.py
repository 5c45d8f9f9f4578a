"""A consultation's workflow in one table.

    草稿 ──发布征集──▶ 征集中 ──结束征集──▶ 待公布采纳情况 ──公布采纳情况──▶ 已公布
                        └──────────────公布采纳情况──────────────┘ (once the period is over)

What each step checks and does is in `services`. Imports only the model's status enum.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from .models import ConsultationStatus as Status

# action -> (statuses it starts from, status it leads to)
TRANSITIONS: dict[str, tuple[frozenset[str], str]] = {
    "open": (frozenset({Status.DRAFT}), Status.OPEN),
    "close": (frozenset({Status.OPEN}), Status.CLOSED),
    "conclude": (frozenset({Status.OPEN, Status.CLOSED}), Status.CONCLUDED),
}

ACTION_LABELS: dict[str, str] = {
    "open": _("发布征集"),
    "close": _("结束征集"),
    "conclude": _("公布采纳情况"),
}


def ensure_action(action: str, current: str) -> str:
    """The status `action` leads to; ValidationError(code="wrong_status") otherwise."""
    sources, target = TRANSITIONS[action]
    if current not in sources:
        raise ValidationError(
            _("意见征集当前状态为“%(current)s”，不能%(action)s。"), code="wrong_status",
            params={"current": Status(current).label, "action": ACTION_LABELS[action]})
    return target
