"""Each counting rule of the report computation (gongkai.reports.compute), one at a time."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from gongkai.reports.compute import compute_report
from tests.appeals.factories import (
    AppealCaseFactory,
    make_application,
    make_document,
    make_figures,
)

D = dt.date
pytestmark = pytest.mark.django_db


def cell(report, table, row, column):
    return report.get(table, row, column)


# --- 第二十条第（一）项 -------------------------------------------------------------------------


def test_document_is_issued_in_the_year_of_its_written_date(agency):
    make_document(agency, written_on=D(2022, 12, 28), published_on=D(2023, 1, 5))
    assert cell(compute_report(agency, 2022), "item1", "normative", "issued") == 1
    assert cell(compute_report(agency, 2023), "item1", "normative", "issued") == 0


def test_document_without_written_date_is_issued_on_its_publication_date(agency):
    make_document(agency, kind="rule", written_on=None, published_on=D(2023, 2, 1))
    assert cell(compute_report(agency, 2023), "item1", "rule", "issued") == 1


def test_unpublished_and_other_kinds_are_not_counted(agency):
    make_document(agency, written_on=D(2022, 3, 1), status="draft")
    make_document(agency, written_on=D(2022, 3, 1), published_on=D(2022, 3, 2), status="withdrawn")
    make_document(agency, kind="notice", written_on=D(2022, 3, 1), published_on=D(2022, 3, 2))
    report = compute_report(agency, 2022)
    assert report.get("item1", "normative", "issued") == 0
    assert report.get("item1", "normative", "in_force") == 0


def test_repealed_counts_in_the_year_of_the_change_and_leaves_in_force(agency):
    make_document(agency, written_on=D(2020, 5, 1), published_on=D(2020, 5, 3),
                  validity="repealed", validity_changed_on=D(2022, 6, 30))
    r2021, r2022 = compute_report(agency, 2021), compute_report(agency, 2022)
    assert r2021.get("item1", "normative", "in_force") == 1
    assert r2021.get("item1", "normative", "repealed") == 0
    assert r2022.get("item1", "normative", "repealed") == 1
    assert r2022.get("item1", "normative", "in_force") == 0


def test_document_repealed_next_year_is_in_force_at_year_end(agency):
    make_document(agency, written_on=D(2022, 5, 1), published_on=D(2022, 5, 3),
                  validity="repealed", validity_changed_on=D(2023, 1, 1))
    assert compute_report(agency, 2022).get("item1", "normative", "in_force") == 1


def test_expired_document_leaves_in_force_without_counting_as_repealed(agency):
    make_document(agency, written_on=D(2020, 5, 1), published_on=D(2020, 5, 3),
                  validity="expired", validity_changed_on=D(2022, 2, 1))
    report = compute_report(agency, 2022)
    assert report.get("item1", "normative", "repealed") == 0
    assert report.get("item1", "normative", "in_force") == 0


def test_change_dated_before_issue_counts_on_the_issue_date(agency):
    make_document(agency, written_on=D(2022, 5, 1), published_on=D(2022, 5, 3),
                  validity="repealed", validity_changed_on=D(2021, 1, 1))
    assert compute_report(agency, 2021).get("item1", "normative", "repealed") == 0
    report = compute_report(agency, 2022)
    assert (report.get("item1", "normative", "issued"), report.get("item1", "normative", "repealed"),
            report.get("item1", "normative", "in_force")) == (1, 1, 0)


# --- 表三 -----------------------------------------------------------------------------------


def test_request_received_in_the_year_is_new(agency):
    make_application(agency, received_on=D(2022, 1, 1), applicant_type="business")
    make_application(agency, received_on=D(2022, 12, 31))
    make_application(agency, received_on=D(2023, 1, 1))
    report = compute_report(agency, 2022)
    assert report.get("table3", "new", "business") == 1
    assert report.get("table3", "new", "natural") == 1
    assert report.get("table3", "new", "total") == 2


def test_request_open_at_new_year_is_carried_in_and_counted_when_closed(agency):
    make_application(agency, received_on=D(2021, 12, 20), closed_on=D(2022, 1, 10),
                     outcome="partial")
    r2021, r2022 = compute_report(agency, 2021), compute_report(agency, 2022)
    assert r2021.get("table3", "carried_out", "natural") == 1
    assert r2022.get("table3", "carried_in", "natural") == 1
    assert r2022.get("table3", "partial", "natural") == 1
    assert r2022.get("table3", "carried_out", "natural") == 0


def test_request_closed_on_31_december_is_not_carried_over(agency):
    make_application(agency, received_on=D(2022, 12, 1), closed_on=D(2022, 12, 31))
    report = compute_report(agency, 2022)
    assert report.get("table3", "disclosed", "natural") == 1
    assert report.get("table3", "carried_out", "natural") == 0
    assert compute_report(agency, 2023).get("table3", "carried_in", "natural") == 0


def test_request_open_for_two_new_years_is_carried_both_times(agency):
    make_application(agency, received_on=D(2021, 11, 1))
    for year in (2022, 2023):
        report = compute_report(agency, year)
        assert report.get("table3", "carried_in", "total") == 1
        assert report.get("table3", "carried_out", "total") == 1
        assert report.get("table3", "total", "total") == 0


def test_withdrawn_request_counts_as_other_on_its_withdrawal_date(agency, make_staff):
    from gongkai.agencies.models import Role
    from gongkai.applications.services import application_withdraw

    handler = make_staff(agency, Role.HANDLER)
    app = make_application(agency, received_on=D(2022, 12, 20))
    application_withdraw(application=app, actor=handler, on=D(2023, 1, 4))
    report = compute_report(agency, 2023)
    assert report.get("table3", "other", "natural") == 1
    assert compute_report(agency, 2022).get("table3", "carried_out", "natural") == 1


def test_outcome_rows_and_totals(agency):
    make_application(agency, received_on=D(2022, 3, 1), closed_on=D(2022, 3, 20),
                     outcome="withheld_secret", applicant_type="legal_service")
    make_application(agency, received_on=D(2022, 3, 1), closed_on=D(2022, 3, 20),
                     outcome="unable_not_held", applicant_type="legal_service")
    report = compute_report(agency, 2022)
    assert report.get("table3", "withheld_secret", "legal_service") == 1
    assert report.get("table3", "total", "legal_service") == 2
    assert report.get("table3", "total", "total") == 2
    assert report.get("table3", "unable_not_held", "total") == 1


def test_table3_balances_even_when_closed_before_received(agency):
    """Bad data (reply dated before receipt) still gives 一 + 二 = 三（七）+ 四."""
    make_application(agency, received_on=D(2022, 1, 5), closed_on=D(2021, 12, 30))
    for year in (2021, 2022):
        r = compute_report(agency, year)
        lhs = r.get("table3", "new", "total") + r.get("table3", "carried_in", "total")
        rhs = r.get("table3", "total", "total") + r.get("table3", "carried_out", "total")
        assert lhs == rhs


# --- 表四 -----------------------------------------------------------------------------------


def test_case_filed_in_the_year_counts_under_its_result(agency):
    AppealCaseFactory(agency=agency, filed_on=D(2022, 3, 1), result="corrected",
                      closed_on=D(2022, 6, 1))
    AppealCaseFactory(agency=agency, kind="lawsuit_direct", filed_on=D(2022, 3, 1),
                      result="upheld", closed_on=D(2022, 9, 1))
    report = compute_report(agency, 2022)
    assert report.get("table4", "cases", "review.corrected") == 1
    assert report.get("table4", "cases", "review.total") == 1
    assert report.get("table4", "cases", "lawsuit_direct.upheld") == 1
    assert report.get("table4", "cases", "lawsuit_after_review.total") == 0


def test_case_closed_after_year_end_is_pending_in_that_year(agency):
    AppealCaseFactory(agency=agency, kind="lawsuit_after_review", filed_on=D(2022, 11, 1),
                      result="upheld", closed_on=D(2023, 2, 1))
    report = compute_report(agency, 2022)
    assert report.get("table4", "cases", "lawsuit_after_review.pending") == 1
    assert report.get("table4", "cases", "lawsuit_after_review.upheld") == 0
    assert compute_report(agency, 2023).get("table4", "cases", "lawsuit_after_review.total") == 0


def test_open_case_is_pending(agency):
    AppealCaseFactory(agency=agency, filed_on=D(2022, 12, 31))
    assert compute_report(agency, 2022).get("table4", "cases", "review.pending") == 1


# --- 第（五）（六）（八）项 ----------------------------------------------------------------------


def test_yearly_figures_fill_items_five_six_eight(agency):
    make_figures(agency, 2022, licensing_decisions=120, penalty_decisions=7,
                 coercion_decisions=2, fee_amount=Decimal("12.3400"))
    make_figures(agency, 2021, licensing_decisions=99)
    report = compute_report(agency, 2022)
    assert report.get("item5", "licensing", "decisions") == 120
    assert report.get("item6", "penalty", "decisions") == 7
    assert report.get("item6", "coercion", "decisions") == 2
    assert report.get("item8", "fees", "amount") == Decimal("12.34")


def test_missing_yearly_figures_count_as_zero(agency):
    report = compute_report(agency, 2022)
    assert report.get("item5", "licensing", "decisions") == 0
    assert report.get("item8", "fees", "amount") == Decimal("0")


def test_only_the_agencys_own_records_count(agency, other_agency):
    make_application(other_agency, received_on=D(2022, 3, 1))
    AppealCaseFactory(agency=other_agency, filed_on=D(2022, 3, 1))
    make_figures(other_agency, 2022, licensing_decisions=5)
    report = compute_report(agency, 2022)
    assert report.get("table3", "new", "total") == 0
    assert report.get("table4", "cases", "review.total") == 0
    assert report.get("item5", "licensing", "decisions") == 0


def test_report_carries_agency_name_level_and_title(agency):
    report = compute_report(agency, 2022)
    assert report.agency == agency.name
    assert report.level == "county"  # a department of a county government is county-level
    assert report.title == f"{agency.name}2022年政府信息公开工作年度报告"
