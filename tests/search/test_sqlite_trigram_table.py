"""SQLite: terms of three or more characters through the trigram table, two-character terms
through the bigram table, mixed queries, removal, and the migration that fills both from the
entries already indexed."""

from __future__ import annotations

import datetime as dt
import importlib

import pytest
from django.db import connection

from gongkai.search import backend
from gongkai.search.corpus import DOCUMENTS

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "sqlite", reason="the FTS5 tables are SQLite's"),
]
migration = importlib.import_module("gongkai.search.migrations.0006_sqlite_trigram_fts")


class _Editor:
    connection = connection


def _titles(query: str) -> list[str]:
    return [hit.document.title for hit in backend.search(query, page_size=50).hits]


def _rows(table: str) -> int:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT count(*) FROM {table}('sepx OR 营商环 OR 营商')")
        return cursor.fetchone()[0]


@pytest.fixture
def documents(publish):
    publish(title="甲", body="<p>持续优化营商环境，推进高质量发展。</p>", published_on=dt.date(2024, 3, 1))
    publish(title="乙", body="<p>营商 环境</p>", published_on=dt.date(2024, 2, 1))
    publish(title="丙", body="<p>优化服务，营商环境的评价</p>", published_on=dt.date(2024, 1, 1))


def test_a_long_term_is_found_exactly_and_never_across_a_space(documents):
    assert _titles("营商环境") == ["甲", "丙"]
    assert _titles("商环") == ["甲", "丙"]  # a bigram: the bigram table
    assert _titles("营商环") == ["甲", "丙"]
    assert _titles("营商 环境") == ["甲", "乙", "丙"] and _titles("商环境") == ["甲", "丙"]


def test_two_character_terms_beside_longer_ones_are_checked(documents):
    assert _titles("营商环境 推进") == ["甲"]
    assert _titles("优化 营商环境") == ["甲", "丙"]
    assert _titles("营商环境 服务") == ["丙"]
    assert _titles("营商环境 没有") == []


def test_removal_takes_the_trigrams_out(documents):
    before = _rows(DOCUMENTS.tables.tri_fts)
    doc = backend.search("高质量发展").hits[0].document
    doc.delete()
    assert _titles("高质量发展") == []
    assert _rows(DOCUMENTS.tables.tri_fts) == before - 1


def test_the_migration_fills_both_tables_from_the_entries_already_indexed(documents):
    with connection.cursor() as cursor:
        for table in (DOCUMENTS.tables.fts, DOCUMENTS.tables.tri_fts):
            cursor.execute(f"DROP TABLE {table}")
    migration.forward(None, _Editor())
    assert _titles("营商环境") == ["甲", "丙"]
    assert _titles("优化 高质量") == ["甲"]
    assert _titles("营商 环境") == ["甲", "乙", "丙"]
