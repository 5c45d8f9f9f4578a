"""The demo catalog loads through the services: enough realistic documents, real 索引号, idempotent."""

from __future__ import annotations

import re

import pytest
from django.db.models import Count

from gongkai.catalog.models import Attachment, Document, Kind, Status, Validity
from gongkai.demo import agencies as demo_agencies
from gongkai.demo import catalog as demo_catalog


@pytest.mark.django_db
def test_the_demo_catalog_is_rich_real_and_idempotent(client):
    demo_agencies.load()
    demo_catalog.load()
    published = Document.objects.published()
    assert published.count() >= 200
    assert {d.year for d in published.dates("published_on", "year")} >= set(range(2019, 2026))
    assert published.values("agency").distinct().count() == 6
    assert published.values("category").distinct().count() >= 20
    assert published.filter(kind=Kind.NORMATIVE, validity=Validity.REPEALED,
                            validity_changed_on__isnull=False).exists()
    interpretations = published.filter(kind=Kind.INTERPRETATION)
    assert interpretations.exists()
    assert not interpretations.filter(interprets__isnull=True).exists()
    assert Document.objects.filter(status=Status.PENDING).count() >= 6
    assert Document.objects.filter(status=Status.DRAFT).exists()
    assert set(Attachment.objects.values_list("file_kind", flat=True)) == {"pdf", "docx", "xlsx"}
    numbers = list(published.values_list("index_no", flat=True))
    assert len(set(numbers)) == len(numbers)
    assert all(re.fullmatch(r"[0-9A-Z]{18}/20(19|2[0-5])-\d{5}", n) for n in numbers)
    # serials follow the publication dates within each agency and year
    for document in published.filter(agency__slug="xihua-commerce").order_by("published_on", "id")[:5]:
        assert document.index_no.split("/")[1].startswith(str(document.published_on.year))
    # the public pages answer with the demo data
    policy = published.filter(interpretations__isnull=False).first()
    for url in ("/", "/catalog/", "/catalog/statutory/", "/catalog/?kind=normative&validity=repealed",
                policy.get_absolute_url(), "/feeds/", "/feeds/policies/rss/", "/sitemap.xml",
                "/agencies/xihua-commerce/"):
        assert client.get(url).status_code == 200, url
    assert "政策解读" in client.get(policy.get_absolute_url()).content.decode()
    counts = dict(Document.objects.values_list("status").annotate(n=Count("id")))
    demo_catalog.load()
    assert dict(Document.objects.values_list("status").annotate(n=Count("id"))) == counts
