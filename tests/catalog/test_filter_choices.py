"""The browsing filters offer what exists, in an order that reads: columns parent first, each
followed by its own children; only years in which something was published."""

from __future__ import annotations

import datetime as dt

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from gongkai.catalog.models import Category
from tests.search.factories import PublishedDocumentFactory

pytestmark = pytest.mark.django_db


def _options(client, name: str) -> list[tuple[str, str]]:
    page = BeautifulSoup(client.get(reverse("catalog:browse")).content, "html.parser")
    return [(o["value"], o.get_text()) for o in page.select(f"select[name={name}] option")]


def test_each_column_comes_right_after_its_parent_or_its_siblings(client):
    # A child column created before its parent's later siblings: id order is not tree order.
    parent = Category.objects.create(name="财政信息", slug="finance-test", sort_order=1)
    Category.objects.create(name="预算决算", slug="budget-test", parent=parent, sort_order=2)
    Category.objects.create(name="政府债务", slug="debt-test", parent=parent, sort_order=1)
    by_slug = {c.slug: c for c in Category.objects.filter(is_active=True)}
    slugs = [value for value, _label in _options(client, "category") if value]
    assert sorted(slugs) == sorted(by_slug)

    def ancestors(slug: str) -> set[str]:
        category, found = by_slug[slug], set()
        while category.parent_id:
            category = category.parent
            found.add(category.slug)
        return found

    for i, slug in enumerate(slugs):
        for parent in ancestors(slug):
            j = slugs.index(parent)
            assert j < i, (parent, slug)
            assert all(parent in ancestors(between) for between in slugs[j + 1:i]), (parent, slug)
    assert slugs.index("finance-test") + 1 == slugs.index("debt-test")
    assert slugs.index("debt-test") + 1 == slugs.index("budget-test")


def test_the_year_filter_offers_only_years_with_published_documents(client, agency):
    for year in (2019, 2023, 2023):
        PublishedDocumentFactory(agency=agency, published_on=dt.date(year, 6, 1))
    assert _options(client, "year") == [("", "全部年份"), ("2023", "2023"), ("2019", "2019")]


def test_a_newly_published_year_appears(client, agency, settings):
    settings.GONGKAI_PAGE_CACHE_SECONDS = 300
    PublishedDocumentFactory(agency=agency, published_on=dt.date(2022, 6, 1))
    assert [v for v, _l in _options(client, "year")] == ["", "2022"]
    from gongkai.page_cache import bump

    PublishedDocumentFactory(agency=agency, published_on=dt.date(2024, 1, 2))
    bump("lists")  # what publishing through the services does on commit
    assert [v for v, _l in _options(client, "year")] == ["", "2024", "2022"]
