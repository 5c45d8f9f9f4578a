"""Searches work with DEBUG=1 (`make demo`): Django's debug cursor formats every query with its
parameters for the SQL log, so SQL that carries a bare `%` breaks there and nowhere else."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import override_settings

from gongkai.search import backend
from tests.conftest import clear_own_cache

pytestmark = pytest.mark.django_db

QUERIES = ["西政〔2024〕3号", "〔2024〕", "2024〕", "营商%环境", "%", "营商、环境", "(营商)",
           "“营商”", "'营商'", '"营商"', "营商 环境", "营商环境", "〔"]


@pytest.fixture
def debug_cursor():
    """What DEBUG=1 does to the database layer: every query goes through the debug wrapper,
    which calls `last_executed_query` (formats the SQL with the parameters)."""
    clear_own_cache()
    previous = connection.force_debug_cursor
    connection.force_debug_cursor = True
    with override_settings(DEBUG=True):
        yield
    connection.force_debug_cursor = previous


@pytest.fixture
def documents(publish):
    found = publish(title="关于优化营商环境（覆盖率100%）的通知", doc_number="西政〔2024〕3号",
                    body="<p>营商%环境、营商、环境(营商)“营商”'营商'\"营商\"</p>")
    publish(title="其他信息", doc_number="西办2023-7号", body="<p>无关内容</p>")
    return found


@pytest.mark.parametrize("query", QUERIES)
def test_search_page_answers_in_debug_mode(client, documents, debug_cursor, query):
    response = client.get("/search/", {"q": query})
    assert response.status_code == 200
    assert documents.get_absolute_url() in response.content.decode()


@pytest.mark.parametrize("query", QUERIES)
def test_api_search_answers_in_debug_mode(client, documents, debug_cursor, query):
    response = client.get("/api/v1/search", {"q": query})
    assert response.status_code == 200, response.content
    assert [r["document"]["id"] for r in response.json()["results"]] == [documents.pk]


def test_filtered_search_in_debug_mode(client, documents, debug_cursor):
    response = client.get("/api/v1/search", {"q": "〔2024〕", "agency": documents.agency.slug})
    assert response.status_code == 200, response.content
    assert response.json()["count"] == 1
    assert backend.search("营商%环境").count == 1
