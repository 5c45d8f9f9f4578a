"""索引号: `{agency code}/{year}-{five-digit serial}`, unique even when published at once."""

from __future__ import annotations

import datetime as dt
import threading
import time

import pytest
from django.db import connection

from gongkai.agencies.models import Role
from gongkai.catalog import services
from gongkai.catalog.models import Document, IndexSequence, Status
from tests.catalog.factories import DocumentFactory


@pytest.mark.django_db
def test_serials_restart_each_year_and_are_per_agency(agency, other_agency):
    assert services.index_no_issue(agency=agency, year=2023) == f"{agency.code}/2023-00001"
    assert services.index_no_issue(agency=agency, year=2023) == f"{agency.code}/2023-00002"
    assert services.index_no_issue(agency=agency, year=2024) == f"{agency.code}/2024-00001"
    assert services.index_no_issue(agency=other_agency, year=2023) == f"{other_agency.code}/2023-00001"


@pytest.mark.django_db(transaction=True)
def test_index_numbers_are_unique_when_documents_are_published_at_once(
    standard_catalog, agency, make_staff, monkeypatch
):
    # Widen the window between reading and writing the serial, so that without the row lock
    # two publications would read the same value.
    original_save = IndexSequence.save

    def slow_save(self, *args, **kwargs):
        time.sleep(0.05)
        return original_save(self, *args, **kwargs)

    monkeypatch.setattr(IndexSequence, "save", slow_save)
    publisher = make_staff(agency, Role.PUBLISHER)
    reviewers = [make_staff(agency, Role.REVIEWER) for _ in range(4)]
    documents = [
        DocumentFactory(agency=agency, status=Status.PENDING, created_by=publisher,
                        submitted_by=publisher, published_on=dt.date(2024, 5, 1))
        for _ in range(12)
    ]
    barrier = threading.Barrier(len(reviewers))
    errors: list[BaseException] = []

    def publish(reviewer, mine):
        try:
            barrier.wait(timeout=10)
            for document in mine:
                services.document_approve(document=document, actor=reviewer)
        except BaseException as error:  # noqa: BLE001 - reported by the assertion below
            errors.append(error)
        finally:
            connection.close()

    threads = [
        threading.Thread(target=publish, args=(reviewer, documents[i::len(reviewers)]))
        for i, reviewer in enumerate(reviewers)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert errors == []
    numbers = list(Document.objects.filter(status=Status.PUBLISHED).values_list("index_no", flat=True))
    assert len(numbers) == 12
    assert sorted(numbers) == [f"{agency.code}/2024-{n:05d}" for n in range(1, 13)]
    assert IndexSequence.objects.get(agency=agency, year=2024).last_value == 12
