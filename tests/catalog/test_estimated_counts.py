"""Lists over many documents are counted up to a limit, then estimated ("约 N 条"): no page of the
site or the API runs an unbounded COUNT(*) on PostgreSQL (checked on the SQL each page sends)."""

from __future__ import annotations

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from gongkai.catalog.models import Document
from gongkai.counts import list_count
from tests.conftest import clear_own_cache
from tests.search.factories import PublishedDocumentFactory

pytestmark = pytest.mark.django_db
API = "/api/v1"
on_postgresql = pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL estimates")


@pytest.fixture
def documents(agency, settings):
    settings.GONGKAI_EXACT_COUNT_LIMIT = 5
    clear_own_cache()
    return PublishedDocumentFactory.create_batch(8, agency=agency, body="<p>营商环境优化</p>")


def _counts(queries) -> list[str]:
    return [q["sql"] for q in queries if re.search(r"count\(", q["sql"], re.IGNORECASE)]


def _unbounded(sql: str) -> bool:
    """A COUNT that is not over a LIMITed subquery. PostgreSQL's search may count the gram
    index's candidates, which its plan has already materialised in full (`WITH c AS
    MATERIALIZED`) to sort them: that count reads no row, so it is not one."""
    over_candidates = re.search(r"WITH c AS MATERIALIZED .*\(SELECT count\(\*\) FROM c\)", sql,
                                re.S)
    rest = re.sub(r"\(SELECT count\(\*\) FROM c\)", "", sql) if over_candidates else sql
    counts = re.findall(r"count\(", rest, re.I)
    bounded = re.findall(r"count\(\*\)\s+FROM\s+\(SELECT.*?LIMIT\s+\d+\)", rest, re.I | re.S)
    return len(counts) > len(bounded)


PAGES = [
    ("/catalog/", {}),
    ("/catalog/", {"kind": "other"}),
    (f"{API}/documents", {}),
    (f"{API}/documents", {"agency": "x"}),
    ("/search/", {"q": "营商环境"}),
    (f"{API}/search", {"q": "营商环境"}),
]


@pytest.mark.parametrize(("path", "params"), PAGES)
def test_no_page_counts_without_a_bound_on_postgresql(client, documents, path, params):
    if connection.vendor != "postgresql":
        pytest.skip("SQLite has no estimate and counts exactly above the limit")
    with CaptureQueriesContext(connection) as captured:
        assert client.get(path, params).status_code == 200
    assert [sql for sql in _counts(captured.captured_queries) if _unbounded(sql)] == []


def test_below_the_limit_the_count_is_exact_and_bounded(client, agency, settings):
    settings.GONGKAI_EXACT_COUNT_LIMIT = 5
    PublishedDocumentFactory.create_batch(3, agency=agency)
    with CaptureQueriesContext(connection) as captured:
        content = client.get("/catalog/").content.decode()
    assert "共 3 条" in content and "约" not in content.split('role="status"')[1][:40]
    assert captured and all(not _unbounded(sql) for sql in _counts(captured.captured_queries))
    body = client.get(f"{API}/documents").json()
    assert (body["count"], body["count_estimated"]) == (3, False)


@on_postgresql
def test_above_the_limit_the_catalog_and_the_api_show_an_estimate(client, documents):
    content = client.get("/catalog/").content.decode()
    shown = re.search(r'role="status">\s*约 (\d+) 条', content)
    assert shown and int(shown.group(1)) >= 6
    body = client.get(f"{API}/documents", {"limit": 3}).json()
    assert body["count_estimated"] is True and body["count"] >= 6
    assert len(body["items"]) == 3
    # the page itself is exact: the newest three
    newest = list(Document.objects.published().order_by("-published_on", "-id")[:3])
    assert [item["id"] for item in body["items"]] == [d.pk for d in newest]


def test_above_the_limit_sqlite_counts_exactly(client, documents):
    if connection.vendor != "sqlite":
        pytest.skip("SQLite only")
    assert "共 8 条" in client.get("/catalog/").content.decode()
    assert list_count(Document.objects.published()).value == 8


def test_the_api_reads_only_the_page_of_a_long_list(client, documents):
    from gongkai.catalog.selectors import publication_years

    publication_years()  # the year filter's years are remembered until documents change
    with CaptureQueriesContext(connection) as captured:
        body = client.get(f"{API}/documents", {"limit": 2, "offset": 1}).json()
    assert len(body["items"]) == 2
    selects = [q["sql"] for q in captured.captured_queries
               if q["sql"].startswith("SELECT") and "count(" not in q["sql"].lower()
               and "catalog_document" in q["sql"]]
    assert selects and all(re.search(r"LIMIT 2 OFFSET 1", sql) for sql in selects)


def test_an_offset_beyond_any_list_is_refused_not_a_server_error(client, documents):
    assert client.get(f"{API}/documents", {"offset": 2**63}).status_code == 422
    body = client.get(f"{API}/documents", {"offset": 10_000_000}).json()
    assert body["items"] == []
