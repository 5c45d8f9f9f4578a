"""The standard 公开目录: created by the data migration, restored after a flush, stable slugs."""

from __future__ import annotations

import pytest
from django.core.management import call_command

from gongkai.catalog.models import Category


@pytest.mark.django_db
def test_the_four_columns_and_the_fifteen_items_of_article_twenty():
    top = list(Category.objects.filter(parent=None).values_list("name", flat=True))
    assert top[:4] == ["政府信息公开指南", "政府信息公开制度", "法定主动公开内容", "政府信息公开年报"]
    assert {"政策解读", "回应关切"} <= set(top)
    items = Category.objects.filter(parent__slug="statutory", article_item__isnull=False)
    assert sorted(items.values_list("article_item", flat=True)) == list(range(1, 16))
    assert Category.objects.get(slug="annual-reports").name == "政府信息公开年报"
    assert Category.objects.filter(parent__slug="statutory", name="权责清单").exists()


@pytest.mark.django_db(transaction=True)
def test_a_flush_restores_the_standard_columns_but_migrate_keeps_admin_edits():
    call_command("flush", interactive=False, verbosity=0)
    assert Category.objects.filter(slug="policies", parent__slug="statutory").exists()
    Category.objects.filter(slug="policies").update(name="规章和规范性文件")
    call_command("migrate", verbosity=0)
    assert Category.objects.get(slug="policies").name == "规章和规范性文件"
