"""The closed vocabulary of audited staff acts.

Every app registers its action codes here (in its `AppConfig.ready()` or at import of its
services module); `audit.record()` refuses an unregistered code, so the log never holds a
verb nobody can explain.
"""

from __future__ import annotations

from django.utils.functional import Promise

_ACTIONS: dict[str, str | Promise] = {}


def register(code: str, label: str | Promise) -> str:
    """Register an action code with its Chinese label; returns the code."""
    existing = _ACTIONS.get(code)
    if existing is not None and str(existing) != str(label):
        raise ValueError(f"audit action {code!r} registered twice with different labels")
    _ACTIONS[code] = label
    return code


def label_for(code: str) -> str:
    return str(_ACTIONS.get(code, code))


def is_registered(code: str) -> bool:
    return code in _ACTIONS


def all_actions() -> dict[str, str]:
    return {code: str(label) for code, label in sorted(_ACTIONS.items())}
