"""The admin edits 公开目录 columns; documents there are read-only (changes go through services)."""

from __future__ import annotations

import pytest
from django.urls import reverse

from gongkai.catalog.models import Category, Status
from tests.catalog.factories import DocumentFactory
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    return client


def test_an_administrator_edits_a_column(admin_client):
    column = Category.objects.get(slug="power-lists")
    url = reverse("admin:catalog_category_change", args=[column.pk])
    assert admin_client.get(url).status_code == 200
    response = admin_client.post(url, {
        "name": "权责清单和责任清单", "slug": "power-lists", "parent": column.parent_id,
        "article_item": "", "description": "", "sort_order": 26, "is_active": "on",
    })
    assert response.status_code == 302
    column.refresh_from_db()
    assert column.name == "权责清单和责任清单"


def test_documents_are_read_only_in_the_admin(admin_client, agency):
    document = DocumentFactory(agency=agency, status=Status.PUBLISHED)
    assert admin_client.get(reverse("admin:catalog_document_changelist")).status_code == 200
    url = reverse("admin:catalog_document_change", args=[document.pk])
    response = admin_client.get(url)
    assert response.status_code == 200
    assert 'name="title"' not in response.content.decode()
    assert admin_client.get(reverse("admin:catalog_document_add")).status_code == 403
