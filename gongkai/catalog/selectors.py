"""Reads of the public catalog: a small, constant number of queries whatever the data size."""

from __future__ import annotations

from collections import defaultdict

from django.db import connection

from gongkai.page_cache import remember

from .models import Category, Document, DocumentQuerySet


def category_tree() -> tuple[list[Category], dict[int, list[Category]]]:
    """Active first-level categories and the active children of each, in one query."""
    top: list[Category] = []
    children: dict[int, list[Category]] = defaultdict(list)
    for category in Category.objects.filter(is_active=True):
        (children[category.parent_id] if category.parent_id else top).append(category)
    return top, children


def in_tree_order(categories: list[Category]) -> list[Category]:
    """Categories depth-first: each parent followed by its children (by sort order), so a
    list or a <select> never shows a column before the one it belongs to. A category whose
    parent is not in `categories` is treated as a root."""
    present = {c.pk for c in categories}
    children: dict[int | None, list[Category]] = defaultdict(list)
    for category in categories:
        children[category.parent_id if category.parent_id in present else None].append(category)
    ordered: list[Category] = []

    def visit(parent_id: int | None) -> None:
        for category in sorted(children[parent_id], key=lambda c: (c.sort_order, c.pk)):
            ordered.append(category)
            visit(category.pk)

    visit(None)
    return ordered


def publication_years() -> list[int]:
    """The years in which something was published, newest first: the year filter offers no
    year without documents. Remembered until the published documents change."""
    return remember("catalog:publication-years", lambda: [
        day.year for day in Document.objects.published().dates("published_on", "year", order="DESC")
    ])


def category_and_descendant_ids(category: Category) -> list[int]:
    """The category and every category below it (two levels), in one query."""
    below = Category.objects.filter(parent__in=Category.objects.filter(parent=category)) | (
        Category.objects.filter(parent=category)
    )
    return [category.pk, *below.values_list("pk", flat=True)]


def published_in(category_ids: list[int]) -> DocumentQuerySet:
    return Document.objects.published().filter(category_id__in=category_ids)


def latest_per_group(groups: dict, limit: int) -> dict:
    """The `limit` newest published documents of each group (key → list of category ids).

    The newest `limit` of a group are among the newest `limit` of each of its categories, so
    one UNION ALL of per-category `LIMIT` queries (each served by the (category, status,
    published_on) index) and one query for the rows answer any number of groups.
    """
    if not groups:
        return {}
    order = ("-published_on", "-id")
    categories = sorted({category_id for ids in groups.values() for category_id in ids})
    # Django refuses LIMIT inside a compound query on SQLite; as derived tables both accept it.
    statements, params = [], []
    for number, category_id in enumerate(categories):
        part = published_in([category_id]).order_by(*order).values_list("pk", flat=True)[:limit]
        sql, part_params = part.query.sql_with_params()
        statements.append(f"SELECT * FROM ({sql}) AS latest_{number}")  # noqa: S608 (ORM-built SQL)
        params.extend(part_params)
    with connection.cursor() as cursor:
        cursor.execute(" UNION ALL ".join(statements), params)
        ids = [row[0] for row in cursor.fetchall()]
    by_category: dict[int, list[Document]] = defaultdict(list)
    for document in Document.objects.filter(pk__in=ids).select_related("agency", "category"):
        by_category[document.category_id].append(document)

    def newest_first(document: Document):
        return (document.published_on, document.pk)

    return {
        key: sorted(
            (d for category_id in category_ids for d in by_category.get(category_id, [])),
            key=newest_first, reverse=True,
        )[:limit]
        for key, category_ids in groups.items()
    }
