"""Roll-up: a parent agency's subtree and a whole county are the sum of their agencies'
reports, computed in a constant number of queries."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from gongkai.reports.compute import (
    compute_report,
    compute_reports,
    compute_rollup,
    compute_subtree,
    sum_reports,
)
from tests.appeals.factories import AppealCaseFactory, make_application, make_document, make_figures
from tests.factories import AgencyFactory

D = dt.date
pytestmark = pytest.mark.django_db


@pytest.fixture
def county_with_records(county, agency, other_agency):
    unit = AgencyFactory(name="西华县商务综合行政执法大队", slug="xihua-commerce-team", parent=agency)
    everyone = [county, agency, other_agency, unit]
    for i, a in enumerate(everyone):
        for k in range(i + 2):
            make_application(a, received_on=D(2022, 3 + k, 1), applicant_type="business",
                             closed_on=D(2022, 4 + k, 1) if k % 2 else None, outcome="partial")
        make_application(a, received_on=D(2021, 12, 30))
        make_document(a, kind="rule", written_on=D(2022, 2, 1), published_on=D(2022, 2, 3))
        AppealCaseFactory(agency=a, filed_on=D(2022, 6, 1), result="upheld", closed_on=D(2022, 9, 1))
        make_figures(a, 2022, licensing_decisions=10 * (i + 1), fee_amount=Decimal("1.0005"))
    return everyone, unit


def test_county_rollup_equals_sum_of_its_agencies(county, county_with_records):
    agencies, _unit = county_with_records
    per_agency = compute_reports(agencies, 2022)
    total = sum_reports(per_agency.values(), year=2022)
    rollup = compute_subtree(county, 2022)
    assert rollup.numbers() == total.numbers()
    assert rollup.get("item5", "licensing", "decisions") == 100
    assert rollup.get("item8", "fees", "amount") == Decimal("4.002")
    assert rollup.get("table4", "cases", "review.upheld") == 4
    assert rollup.agency == county.name


def test_subtree_rollup_covers_the_agency_and_its_units_only(agency, county_with_records):
    _agencies, unit = county_with_records
    expected = sum_reports([compute_report(agency, 2022), compute_report(unit, 2022)], year=2022)
    assert compute_subtree(agency, 2022).numbers() == expected.numbers()


def test_rollup_is_a_constant_number_of_queries(county, county_with_records,
                                                django_assert_max_num_queries):
    agencies, _unit = county_with_records
    with django_assert_max_num_queries(7):  # five sources + decisions + fees
        compute_rollup(agencies, 2022)
    with django_assert_max_num_queries(9):  # + the agencies' names and levels
        compute_reports(agencies, 2022)
    for _ in range(3):
        AgencyFactory(parent=county)
    everyone = list(county.subtree())
    with django_assert_max_num_queries(9):
        compute_reports(everyone, 2022)


def test_empty_set_of_agencies_gives_zero_report(db):
    report = compute_rollup([], 2022)
    assert report.get("table3", "new", "total") == 0
