"""The review workflow of a document, in one table: 草稿 → 待审核 → 已发布, 退回, 撤回.

Pure: imports only the Status enum and the shared shape (`gongkai.workflow`). Services call
`ensure_transition()` before any change, so a transition from the wrong status is refused the
same way everywhere (code "invalid_transition").
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from gongkai.workflow import Workflow

from .models import Status

# status → the statuses it may move to
TRANSITIONS: dict[str, frozenset[str]] = {
    Status.DRAFT: frozenset({Status.PENDING}),
    Status.RETURNED: frozenset({Status.PENDING}),
    Status.PENDING: frozenset({Status.PUBLISHED, Status.RETURNED}),
    Status.PUBLISHED: frozenset({Status.WITHDRAWN}),
    # A withdrawn document may be corrected and submitted again; it keeps its 索引号.
    Status.WITHDRAWN: frozenset({Status.PENDING}),
}

# Statuses in which the drafter may still change the content and the attachments.
EDITABLE: frozenset[str] = frozenset({Status.DRAFT, Status.RETURNED, Status.WITHDRAWN})


WORKFLOW = Workflow(TRANSITIONS, Status)
can_transition = WORKFLOW.can_transition
ensure_transition = WORKFLOW.ensure_transition


def ensure_editable(current: str) -> None:
    if current not in EDITABLE:
        raise ValidationError(
            _("“%(current)s”状态的信息不能修改；已发布的信息须先撤回。"),
            code="not_editable",
            params={"current": Status(current).label},
        )
