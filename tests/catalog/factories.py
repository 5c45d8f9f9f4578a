"""Factories for catalog tests: documents in a given status, built through the model directly."""

from __future__ import annotations

import datetime as dt

import factory

from gongkai.catalog.models import Category, Document, Kind, Status
from tests.factories import AgencyFactory


class CategoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Category
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"栏目{n}")
    slug = factory.Sequence(lambda n: f"category-{n}")


class DocumentFactory(factory.django.DjangoModelFactory):
    """A document; `status=Status.PUBLISHED` also gives it an 索引号 and dates."""

    class Meta:
        model = Document

    agency = factory.SubFactory(AgencyFactory)
    title = factory.Sequence(lambda n: f"西华县关于做好第{n}项工作的通知")
    doc_number = factory.Sequence(lambda n: f"西政〔2024〕{n}号")
    category = factory.LazyFunction(lambda: Category.objects.get(slug="policies"))
    kind = Kind.NORMATIVE
    body = "<p>为进一步做好相关工作，现将有关事项通知如下。</p>"
    status = Status.DRAFT
    written_on = dt.date(2024, 3, 1)

    @factory.lazy_attribute
    def published_on(self):
        return dt.date(2024, 3, 5) if self.status == Status.PUBLISHED else None

    @factory.lazy_attribute_sequence
    def index_no(self, n):
        if self.status in (Status.PUBLISHED, Status.WITHDRAWN):
            return f"{self.agency.code}/2024-{90000 + n:05d}"
        return ""
