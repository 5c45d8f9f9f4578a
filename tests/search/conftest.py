from __future__ import annotations

import pytest

from tests.search.factories import PublishedDocumentFactory


@pytest.fixture
def publish(agency):
    """publish(title=…, body=…, …) -> a published document of `agency`, already indexed."""

    def make(**kwargs):
        kwargs.setdefault("agency", agency)
        return PublishedDocumentFactory(**kwargs)

    return make
