"""The public page: tips without a query, an empty state, clear messages, pagination links."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.django_db


def test_without_a_query_the_page_shows_the_tips(client):
    response = client.get("/search/")
    assert response.status_code == 200
    assert response.context["result"] is None
    assert "检索说明" in response.content.decode()


def test_no_result_shows_an_empty_state(client, publish):
    publish(title="营商环境")
    response = client.get("/search/", {"q": "不存在的词"})
    content = response.content.decode()
    assert response.context["result"].count == 0
    assert "没有找到包含“不存在的词”的公开信息" in content


def test_a_too_long_query_is_refused_with_a_message(client):
    response = client.get("/search/", {"q": "长" * 101})
    assert response.status_code == 200
    assert response.context["form"].errors.as_data()["q"][0].code == "query_too_long"
    assert "检索词过长" in response.content.decode()


def test_too_many_terms_are_refused_with_a_message(client):
    response = client.get("/search/", {"q": " ".join(f"词{i}" for i in range(9))})
    assert response.context["form"].errors.as_data()["q"][0].code == "too_many_terms"


def test_results_link_to_documents_and_mark_the_terms(client, publish):
    document = publish(title="关于优化营商环境的通知")
    content = client.get("/search/", {"q": "营商环境"}).content.decode()
    assert f'href="{document.get_absolute_url()}"' in content
    assert "关于优化<mark>营商环境</mark>的通知" in content


def test_pagination_keeps_the_query_and_filters(client, publish):
    for i in range(25):
        publish(title=f"安全生产检查{i}")
    response = client.get("/search/", {"q": "安全生产", "kind": "", "page": "2"})
    content = response.content.decode()
    assert len(response.context["result"].hits) == 5
    assert "?q=%E5%AE%89%E5%85%A8%E7%94%9F%E4%BA%A7&amp;kind=&amp;page=1" in content


def test_a_bad_page_number_shows_the_first_page(client, publish):
    publish(title="安全生产检查")
    response = client.get("/search/", {"q": "安全生产", "page": "abc"})
    assert response.context["result"].number == 1


def test_ignored_single_characters_are_explained(client, publish):
    publish(title="税收营商环境")
    content = client.get("/search/", {"q": "税 营商"}).content.decode()
    assert "已忽略单个字“税”" in content
