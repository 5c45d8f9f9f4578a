"""Public pages: 200 with data, 404 for unpublished documents, few and constant queries."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET

import pytest
from django.urls import reverse

from gongkai.catalog.forms import DocumentFilterForm
from gongkai.catalog.models import Category, Document, Kind, Status, Validity
from tests.catalog.factories import DocumentFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def published(agency, other_agency):
    """A spread of published documents over agencies, columns, kinds, years and validity."""
    slugs = ["policies", "finance", "procurement", "responses", "annual-reports"]
    documents = []
    for i in range(15):
        documents.append(DocumentFactory(
            agency=agency if i % 2 else other_agency, status=Status.PUBLISHED,
            category=Category.objects.get(slug=slugs[i % len(slugs)]),
            kind=Kind.NORMATIVE if i % 3 == 0 else Kind.OTHER,
            published_on=dt.date(2020 + i % 5, 3, 1 + i), written_on=dt.date(2020 + i % 5, 2, 1),
            validity=Validity.REPEALED if i == 3 else Validity.VALID,
            validity_changed_on=dt.date(2024, 1, 1) if i == 3 else None,
            topic="commerce" if i % 4 == 0 else "finance",
        ))
    return documents


def test_home_shows_latest_per_column_and_a_search_box(client, published, django_assert_max_num_queries):
    with django_assert_max_num_queries(10):
        response = client.get(reverse("catalog:home"))
    assert response.status_code == 200
    html = response.content.decode()
    assert f'action="{reverse("search:search")}"' in html and 'name="q"' in html
    assert "法定主动公开内容" in html and "政策文件" in html
    assert published[-1].title in html


def test_home_query_count_does_not_grow_with_documents(
    client, published, agency, django_assert_num_queries, settings
):
    settings.GONGKAI_PAGE_CACHE_SECONDS = 0  # count the rendering's queries, not a cache hit's
    client.get(reverse("catalog:home"))
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as before:
        client.get(reverse("catalog:home"))
    for _ in range(20):
        DocumentFactory(agency=agency, status=Status.PUBLISHED,
                        category=Category.objects.get(slug="plans"))
    with CaptureQueriesContext(connection) as after:
        client.get(reverse("catalog:home"))
    assert len(after) == len(before)


def test_browse_lists_published_documents_only(client, published, agency):
    draft = DocumentFactory(agency=agency, title="尚未发布的草稿", status=Status.DRAFT)
    response = client.get(reverse("catalog:browse"))
    assert response.status_code == 200
    assert draft.title not in response.content.decode()
    assert response.context["page_obj"].paginator.count == len(published)


def test_a_column_includes_its_sub_columns(client, published):
    response = client.get(reverse("catalog:category", args=["statutory"]))
    assert response.status_code == 200
    statutory = [d for d in published if d.category.parent and d.category.parent.slug == "statutory"]
    assert response.context["page_obj"].paginator.count == len(statutory)


def test_an_unknown_column_is_404(client, db):
    assert client.get(reverse("catalog:category", args=["no-such-column"])).status_code == 404


@pytest.mark.parametrize(
    "params, expected",
    [
        ({"kind": "normative"}, lambda d: d.kind == Kind.NORMATIVE),
        ({"topic": "commerce"}, lambda d: d.topic == "commerce"),
        ({"year": "2022"}, lambda d: d.published_on.year == 2022),
        ({"validity": "repealed"}, lambda d: d.validity == Validity.REPEALED),
        ({"category": "policies"}, lambda d: d.category.slug == "policies"),
        ({"agency": "xihua-commerce"}, lambda d: d.agency.slug == "xihua-commerce"),
        ({"agency": "xihua-commerce", "year": "2021"},
         lambda d: d.agency.slug == "xihua-commerce" and d.published_on.year == 2021),
        ({"kind": "not-a-kind"}, lambda d: True),
    ],
)
def test_the_filters_narrow_the_list(client, published, params, expected, django_assert_max_num_queries):
    with django_assert_max_num_queries(8):
        response = client.get(reverse("catalog:browse"), params)
    assert response.status_code == 200
    shown = {d.pk for d in response.context["page_obj"].object_list}
    assert shown == {d.pk for d in published if expected(d)}


def test_the_filter_form_filters_any_queryset_for_other_apps(published):
    form = DocumentFilterForm({"kind": "normative", "year": "2020"})
    qs = form.filter_queryset(Document.objects.published())
    assert set(qs) == {d for d in published if d.kind == Kind.NORMATIVE and d.published_on.year == 2020}
    assert DocumentFilterForm().filter_queryset(Document.objects.all()).count() == Document.objects.count()


def test_pagination_keeps_the_filters(client, agency):
    for _ in range(25):
        DocumentFactory(agency=agency, status=Status.PUBLISHED, kind=Kind.OTHER)
    response = client.get(reverse("catalog:browse"), {"kind": "other", "page": 2})
    assert response.status_code == 200
    assert len(response.context["page_obj"].object_list) == 5
    assert "kind=other&amp;page=1" in response.content.decode()


def test_the_document_page_shows_the_standard_metadata(client, published, django_assert_max_num_queries):
    document = published[3]
    with django_assert_max_num_queries(6):
        response = client.get(document.get_absolute_url())
    assert response.status_code == 200
    html = response.content.decode()
    for label in ("索引号", "发布机构", "成文日期", "发布日期", "文号", "主题分类", "有效性", "公开目录"):
        assert label in html
    assert document.index_no in html and document.doc_number in html
    assert "废止" in html and "2024年1月1日" in html


@pytest.mark.parametrize("status", [Status.DRAFT, Status.PENDING, Status.RETURNED, Status.WITHDRAWN])
def test_an_unpublished_document_is_404(client, agency, status):
    document = DocumentFactory(agency=agency, status=status)
    assert client.get(reverse("catalog:document", args=[document.pk])).status_code == 404


def test_a_policy_lists_its_interpretations_and_an_interpretation_links_back(client, agency):
    policy = DocumentFactory(agency=agency, status=Status.PUBLISHED, title="西华县促进消费实施方案")
    reading = DocumentFactory(
        agency=agency, status=Status.PUBLISHED, kind=Kind.INTERPRETATION, interprets=policy,
        category=Category.objects.get(slug="interpretations"), title="《西华县促进消费实施方案》政策解读",
    )
    DocumentFactory(agency=agency, status=Status.DRAFT, kind=Kind.INTERPRETATION, interprets=policy,
                    title="尚未发布的解读")
    html = client.get(policy.get_absolute_url()).content.decode()
    assert reading.title in html and reading.get_absolute_url() in html
    assert "尚未发布的解读" not in html
    html = client.get(reading.get_absolute_url()).content.decode()
    assert policy.get_absolute_url() in html


def test_feeds_index_and_feeds(client, published):
    assert client.get(reverse("catalog:feeds_index")).status_code == 200
    rss = client.get(reverse("catalog:category_feed_rss", args=["statutory"]))
    assert rss.status_code == 200 and rss["Content-Type"].startswith("application/rss+xml")
    titles = [item.findtext("title") for item in ET.fromstring(rss.content).iter("item")]
    assert published[1].title in titles  # 财政信息, under 法定主动公开内容
    assert published[3].title not in titles  # 回应关切 is a column of its own
    atom = client.get(reverse("catalog:feed_atom"))
    assert atom.status_code == 200 and atom["Content-Type"].startswith("application/atom+xml")
    ns = {"a": "http://www.w3.org/2005/Atom"}
    assert len(ET.fromstring(atom.content).findall("a:entry", ns)) == len(published)


def test_the_sitemap_lists_documents_columns_and_agencies(client, published, agency):
    draft = DocumentFactory(agency=agency, status=Status.DRAFT)
    index = client.get("/sitemap.xml")
    assert index.status_code == 200
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    sections = [loc.text for loc in ET.fromstring(index.content).findall("s:sitemap/s:loc", ns)]
    assert len(sections) == 3
    urls = []
    for section in sections:
        response = client.get(section.replace("http://testserver", ""))
        assert response.status_code == 200
        urls += [loc.text for loc in ET.fromstring(response.content).findall("s:url/s:loc", ns)]
    assert f"http://testserver{published[0].get_absolute_url()}" in urls
    assert f"http://testserver{draft.get_absolute_url()}" not in urls
    assert "http://testserver/catalog/policies/" in urls
    assert f"http://testserver{agency.get_absolute_url()}" in urls


def test_a_first_level_column_on_the_home_page_shows_the_newest_of_its_sub_columns(client, published):
    response = client.get(reverse("catalog:home"))
    section = next(s for s in response.context["sections"] if s["category"].slug == "statutory")
    below = [d for d in published if d.category.parent and d.category.parent.slug == "statutory"]
    newest = sorted(below, key=lambda d: (d.published_on, d.pk), reverse=True)[:5]
    assert [d.pk for d in section["documents"]] == [d.pk for d in newest]
    finance = next(c for c in section["children"] if c["category"].slug == "finance")
    assert all(d.category.slug == "finance" for d in finance["documents"])


def test_page_links_keep_the_filters_and_replace_the_page(client, agency):
    """The shared pagination include builds its links from the request's own query string."""
    for i in range(45):
        DocumentFactory(agency=agency, status=Status.PUBLISHED, topic="finance",
                        published_on=dt.date(2024, 1, 1) + dt.timedelta(days=i))
    response = client.get(reverse("catalog:browse"), {"topic": "finance", "page": "2"})
    html = response.content.decode()
    assert 'href="?topic=finance&amp;page=1" rel="prev"' in html
    assert 'href="?topic=finance&amp;page=3" rel="next"' in html
