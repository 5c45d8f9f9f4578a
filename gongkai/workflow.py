"""One shape for every status workflow (documents, requests, annual reports).

A workflow is a table `status -> the statuses it may move to`, with no implicit self-loops: a
status that may be entered again from itself lists itself. A move the table does not hold is
refused with ValidationError(code=INVALID_TRANSITION), the one code views, the API and tests
look for. Each app keeps its own table next to its Status enum (`<app>/workflow.py`).

Pure: imports nothing of ours.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db.models import TextChoices
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

INVALID_TRANSITION = "invalid_transition"


@dataclass(frozen=True)
class Workflow:
    """A status table and the refusal message for a move it does not allow."""

    transitions: Mapping[str, frozenset[str]]
    statuses: type[TextChoices]
    # %(current)s and %(target)s are the statuses' labels.
    refusal: str | Promise = _("当前状态为“%(current)s”，不能变更为“%(target)s”。")

    def __post_init__(self) -> None:
        unknown = set(self.transitions).union(*self.transitions.values()) - set(self.statuses.values)
        if unknown or set(self.transitions) != set(self.statuses.values):
            raise ValueError(f"workflow table must list every status exactly once: {sorted(unknown)}")

    def targets(self, current: str) -> frozenset[str]:
        return self.transitions.get(current, frozenset())

    def can_transition(self, current: str, target: str) -> bool:
        return target in self.targets(current)

    def ensure_transition(self, current: str, target: str) -> None:
        """Raise ValidationError(code="invalid_transition") unless `current` may move to `target`."""
        if not self.can_transition(current, target):
            raise ValidationError(
                self.refusal,
                code=INVALID_TRANSITION,
                params={"current": self.statuses(current).label, "target": self.statuses(target).label},
            )
