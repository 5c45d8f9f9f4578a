"""Limit/offset pagination whose total is exact only while the list is small.

`EstimatedLimitOffsetPagination` counts with `gongkai.counts.list_count`: exact up to
GONGKAI_EXACT_COUNT_LIMIT rows, the planner's estimate above it on PostgreSQL (then
`count_estimated` is true), so no list of the API runs an unbounded COUNT(*) over a million
documents. A view returns a `Mapped` queryset: only the page's rows are read and serialised.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.db.models import QuerySet
from ninja import Field, Schema
from ninja.pagination import LimitOffsetPagination

from gongkai.counts import list_count


class Mapped:
    """A queryset whose rows are passed through `serialise` when a slice of it is read."""

    def __init__(self, queryset: QuerySet, serialise: Callable[[Any], Any]):
        self.queryset = queryset
        self.serialise = serialise

    def __getitem__(self, window: slice) -> list:
        return [self.serialise(row) for row in self.queryset[window]]


MAX_OFFSET = 10_000_000  # an offset is SQL now: keep it far below a 64-bit integer


class EstimatedLimitOffsetPagination(LimitOffsetPagination):
    class Input(LimitOffsetPagination.Input):
        offset: int = Field(0, ge=0, le=MAX_OFFSET)

    class Output(Schema):
        items: list[Any]
        count: int
        count_estimated: bool = Field(False, description="count 为估算值（约数）")

    def paginate_queryset(self, queryset, pagination, request, **params):
        offset = pagination.offset
        limit = min(pagination.limit, self.max_limit)
        rows = queryset.queryset if isinstance(queryset, Mapped) else queryset
        counted = list_count(rows) if isinstance(rows, QuerySet) else None
        return {
            "items": queryset[offset : offset + limit],
            "count": counted.value if counted else len(rows),
            "count_estimated": bool(counted and counted.estimated),
        }
