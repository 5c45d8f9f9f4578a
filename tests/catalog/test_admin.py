"""The admin edits 公开目录 columns through `category_save()` (audited); documents there are read-only."""

from __future__ import annotations

import pytest
from django.urls import reverse

from gongkai.audit.models import AuditEntry
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
    entry = AuditEntry.objects.get(action="catalog.category.change")
    assert entry.target_id == str(column.pk) and "name" in entry.data["fields"]


def test_the_column_list_s_inline_edits_are_audited_too(admin_client):
    column = Category.objects.get(slug="power-lists")
    columns = list(Category.objects.order_by("parent__sort_order", "sort_order", "id"))
    data = {"form-TOTAL_FORMS": str(len(columns)), "form-INITIAL_FORMS": str(len(columns)),
            "_save": "保存"}
    for i, c in enumerate(columns):
        data[f"form-{i}-id"] = str(c.pk)
        data[f"form-{i}-sort_order"] = str(c.sort_order + (1 if c.pk == column.pk else 0))
        if c.is_active and c.pk != column.pk:
            data[f"form-{i}-is_active"] = "on"
    response = admin_client.post(reverse("admin:catalog_category_changelist") + "?all=", data)
    assert response.status_code == 302
    column.refresh_from_db()
    assert column.is_active is False
    entry = AuditEntry.objects.get(action="catalog.category.change")
    assert entry.target_id == str(column.pk) and entry.data["fields"] == ["is_active", "sort_order"]


def test_documents_are_read_only_in_the_admin(admin_client, agency):
    document = DocumentFactory(agency=agency, status=Status.PUBLISHED)
    assert admin_client.get(reverse("admin:catalog_document_changelist")).status_code == 200
    url = reverse("admin:catalog_document_change", args=[document.pk])
    response = admin_client.get(url)
    assert response.status_code == 200
    assert 'name="title"' not in response.content.decode()
    assert admin_client.get(reverse("admin:catalog_document_add")).status_code == 403
