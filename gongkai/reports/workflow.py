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

from gongkai.workflow import INVALID_TRANSITION, Workflow

from .models import AnnualReport

Status = AnnualReport.Status

# status -> the statuses it may move to (the shape of every workflow, gongkai.workflow)
TRANSITIONS: dict[str, frozenset[str]] = {
    Status.DRAFT: frozenset({Status.SUBMITTED}),
    Status.SUBMITTED: frozenset({Status.APPROVED, Status.DRAFT}),
    Status.APPROVED: frozenset({Status.PUBLISHED, Status.DRAFT}),
    Status.PUBLISHED: frozenset(),
}
WORKFLOW = Workflow(TRANSITIONS, Status)

# The staff's buttons: action -> the status it leads to.
ACTIONS: dict[str, str] = {
    "submit": Status.SUBMITTED,
    "return": Status.DRAFT,
    "approve": Status.APPROVED,
    "publish": Status.PUBLISHED,
}

ACTION_LABELS: dict[str, str] = {
    "submit": _("报送"),
    "return": _("退回"),
    "approve": _("审定"),
    "publish": _("发布"),
}


def can_take(action: str, current: str) -> bool:
    return WORKFLOW.can_transition(current, ACTIONS[action])


def actions_from(current: str) -> list[str]:
    """The actions the table allows from `current`, in workflow order."""
    return [action for action in ACTIONS if can_take(action, current)]


def ensure_action(action: str, current: str) -> str:
    """The status `action` leads to; ValidationError(code="invalid_transition") if it may not
    start from `current`."""
    if action not in ACTIONS:
        raise ValidationError(_("未知的操作。"), code="unknown_action")
    if not can_take(action, current):
        raise ValidationError(
            _("报告当前状态为“%(current)s”，不能%(action)s。"),
            code=INVALID_TRANSITION,
            params={"current": Status(current).label, "action": ACTION_LABELS[action]},
        )
    return ACTIONS[action]
