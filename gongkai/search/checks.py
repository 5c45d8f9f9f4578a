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


@checks.register(checks.Tags.database)
def check_rum(app_configs=None, databases=None, **kwargs) -> list[checks.CheckMessage]:
    """PostgreSQL without RUM searches correctly but re-checks phrases row by row."""
    if not databases or "default" not in databases or connection.vendor != "postgresql":
        return []
    with connection.cursor() as cursor:
        cursor.execute("SELECT to_regclass('search_positions') IS NOT NULL")
        if not cursor.fetchone()[0]:
            return []  # not migrated yet
        cursor.execute(
            "SELECT 1 FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid "
            "JOIN pg_am a ON a.oid = c.relam "
            "WHERE i.indrelid = 'search_positions'::regclass AND a.amname = 'rum'"
        )
        if cursor.fetchone():
            return []
    return [
        checks.Warning(
            "检索索引未使用 RUM 扩展（改用 GIN）：结果正确，但常见字组成的短语检索会逐行复核，"
            "百万条信息时可能需要数秒。",
            hint="安装 RUM 扩展（Debian：apt-get install postgresql-15-rum，按服务器主版本号），"
            "以超级用户执行 CREATE EXTENSION rum，然后运行 manage.py search_reindex。",
            id="gongkai_search.W002",
        )
    ]
