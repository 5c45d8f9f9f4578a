"""The status graph of a request, in one place, and which acts each status allows.

Status says where a request is; how it ended is `outcome`. Extension and delivery are events
that do not change status. The table has the shape of every workflow (`gongkai.workflow`): a
status lists itself only where it may be entered again, and a closed request is final.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from gongkai.workflow import Workflow

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
    # A further consultation (another third party or agency) may start while one is pending.
    Status.CONSULTING: frozenset({Status.IN_PROGRESS, Status.CONSULTING, Status.CLOSED}),
    Status.AWAITING_FEE: frozenset({Status.IN_PROGRESS, Status.CLOSED}),
    Status.CLOSED: frozenset(),
}


WORKFLOW = Workflow(TRANSITIONS, Status, refusal=_("当前状态（%(current)s）下不能进行此操作。"))
can_transition = WORKFLOW.can_transition
ensure_transition = WORKFLOW.ensure_transition
