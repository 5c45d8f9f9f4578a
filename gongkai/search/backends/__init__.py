"""Search backends behind one interface, chosen by the database vendor.

`get_backend()` returns the backend for the default database: `SQLiteBackend` (FTS5, the
embedded default) or `PostgresBackend` (tsvector + GIN). Call it through `gongkai.search.backend`.
"""

from __future__ import annotations

from django.db import connection

from ..corpus import Corpus
from .base import BaseBackend, SearchHit, SearchPage

__all__ = ["BaseBackend", "SearchHit", "SearchPage", "get_backend"]


def get_backend(corpus: Corpus | None = None) -> BaseBackend:
    """The backend of the default database over `corpus` (default: the catalog's documents)."""
    if connection.vendor == "postgresql":
        from .postgresql import PostgresBackend

        return PostgresBackend(corpus)
    if connection.vendor == "sqlite":
        from .sqlite import SQLiteBackend

        return SQLiteBackend(corpus)
    raise NotImplementedError(f"no search backend for database vendor {connection.vendor!r}")
