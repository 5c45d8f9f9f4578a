"""The standard 公开目录 on demand: the columns the data migration `0002_standard_categories`
creates, created again (idempotently) where that data is gone.

Transactional tests flush every table, migration data included; a test that needs the
standard columns after such a flush calls `ensure_standard_catalog()`. The column list itself
lives only in the migration.
"""

from __future__ import annotations

import importlib

MIGRATION = "gongkai.catalog.migrations.0002_standard_categories"


def ensure_standard_catalog() -> None:
    """Create or update the standard columns (slugs stable; existing rows are updated)."""
    from django.apps import apps

    importlib.import_module(MIGRATION).create(apps, None)
