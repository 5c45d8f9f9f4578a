"""The annual report's workflow in one table (《条例》第五十条: the report goes to the
supervising office before it is published).

    草稿 ──报送──▶ 已报送 ──审定──▶ 已审定 ──发布──▶ 已发布
      ▲              │
      └────退回──────┘   (with comments; the drafter edits and 报送 again)

Who may take each step is in `permissions`; what each step does is in `annual_services`.
A published report is final: corrections are a new document, so there is no way back.
Imports only the model's Status enum.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from .models import AnnualReport

Status = AnnualReport.Status

# action -> (statuses it starts from, status it leads to)
TRANSITIONS: dict[str, tuple[frozenset[str], str]] = {
    "submit": (frozenset({Status.DRAFT}), Status.SUBMITTED),
    "return": (frozenset({Status.SUBMITTED, Status.APPROVED}), Status.DRAFT),
    "approve": (frozenset({Status.SUBMITTED}), Status.APPROVED),
    "publish": (frozenset({Status.APPROVED}), Status.PUBLISHED),
}

ACTION_LABELS: dict[str, str] = {
    "submit": _("报送"),
    "return": _("退回"),
    "approve": _("审定"),
    "publish": _("发布"),
}


def can_take(action: str, current: str) -> bool:
    sources, _target = TRANSITIONS[action]
    return current in sources


def actions_from(current: str) -> list[str]:
    """The actions the table allows from `current`, in workflow order."""
    return [action for action in TRANSITIONS if can_take(action, current)]


def ensure_action(action: str, current: str) -> str:
    """The status `action` leads to; ValidationError(code="wrong_status") if it may not start
    from `current`."""
    if action not in TRANSITIONS:
        raise ValidationError(_("未知的操作。"), code="unknown_action")
    sources, target = TRANSITIONS[action]
    if current not in sources:
        raise ValidationError(
            _("报告当前状态为“%(current)s”，不能%(action)s。"),
            code="wrong_status",
            params={"current": Status(current).label, "action": ACTION_LABELS[action]},
        )
    return target
