"""依申请〔2026〕第N号 counts per agency and year of receipt, from 1 and without gaps, also when
requests are submitted at the same moment (issue 15 item 6). Existing requests are numbered by
a data migration in the order they were entered."""

from __future__ import annotations

import datetime as dt
import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection, connections
from django.db.migrations.executor import MigrationExecutor

from gongkai.applications import services
from gongkai.applications.models import Application, RequestNumberSequence

from .factories import applicant_data, make_application

D = dt.date


def test_numbers_count_per_agency_and_year(agency, other_agency):
    first = make_application(agency, received_on=D(2026, 3, 2))
    other = make_application(other_agency, received_on=D(2026, 3, 2))
    second = make_application(agency, received_on=D(2026, 3, 3))
    next_year = make_application(agency, received_on=D(2027, 1, 4))
    assert first.reference == "依申请〔2026〕第1号"
    assert second.reference == "依申请〔2026〕第2号"
    assert other.reference == "依申请〔2026〕第1号"
    assert next_year.reference == "依申请〔2027〕第1号"


def test_the_number_shows_on_the_staff_page_and_in_the_letter_subject(agency, handler, client_for):
    make_application(agency, received_on=D(2026, 3, 2))
    application = make_application(agency, received_on=D(2026, 3, 3))
    page = client_for(handler).get(application.get_absolute_url()).content.decode()
    assert "依申请〔2026〕第2号" in page


def test_a_refused_registration_gives_its_number_back(agency, handler, travel):
    travel(D(2026, 3, 10))
    make_application(agency, received_on=D(2026, 3, 2))
    with pytest.raises(ValidationError):
        services.application_register(actor=handler, agency=agency,
                                      data=applicant_data(agency), channel="letter",
                                      signed_on=D(2026, 3, 20))  # in the future: refused
    registered = services.application_register(actor=handler, agency=agency,
                                               data=applicant_data(agency), channel="letter",
                                               signed_on=D(2026, 3, 9))
    assert registered.reference == "依申请〔2026〕第2号"
    assert RequestNumberSequence.objects.get(agency=agency, year=2026).last_value == 2


def test_a_letter_received_last_year_and_registered_in_january_counts_in_its_year(
        agency, handler, travel):
    make_application(agency, received_on=D(2026, 12, 28))
    travel(D(2027, 1, 4))
    registered = services.application_register(actor=handler, agency=agency,
                                               data=applicant_data(agency), channel="letter",
                                               signed_on=D(2026, 12, 31))
    assert registered.reference == "依申请〔2026〕第2号"


@pytest.mark.django_db(transaction=True)
def test_concurrent_submissions_get_distinct_numbers_without_gaps(agency):
    """Eight threads submit at the same moment; on PostgreSQL they really run concurrently
    (SQLite serialises writers, so there the test only checks the sequence)."""
    if connection.vendor != "postgresql":
        pytest.skip("concurrent transactions need PostgreSQL")
    from gongkai.applications.services.base import quiet

    count = 8
    barrier = threading.Barrier(count)
    errors: list[BaseException] = []

    def submit():
        try:
            barrier.wait(timeout=30)
            with quiet():
                services.application_submit(agency=agency, data=applicant_data(agency),
                                            submitted_on=D(2026, 12, 4))
        except BaseException as error:  # reported below: a thread's exception is otherwise lost
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=submit) for _ in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert errors == []
    numbers = sorted(Application.objects.filter(agency=agency).values_list("number", flat=True))
    assert numbers == list(range(1, count + 1))
    assert RequestNumberSequence.objects.get(agency=agency, year=2026).last_value == count


@pytest.mark.django_db(transaction=True)
def test_the_migration_numbers_existing_requests_in_order(agency, other_agency):
    executor = MigrationExecutor(connection)
    before = [("applications", "0004_provisional_due_dates")]
    after = [("applications", "0005_request_numbers")]
    executor.migrate(before)
    old_apps = executor.loader.project_state(before).apps
    Old = old_apps.get_model("applications", "Application")
    common = {"applicant_type": "natural", "applicant_name": "x", "id_type": "other",
              "id_number": "T1", "applicant_key": "k", "phone": "13800000000",
              "info_form": "electronic", "delivery": "email"}
    made = [
        Old.objects.create(agency_id=agency.pk, received_on=received, query_code=f"Q{i}", **common)
        for i, received in enumerate([D(2026, 5, 6), D(2025, 7, 1), D(2026, 1, 5), D(2026, 2, 2)])
    ]
    Old.objects.create(agency_id=other_agency.pk, received_on=D(2026, 3, 3), query_code="Q9",
                       **common)
    executor = MigrationExecutor(connection)
    executor.migrate(after)
    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())
    refs = [Application.objects.get(pk=row.pk).reference for row in made]
    assert refs == ["依申请〔2026〕第1号", "依申请〔2025〕第1号", "依申请〔2026〕第2号",
                    "依申请〔2026〕第3号"]
    assert Application.objects.get(query_code="Q9").reference == "依申请〔2026〕第1号"
    # The sequence continues after the migrated numbers.
    new = make_application(agency, received_on=D(2026, 6, 1))
    assert new.reference == "依申请〔2026〕第4号"


def test_a_reference_is_found_within_its_agency(agency, other_agency):
    from gongkai.applications.selectors import application_by_reference

    own = make_application(agency, received_on=D(2026, 3, 2))
    other = make_application(other_agency, received_on=D(2026, 3, 2))
    assert own.reference == other.reference == "依申请〔2026〕第1号"
    assert application_by_reference(agency_id=agency.pk, text=own.reference) == own
    assert application_by_reference(agency_id=other_agency.pk, text="依申请[2026] 第 1 号") == other
    assert application_by_reference(agency_id=agency.pk, text="（2026）1") == own
    assert application_by_reference(agency_id=agency.pk, text="依申请〔2025〕第1号") is None
    assert application_by_reference(agency_id=agency.pk, text="385") is None
