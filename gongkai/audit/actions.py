"""The closed vocabulary of audited staff acts.

Each app declares its action codes, statically, in `<app>/audit_actions.py`: string constants
named after the act and a `LABELS` dict from code to Chinese label. `autodiscover()` (run once
by `AuditConfig.ready()`, as `admin.autodiscover()` does for admin modules) loads every
installed app's declarations, so the audit page can name and filter every code from start-up
on, whichever modules the process happens to import. `audit.record()` refuses an undeclared
code, so the log never holds a verb nobody can explain.

Must not import any app of ours: the declaration modules import nothing of the audit app.
"""

from __future__ import annotations

import re
from importlib import import_module

from django.utils.functional import Promise
from django.utils.module_loading import module_has_submodule

DECLARATION_MODULE = "audit_actions"
CODE_PATTERN = re.compile(r"^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$")

_ACTIONS: dict[str, str | Promise] = {}


def register(code: str, label: str | Promise) -> str:
    """Declare one action code with its Chinese label; returns the code.

    `autodiscover()` calls it for every entry of the apps' `LABELS`; new codes belong in the
    app's `audit_actions.py`, not in a call at the import of some other module.
    """
    if not CODE_PATTERN.match(code):
        raise ValueError(f"audit action code {code!r} is not a dotted lower-case name")
    existing = _ACTIONS.get(code)
    if existing is not None and str(existing) != str(label):
        raise ValueError(f"audit action {code!r} registered twice with different labels")
    _ACTIONS[code] = label
    return code


def autodiscover() -> None:
    """Load `<app>.audit_actions.LABELS` of every installed app into the vocabulary.

    A code must start with its app's label (`catalog.document.create` for `catalog`), so two
    apps can never declare the same code.
    """
    from django.apps import apps

    for config in apps.get_app_configs():
        if not module_has_submodule(config.module, DECLARATION_MODULE):
            continue
        module = import_module(f"{config.name}.{DECLARATION_MODULE}")
        for code, label in module.LABELS.items():
            if not code.startswith(f"{config.label}."):
                raise ValueError(f"{module.__name__} declares {code!r} outside its app's prefix")
            register(code, label)


def label_for(code: str) -> str:
    return str(_ACTIONS.get(code, code))


def is_registered(code: str) -> bool:
    return code in _ACTIONS


def all_actions() -> dict[str, str]:
    return {code: str(label) for code, label in sorted(_ACTIONS.items())}
