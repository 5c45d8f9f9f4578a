"""Searching the disclosure log with the catalog's engine: every substring of what a published
request shows finds it, nothing else does, withdrawn ones and applicants never appear, and the
index follows publication, edits and withdrawal. Runs on SQLite and PostgreSQL alike."""

from __future__ import annotations

import datetime as dt
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection
from django.urls import reverse

from gongkai.applications import selectors, services
from gongkai.applications.models import PublishedRequest
from gongkai.applications.published_search import PUBLISHED_REQUESTS
from gongkai.search import backend
from gongkai.search.text import normalize, parse_query

from .factories import make_application

pytestmark = pytest.mark.django_db

D = dt.date
QUESTION = "申请公开2021年度商贸流通专项资金分配结果"
REPLY = "资金分配表附后：城关镇电商服务站12万元，红花集镇冷链仓储8万元。"
IDENTITY = {"applicant_name": "欧阳明月", "phone": "13912345678", "email": "ouyang@example.cn",
            "address": "河南省周口市西华县幸福路99号", "title": "冷链仓储项目补助明细",
            "description": "请提供上官秀英经营的冷链仓储项目补助明细"}


def _close(agency, handler, travel, outcome="disclosed", **identity):
    application = make_application(agency, received_on=D(2021, 9, 27), **identity)
    travel(D(2021, 10, 20))
    services.application_assign(application=application, handler=handler, actor=handler)
    services.application_close(application=application, actor=handler, outcome=outcome,
                               on=D(2021, 10, 20))
    application.refresh_from_db()
    return application


@pytest.fixture
def publish(agency, handler, travel):
    """publish(question, reply, outcome=…, agency=…, actor=…) -> a published request."""

    def make(question, reply="", outcome="disclosed", in_agency=None, actor=None, **identity):
        application = _close(in_agency or agency, actor or handler, travel, outcome, **identity)
        return services.published_request_publish(application=application,
                                                  actor=actor or handler,
                                                  question=question, reply=reply)

    return make


def _found(query, **kwargs) -> list[int]:
    page = selectors.published_request_search(parse_query(query), **kwargs)
    return [hit.document.pk for hit in page.hits]


def _substrings(text: str, step: int = 3):
    text = normalize(text)
    for length in (2, 3, 5, 8):
        for start in range(0, max(1, len(text) - length + 1), step):
            piece = text[start : start + length]
            if " " not in piece and len(piece) == length:
                yield piece


def test_every_substring_of_question_outcome_and_reply_finds_the_request(publish):
    publication = publish(QUESTION, REPLY, **IDENTITY)
    publish("申请公开城区道路改造工程招标文件", "招标文件见附件。", outcome="unable_not_held")
    application = publication.application
    shown = [QUESTION, REPLY, application.get_outcome_display(), application.plain_result]
    for text in shown:
        for piece in _substrings(text):
            assert publication.pk in _found(piece), (text, piece)


def test_only_requests_holding_every_term_are_found(publish):
    funds = publish(QUESTION, REPLY)
    roads = publish("申请公开城区道路改造工程招标文件", "招标文件见附件。", outcome="unable_not_held")
    assert _found("招标文件") == [roads.pk]
    assert _found("专项资金 冷链") == [funds.pk]
    assert _found("专项资金 招标") == []
    assert _found("资金分配结果招标") == []  # each word is there, the phrase is not
    # The question ranks first: the reply holds "资金" too, newest first within each tier.
    both = publish("申请公开资金拨付凭证", "已公开。")
    assert _found("资金") == [both.pk, funds.pk]


def test_applicant_data_is_never_indexed_nor_found(publish):
    publication = publish(QUESTION, REPLY, **IDENTITY)
    application = publication.application
    for value in (application.applicant_name, application.phone, application.email,
                  application.address, application.id_number, application.query_code,
                  "上官秀英", "冷链仓储项目补助明细"):
        assert _found(value) == [], value
    tables = PUBLISHED_REQUESTS.tables
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT title, doc_number, body FROM {tables.entries}")
        stored = " ".join(" ".join(row) for row in cursor.fetchall())
    assert "冷链仓储8万元" in stored
    for value in (application.applicant_name, application.phone, application.email.lower(),
                  application.address, application.id_number, "上官秀英"):
        assert value not in stored, value


def test_withdrawn_publications_are_never_returned(publish, handler):
    publication = publish(QUESTION, REPLY)
    assert _found("专项资金") == [publication.pk]
    services.published_request_withdraw(publication=publication, actor=handler)
    assert _found("专项资金") == []
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT count(*) FROM {PUBLISHED_REQUESTS.tables.entries}")
        assert cursor.fetchone()[0] == 0


def test_a_request_of_an_inactive_agency_is_not_returned(publish, agency):
    publish(QUESTION, REPLY)
    agency.is_active = False
    agency.save()
    assert _found("专项资金") == []


def test_an_edited_publication_is_found_by_its_new_text_only(publish):
    publication = publish(QUESTION, REPLY)
    publication.reply = "分配表已在财政预算公开栏目发布。"
    publication.save()
    assert _found("冷链仓储") == []
    assert _found("预算公开栏目") == [publication.pk]


def test_a_corrected_outcome_is_searched_by_its_new_label(publish):
    publication = publish(QUESTION, REPLY, outcome="disclosed")
    application = publication.application
    assert _found("没有您申请的信息") == []
    application.outcome = "unable_not_held"
    application.save(update_fields=["outcome"])
    assert _found("没有您申请的信息") == [publication.pk]


def test_the_agency_filter_applies_to_the_search(publish, other_agency, make_staff):
    from gongkai.agencies.models import Role

    here = publish(QUESTION, REPLY)
    other = make_staff(other_agency, Role.HANDLER, username="h2")
    there = publish("申请公开财政专项资金绩效评价报告", "", in_agency=other_agency, actor=other)
    assert sorted(_found("专项资金")) == sorted([here.pk, there.pk])
    assert _found("专项资金", agency_slug=other_agency.slug) == [there.pk]


def test_reindex_rebuilds_the_log_index_too(publish):
    publication = publish(QUESTION, REPLY)
    tables = PUBLISHED_REQUESTS.tables
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {tables.entries}")
    out = StringIO()
    call_command("search_reindex", stdout=out)
    assert "1 条公开的申请答复" in out.getvalue()
    assert _found("冷链仓储") == [publication.pk]
    assert backend.search("冷链仓储").count == 0  # the catalog's index holds no request


# --- the page --------------------------------------------------------------------------------

def test_the_page_searches_with_snippets_and_keeps_the_agency(client, publish, agency):
    publication = publish(QUESTION, REPLY, **IDENTITY)
    url = reverse("applications:published_list")
    page = client.get(url, {"q": "冷链仓储"}).content.decode()
    assert publication.get_absolute_url() in page
    assert "<mark>冷链仓储</mark>" in page and "找到 1 条结果" in page
    for value in (IDENTITY["applicant_name"], IDENTITY["phone"], IDENTITY["address"], "上官秀英"):
        assert value not in page
    within = client.get(url, {"q": "冷链仓储", "agency": agency.slug}).content.decode()
    assert publication.get_absolute_url() in within
    assert f'name="agency" value="{agency.slug}"' in within
    assert f"agency={agency.slug}&amp;q=" in page  # the agency links keep the query


def test_the_page_says_when_nothing_is_found(client, publish):
    publish(QUESTION, REPLY)
    page = client.get(reverse("applications:published_list"), {"q": "幸福路"}).content.decode()
    assert "没有找到包含“幸福路”的申请答复" in page


def test_the_page_refuses_an_overlong_query_with_a_message(client, publish):
    publish(QUESTION, REPLY)
    page = client.get(reverse("applications:published_list"), {"q": "资金" * 80}).content.decode()
    assert "检索词过长" in page


def test_search_results_are_paginated(client, publish, monkeypatch):
    from gongkai.applications.views import published

    monkeypatch.setattr(published, "PAGE_SIZE", 2)
    made = [publish(f"申请公开第{n}批专项资金分配结果", "") for n in range(3)]
    url = reverse("applications:published_list")
    first = client.get(url, {"q": "专项资金"}).content.decode()
    second = client.get(url, {"q": "专项资金", "page": 2}).content.decode()
    assert "第 1 / 2 页" in first and "q=%E4%B8%93%E9%A1%B9%E8%B5%84%E9%87%91&amp;page=2" in first
    assert made[0].get_absolute_url() in second
    assert made[2].get_absolute_url() in first and made[0].get_absolute_url() not in first
    assert PublishedRequest.objects.count() == 3
