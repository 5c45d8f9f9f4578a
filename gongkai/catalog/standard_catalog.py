"""The standard 公开目录 on demand: the columns the data migration `0002_standard_categories`
creates, created again (idempotently) where that data is gone.

Transactional tests flush every table, migration data included; Django then sends
`post_migrate` (as it does to recreate content types), and `restore_after_flush` puts the
columns back when the table is empty. It never touches columns administrators have edited.
The column list itself lives only in the migration.
"""

from __future__ import annotations

import importlib

MIGRATION = "gongkai.catalog.migrations.0002_standard_categories"


def ensure_standard_catalog() -> None:
    """Create or update the standard columns (slugs stable; existing rows are updated)."""
    from django.apps import apps

    importlib.import_module(MIGRATION).create(apps, None)


def restore_after_flush(sender, using="default", **kwargs) -> None:
    """post_migrate receiver: an empty 公开目录 (after a flush) gets the standard columns again."""
    from django.db import connections

    from .models import Category

    connection = connections[using]
    if Category._meta.db_table not in connection.introspection.table_names():
        return  # migrated backwards past the catalog
    if not Category.objects.using(using).exists():
        ensure_standard_catalog()
