"""Title hits first, then newest first; paginated; the catalog's filters apply."""

from __future__ import annotations

import datetime as dt

import pytest

from gongkai.catalog.forms import DocumentFilterForm
from gongkai.catalog.models import Category, Document, Kind, Topic, Validity
from gongkai.search import backend
from gongkai.search.backends.base import MAX_RESULTS, SearchPage
from gongkai.search.text import parse_query

pytestmark = pytest.mark.django_db


def _titles(page):
    return [hit.document.title for hit in page.hits]


def test_title_hits_come_first_then_newest_first(publish):
    publish(title="旧的正文命中", body="<p>乡村振兴</p>", published_on=dt.date(2020, 1, 1))
    publish(title="新的正文命中", body="<p>乡村振兴</p>", published_on=dt.date(2024, 1, 1))
    publish(title="乡村振兴标题（旧）", published_on=dt.date(2019, 1, 1))
    publish(title="乡村振兴标题（新）", published_on=dt.date(2021, 1, 1))
    page = backend.search("乡村振兴")
    assert _titles(page) == ["乡村振兴标题（新）", "乡村振兴标题（旧）", "新的正文命中", "旧的正文命中"]
    assert [hit.in_title for hit in page.hits] == [True, True, False, False]


def test_results_are_paginated_across_the_two_tiers(publish):
    for i in range(3):
        publish(title=f"专项资金标题{i}", published_on=dt.date(2020, 1, 1 + i))
    for i in range(4):
        publish(title=f"正文{i}", body="<p>专项资金</p>", published_on=dt.date(2021, 1, 1 + i))
    first = backend.search("专项资金", page_size=2)
    second = backend.search("专项资金", page=2, page_size=2)
    last = backend.search("专项资金", page=99, page_size=2)
    assert first.count == 7 and first.paginator.num_pages == 4
    assert _titles(first) == ["专项资金标题2", "专项资金标题1"]
    assert _titles(second) == ["专项资金标题0", "正文3"]
    assert last.number == 4 and _titles(last) == ["正文0"]


def test_count_is_exact_up_to_a_thousand_then_1000_plus():
    page = SearchPage(query=parse_query("经济"), count=MAX_RESULTS + 1)
    assert page.count_display == "1000+"
    assert page.paginator.num_pages == MAX_RESULTS // page.page_size
    assert SearchPage(query=parse_query("经济"), count=999).count_display == "999"


def _filtered(query, **params):
    form = DocumentFilterForm(params)
    return _titles(backend.search(query, queryset=form.filter_queryset(Document.objects.all())))


def test_filters_of_the_catalog_narrow_the_results(publish, agency, other_agency):
    policies = Category.objects.get(slug="policies")
    other = Category.objects.exclude(pk=policies.pk).filter(parent__isnull=False).first()
    publish(title="农业补贴甲", agency=agency, category=policies, kind=Kind.NORMATIVE,
            topic=Topic.AGRICULTURE, published_on=dt.date(2021, 5, 1))
    publish(title="农业补贴乙", agency=other_agency, category=other, kind=Kind.OTHER,
            topic=Topic.FINANCE, published_on=dt.date(2023, 5, 1), validity=Validity.REPEALED)
    assert _filtered("农业补贴", agency=agency.slug) == ["农业补贴甲"]
    assert _filtered("农业补贴", category=policies.slug) == ["农业补贴甲"]
    assert _filtered("农业补贴", kind=Kind.OTHER) == ["农业补贴乙"]
    assert _filtered("农业补贴", topic=Topic.AGRICULTURE) == ["农业补贴甲"]
    assert _filtered("农业补贴", year="2023") == ["农业补贴乙"]
    assert _filtered("农业补贴", validity=Validity.REPEALED) == ["农业补贴乙"]
    assert _filtered("农业补贴", agency=agency.slug, year="2023") == []


def test_the_search_page_applies_the_filters(client, publish, agency, other_agency):
    publish(title="财政预算公开甲", agency=agency)
    publish(title="财政预算公开乙", agency=other_agency)
    response = client.get("/search/", {"q": "财政预算", "agency": other_agency.slug})
    assert [h.document.title for h in response.context["result"].hits] == ["财政预算公开乙"]
