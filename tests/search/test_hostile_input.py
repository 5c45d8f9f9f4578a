"""Input that looks like FTS5, tsquery or SQL syntax is text to search for, never syntax."""

from __future__ import annotations

import pytest

from gongkai.search import backend

pytestmark = pytest.mark.django_db

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
