"""Search backends behind one interface, chosen by the database vendor.

`get_backend()` returns the backend for the default database: `SQLiteBackend` (FTS5, the
embedded default) or `PostgresBackend` (tsvector + GIN). Call it through `gongkai.search.backend`.
"""

from __future__ import annotations

from django.db import connection

from .base import BaseBackend, SearchHit, SearchPage

__all__ = ["BaseBackend", "SearchHit", "SearchPage", "get_backend"]


def get_backend() -> BaseBackend:
    if connection.vendor == "postgresql":
        from .postgresql import PostgresBackend

        return PostgresBackend()
    if connection.vendor == "sqlite":
        from .sqlite import SQLiteBackend

        return SQLiteBackend()
    raise NotImplementedError(f"no search backend for database vendor {connection.vendor!r}")
