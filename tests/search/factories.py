"""Published documents for the search tests, made through the model (the index follows saves)."""

from __future__ import annotations

import datetime as dt

import factory

from gongkai.catalog.models import Category, Document, Kind, Status
from tests.factories import AgencyFactory


class PublishedDocumentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Document

    agency = factory.SubFactory(AgencyFactory)
    title = factory.Sequence(lambda n: f"关于做好第{n}项重点工作的通知")
    doc_number = factory.Sequence(lambda n: f"西政〔2024〕{n}号")
    category = factory.LazyFunction(lambda: Category.objects.filter(parent__isnull=False).first())
    kind = Kind.OTHER
    body = "<p>各乡镇人民政府，县直各单位：现将有关事项通知如下。</p>"
    status = Status.PUBLISHED
    published_on = dt.date(2024, 3, 5)
    index_no = factory.Sequence(lambda n: f"SEARCH/2024-{n:05d}")
