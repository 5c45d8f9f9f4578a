"""SQLite: the title tier's own FTS5 table, and the migration that fills it from the entries."""

from __future__ import annotations

import datetime as dt
import importlib

import pytest
from django.db import connection

from gongkai.search import backend

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "sqlite", reason="the FTS5 tables are SQLite's"),
]
migration = importlib.import_module("gongkai.search.migrations.0003_sqlite_title_fts")


class _Editor:
    """What the migration uses of a schema editor (a real one refuses to open in a test's
    transaction on SQLite)."""

    connection = connection

    def execute(self, sql: str) -> None:
        with connection.cursor() as cursor:
            cursor.execute(sql)


def _titles(page):
    return [hit.document.title for hit in page.hits]


def test_a_term_common_in_bodies_and_rare_in_titles_ranks_the_title_first(publish):
    for day in range(1, 30):
        publish(title=f"通知{day}", body="<p>营商环境持续优化</p>", published_on=dt.date(2024, 1, day))
    publish(title="优化营商环境实施方案", published_on=dt.date(2019, 1, 1))
    page = backend.search("营商环境", page_size=5)
    assert page.count == 30
    assert _titles(page)[:2] == ["优化营商环境实施方案", "通知29"]
    everything = backend.search("营商环境", page_size=50)
    assert len({hit.document.pk for hit in everything.hits}) == 30  # no document twice


def test_the_migration_fills_the_title_table_from_the_entries_already_indexed(publish):
    publish(title="高标准农田建设方案", body="<p>正文</p>")
    publish(title="另一份文件", body="<p>高标准农田建设</p>")
    _Editor().execute("DROP TABLE search_title_fts")
    migration.forward(None, _Editor())
    page = backend.search("农田建设")
    assert _titles(page) == ["高标准农田建设方案", "另一份文件"]
    assert [hit.in_title for hit in page.hits] == [True, False]
