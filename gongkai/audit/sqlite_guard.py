"""The audit log's append-only guard on SQLite, the embedded production default.

PostgreSQL refuses UPDATE and DELETE of an audit row with a trigger (migration 0002). On SQLite
three triggers do the same (migration 0003):

- UPDATE is refused (0002), except clearing the actor of a deleted account;
- DELETE is refused unless the SQL function `gongkai_audit_delete_allowed()` answers 1. The
  site registers it on each connection (answering 0, or 1 inside `deletion_allowed()`), so raw
  SQL, through the site or a bare `sqlite3` shell (where the function does not exist and the
  statement fails), cannot remove a row; only whole-database replacement (`flush` before a
  JSON restore, the test suite's flush between tests) opens it, from Python;
- INSERT of an id that exists is refused: `INSERT OR REPLACE` deletes the old row without
  firing DELETE triggers (unless recursive_triggers is on) and so rewrote an entry past the
  UPDATE trigger. The connection also turns PRAGMA recursive_triggers on (settings.py), so a
  REPLACE fires the DELETE trigger as well.
"""

from __future__ import annotations

import contextvars
from collections.abc import Iterator
from contextlib import contextmanager

FUNCTION = "gongkai_audit_delete_allowed"

_allowed: contextvars.ContextVar[bool] = contextvars.ContextVar("gongkai_audit_delete_allowed",
                                                                default=False)


def register_function(sender, connection, **kwargs) -> None:
    """connection_created receiver: give each SQLite connection the guard's function."""
    if connection.vendor == "sqlite":
        connection.connection.create_function(FUNCTION, 0, lambda: int(_allowed.get()))


@contextmanager
def deletion_allowed() -> Iterator[None]:
    """Let DELETE through for the database being replaced wholesale; nothing else."""
    token = _allowed.set(True)
    try:
        yield
    finally:
        _allowed.reset(token)
