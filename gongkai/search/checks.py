"""System checks of the search app: the database must be able to hold the index."""

from __future__ import annotations

from django.core import checks
from django.db import connection


@checks.register(checks.Tags.database)
def check_fts5(app_configs=None, databases=None, **kwargs) -> list[checks.CheckMessage]:
    """SQLite needs FTS5 (compiled into Python's sqlite3 on every common platform)."""
    if not databases or "default" not in databases or connection.vendor != "sqlite":
        return []
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA compile_options")
        options = {row[0] for row in cursor.fetchall()}
    if "ENABLE_FTS5" in options:
        return []
    return [
        checks.Error(
            "这个 SQLite 没有 FTS5 全文检索模块，检索无法工作。",
            hint="使用带 FTS5 的 SQLite（Python 官方发行版均带），或设置 DATABASE_URL 使用 PostgreSQL。",
            id="gongkai_search.E001",
        )
    ]

