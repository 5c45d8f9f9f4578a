"""Input that looks like FTS5, tsquery or SQL syntax is text to search for, never syntax."""

from __future__ import annotations

import pytest

from gongkai.search import backend
from tests.conftest import clear_own_cache

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    clear_own_cache()  # the API allows 120 requests a minute per address; these tests send more

HOSTILE = [
    '"', '""', "'", "' OR 1=1 --", '" OR "1"="1', "营商 AND 环境", "营商 OR 环境", "NOT 营商",
    "NEAR(营商 环境)", "营商*", "*", "^营商", "(营商", "营商)", "()", "-- 营商", "营商 -环境",
    "title:营商", "{title}:营商", "营商 & 环境", "营商 | !环境", "营商 <-> 环境", "a:*", "\\",
    "%", "_", "%%", "营商%", "\u0000营商", "'; DROP TABLE catalog_document; --", "😀😀",
    "营商\\'环境", "+-&&||!(){}[]^\"~*?:\\/",
]


@pytest.mark.parametrize("query", HOSTILE)
def test_hostile_queries_return_results_not_errors(client, publish, query):
    publish(title="优化营商环境的通知", body="<p>营商环境</p>")
    backend.search(query)  # no exception
    response = client.get("/search/", {"q": query})
    assert response.status_code == 200


def test_syntax_characters_are_searched_literally(publish):
    document = publish(title="关于“' OR 1=1 --”字样的说明", body="<p>NEAR(营商 环境) 与 a*b</p>")
    publish(title="其他信息", body="<p>营商环境</p>")
    assert [h.document for h in backend.search("' OR 1=1 --").hits] == [document]
    assert [h.document for h in backend.search("NEAR(营商").hits] == [document]
    assert [h.document for h in backend.search("a*b").hits] == [document]
    assert backend.search("营商 AND").count == 0  # "and" is a term, and no document holds it


def test_a_document_whose_text_is_markup_is_shown_escaped(client, publish):
    publish(title="<b>标题</b>脚本测试", body="<p>&lt;script&gt;alert(1)&lt;/script&gt;脚本测试</p>")
    content = client.get("/search/", {"q": "脚本测试"}).content.decode()
    assert "<script>alert(1)" not in content
    assert "&lt;script&gt;alert(1)&lt;/script&gt;<mark>脚本测试</mark>" in content
    assert "&lt;b&gt;标题&lt;/b&gt;<mark>脚本测试</mark>" in content


# Control characters, lone surrogates, NUL and very long input: the page and the API answer
# 200, and what cannot be searched gets a message instead of a server error.
RAW_QUERIES = [
    "%00", "%ED%A0%80", "%ED%A0%80%E8%90%A5%E5%95%86", "%01%02%1F%7F", "%E8%90%A5%0A%E5%95%86",
    "%FF%FE", "--", ";", "%3B%20--", "%5C%5C", "%22%22%22", "NEAR%28", "%5E", "%3A",
    "%E8%90%A5" * 400, "a" * 5000, "%E8%90%A5%E5%95%86%E2%80%AE",
]


@pytest.mark.parametrize("raw", RAW_QUERIES, ids=lambda raw: raw[:30])
@pytest.mark.parametrize("path", ["/search/", "/api/v1/search"])
def test_raw_hostile_query_strings_never_cause_a_server_error(client, publish, raw, path):
    publish(title="优化营商环境的通知", body="<p>营商环境</p>")
    response = client.get(f"{path}?q={raw}")
    assert response.status_code in (200, 422) if path.startswith("/api/") else response.status_code == 200
    if path.startswith("/api/") and response.status_code == 422:
        assert response.json()["message"]  # a clear reason for the client


@pytest.mark.parametrize("query", ["\ud800营商", "营商\udfff", "\x00", "营\x00商", "\x1b[31m营商", "营" * 5000])
def test_the_backend_takes_control_characters_and_lone_surrogates(publish, query):
    publish(title="优化营商环境的通知", body="<p>营商环境</p>")
    backend.search(query)  # no exception, on SQLite and PostgreSQL


@pytest.mark.parametrize("query", HOSTILE)
def test_hostile_queries_through_the_api(client, publish, query):
    publish(title="优化营商环境的通知", body="<p>营商环境</p>")
    response = client.get("/api/v1/search", {"q": query})
    assert response.status_code in (200, 422)
    if response.status_code == 422:
        assert response.json()["message"]
