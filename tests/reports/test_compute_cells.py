"""cell_filter: every number links to exactly the records it counts."""

from __future__ import annotations

import datetime as dt

import pytest

from gongkai.appeals.models import AppealCase
from gongkai.applications.models import Application
from gongkai.catalog.models import Document
from gongkai.reportformat import template
from gongkai.reports.compute import UnknownCell, cell_filter, compute_rollup
from gongkai.reports.models import YearlyFigures
from tests.appeals.factories import AppealCaseFactory, make_application, make_document, make_figures

D = dt.date
pytestmark = pytest.mark.django_db


@pytest.fixture
def records(agency, other_agency):
    for a in (agency, other_agency):
        make_application(a, received_on=D(2021, 12, 1))
        make_application(a, received_on=D(2022, 2, 1), closed_on=D(2022, 2, 20),
                         outcome="withheld_process", applicant_type="research")
        make_application(a, received_on=D(2022, 12, 1), closed_on=D(2023, 1, 5))
        make_document(a, kind="rule", written_on=D(2022, 2, 1), published_on=D(2022, 2, 3))
        make_document(a, written_on=D(2019, 2, 1), published_on=D(2019, 2, 3),
                      validity="repealed", validity_changed_on=D(2022, 7, 1))
        AppealCaseFactory(agency=a, kind="lawsuit_direct", filed_on=D(2022, 6, 1))
        AppealCaseFactory(agency=a, filed_on=D(2022, 6, 1), result="other", closed_on=D(2022, 8, 1))
    make_figures(agency, 2022, licensing_decisions=3)
    return [agency.pk, other_agency.pk]


def test_every_count_cell_lists_as_many_records_as_it_counts(records):
    report = compute_rollup(records, 2022)
    for table in template.TABLES:
        if table.code in ("item5", "item6", "item8"):
            continue
        for row, column in table.cells:
            qs = cell_filter(records, 2022, table.code, row, column)
            assert qs.count() == report.get(table.code, row, column), (table.code, row, column)


def test_cell_filter_returns_the_counted_models(records):
    assert cell_filter(records, 2022, "table3", "new", "total").model is Application
    assert cell_filter(records, 2022, "item1", "rule", "issued").model is Document
    assert cell_filter(records, 2022, "table4", "cases", "review.other").model is AppealCase
    assert cell_filter(records, 2022, "item5", "licensing", "decisions").model is YearlyFigures
    carried = cell_filter(records, 2022, "table3", "carried_in", "natural")
    assert {a.received_on for a in carried} == {D(2021, 12, 1)}


def test_unknown_cell_is_refused(records):
    with pytest.raises(UnknownCell):
        cell_filter(records, 2022, "table3", "nonsense", "total")
