"""A very common term is not counted to the end on PostgreSQL: the page's hits are exact and
newest first, the count is an estimate marked as one ("约 N 条"), or "1000+" for a term in very
many titles. Anything else is counted exactly, on both engines."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from gongkai.search import backend
from gongkai.search.backends import base

from .factories import PublishedDocumentFactory

pytestmark = pytest.mark.django_db
DOCUMENTS = 60


@pytest.fixture
def common(agency):
    """DOCUMENTS documents, each with 营商环境 in its body (not its title), one a day."""
    return [
        PublishedDocumentFactory(agency=agency, title=f"第{n}号通知", doc_number="",
                                 body=f"<p>持续优化营商环境，第{n}项措施。</p>",
                                 published_on=dt.date(2024, 1, 1) + dt.timedelta(days=n))
        for n in range(DOCUMENTS)
    ]


@pytest.fixture(params=["walk", "index"])
def small_cap(request, monkeypatch):
    """MAX_RESULTS of 20 (DOCUMENTS hits is "far above" it: twice), and on PostgreSQL a planner
    that sees every entry as a candidate and a walk of at most 10 rows, or no walk: the index
    then estimates from the newest candidates it checked."""
    if request.param == "index" and connection.vendor != "postgresql":
        pytest.skip("PostgreSQL's plans")
    monkeypatch.setattr(base, "MAX_RESULTS", 20)
    if connection.vendor == "postgresql":
        from gongkai.search.backends import postgresql

        monkeypatch.setattr(postgresql, "MAX_RESULTS", 20)
        monkeypatch.setattr(postgresql, "ESTIMATE_ABOVE", 2)
        monkeypatch.setattr(postgresql.PostgresBackend, "_estimated_share", lambda *a: 1.0)
        monkeypatch.setattr(postgresql, "_estimated_entries", lambda *a, **k: float(DOCUMENTS))
        monkeypatch.setattr(postgresql, "WALK_LIMIT", {base.TITLE: 10, base.REST: 10})
        if request.param == "index":
            monkeypatch.setattr(postgresql, "DENSE_SHARE", {base.TITLE: 2.0, base.REST: 2.0})
    return request.param


def _newest_first(documents):
    return [d.pk for d in sorted(documents, key=lambda d: (d.published_on, d.pk), reverse=True)]


def test_a_common_term_pages_exactly_and_counts_by_estimate_on_postgresql(common, small_cap):
    first = backend.search("营商环境", page=1, page_size=2)
    third = backend.search("营商环境", page=3, page_size=2)
    expected = _newest_first(common)
    assert [h.document.pk for h in first.hits] == expected[:2]
    assert [h.document.pk for h in third.hits] == expected[4:6]
    if connection.vendor == "postgresql":
        assert first.estimated is True and first.count == DOCUMENTS
        assert first.count_display == f"约 {DOCUMENTS}"
    else:  # FTS5 counts through its index: exact
        assert first.estimated is False and first.count == 21
        assert first.count_display == "20+"


def test_a_term_the_sample_finds_rarely_is_counted_exactly(common, small_cap, agency):
    rare = PublishedDocumentFactory(agency=agency, title="通知", doc_number="",
                                    body="<p>稀有的词组</p>", published_on=dt.date(2025, 1, 1))
    page = backend.search("稀有的词组")
    assert page.estimated is False and page.count == 1
    assert [h.document.pk for h in page.hits] == [rare.pk]


def test_the_page_says_the_count_is_an_estimate(client, common, small_cap, monkeypatch):
    from gongkai.search import views

    monkeypatch.setattr(views, "PAGE_SIZE", 2)
    html = client.get(reverse("search:search"), {"q": "营商环境"}).content.decode()
    if connection.vendor == "postgresql":
        assert f"找到约 {DOCUMENTS} 条结果（估计数）" in html
    else:
        assert "找到 1000 条以上结果" in html and "估计数" not in html


def test_the_api_says_the_count_is_an_estimate(client, common, small_cap, monkeypatch):
    # The API's pages are 20 long: a cap of 40, walks long enough to fill one page.
    monkeypatch.setattr(base, "MAX_RESULTS", 40)
    if connection.vendor == "postgresql":
        from gongkai.search.backends import postgresql

        monkeypatch.setattr(postgresql, "MAX_RESULTS", 40)
        monkeypatch.setattr(postgresql, "ESTIMATE_ABOVE", 1)
        monkeypatch.setattr(postgresql, "WALK_LIMIT", {base.TITLE: 30, base.REST: 30})
    body = client.get("/api/v1/search", {"q": "营商环境"}).json()
    if connection.vendor == "postgresql":
        assert body["count_estimated"] is True and body["count_display"] == f"约 {DOCUMENTS}"
    else:
        assert body["count_estimated"] is False and body["count_display"] == "40+"
    assert client.get("/api/v1/search", {"q": "稀有的词组"}).json()["count_estimated"] is False


def test_a_term_in_very_many_titles_reads_only_the_page_and_says_more_than_the_cap(
        agency, small_cap):
    in_titles = [
        PublishedDocumentFactory(agency=agency, title=f"关于营商环境的第{n}号通知", doc_number="",
                                 body="<p>正文</p>",
                                 published_on=dt.date(2024, 1, 1) + dt.timedelta(days=n))
        for n in range(DOCUMENTS)
    ]
    with CaptureQueriesContext(connection) as queries:
        first = backend.search("营商环境", page=1, page_size=2)
    third = backend.search("营商环境", page=3, page_size=2)
    expected = _newest_first(in_titles)
    assert [h.document.pk for h in first.hits] == expected[:2]
    assert [h.document.pk for h in third.hits] == expected[4:6]
    assert all(h.in_title for h in first.hits + third.hits)
    assert first.estimated is False and first.count_display == "20+"
    if connection.vendor == "postgresql":
        # No body was searched (the rest tier not asked); the walk read no index candidates,
        # the index plan checked only the newest.
        sql = " ".join(q["sql"] for q in queries.captured_queries)
        assert "strpos(m.body" not in sql
        if small_cap == "walk":
            assert "MATERIALIZED" not in sql
        else:
            assert "LIMIT 3" in sql
