"""The aggregate queries and the row-by-row Python reference give identical tables, on any
small dataset (hypothesis) — 双公示 decision and fee records mixed with yearly figures included —
and every table balances (一 + 二 = 三（七）+ 四, carry-over)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gongkai.powers.models import Decision, FeeRecord, PowerItem
from gongkai.reportformat import template
from gongkai.reportformat.validate import has_errors, validate
from gongkai.reports.compute import (
    compute_reports,
    compute_reports_python,
    compute_rollup,
    compute_rollup_python,
    sum_reports,
)
from tests.appeals.factories import AppealCaseFactory, make_application, make_document, make_figures

pytestmark = pytest.mark.django_db(transaction=False)

YEARS = (2021, 2022, 2023)
# Dates anywhere, and often right at a year boundary (30 Dec … 2 Jan), where rules go wrong.
days = st.one_of(
    st.dates(min_value=dt.date(2020, 6, 1), max_value=dt.date(2024, 6, 30)),
    st.builds(lambda year, shift: dt.date(year, 1, 1) + dt.timedelta(days=shift),
              st.integers(2021, 2024), st.integers(-2, 1)),
)
gap = st.one_of(st.none(), st.integers(min_value=-3, max_value=500), st.integers(0, 3))

requests = st.tuples(
    st.integers(0, 1), days, gap, st.sampled_from([c.code for c in template.APPLICANT_TYPES]),
    st.sampled_from(template.OUTCOME_CODES),
)
documents = st.tuples(
    st.integers(0, 1), st.sampled_from(["rule", "normative", "notice"]),
    st.one_of(st.none(), days), days,
    st.sampled_from(["valid", "repealed", "expired"]), st.integers(-30, 900),
    st.sampled_from(["published", "published", "withdrawn", "draft"]),
)
cases = st.tuples(
    st.integers(0, 1), st.sampled_from([c.code for c in template.APPEAL_KINDS]), days,
    st.one_of(st.none(), st.integers(0, 400)), st.sampled_from(["upheld", "corrected", "other"]),
)
figures = st.tuples(st.integers(0, 1), st.sampled_from(YEARS), st.integers(0, 50),
                    st.decimals(min_value=0, max_value=100, places=4))
# 双公示 records: (agency, kind, decision date) and (agency, year, amount in 元)
decision_records = st.tuples(st.integers(0, 1), st.sampled_from(["licensing", "penalty", "coercion"]),
                             days)
fee_records = st.tuples(st.integers(0, 1), st.sampled_from(YEARS),
                        st.decimals(min_value=0, max_value=999999, places=2))


def load_records(agencies, decisions, fees):
    """Decisions and fee records written straight to the tables (the services are tested in
    tests/powers; here only what the report counts matters)."""
    items = {}
    for i, (a, kind, decided) in enumerate(decisions):
        key = (a, kind)
        if key not in items:
            items[key] = PowerItem.objects.create(
                agency=agencies[a], category=kind, code=f"{kind}-{a}", name=kind, legal_basis="依据",
                implementing_body="股室")
        Decision.objects.create(agency=agencies[a], item=items[key], kind=kind,
                                document_no=f"决{i}", party_type="legal", party_name="某公司",
                                party_id_number="x", facts="f", basis="b", content="c",
                                decided_on=decided, deciding_body="机关")
    for i, (a, year, amount) in enumerate(fees):
        item = items.get((a, "fee")) or PowerItem.objects.create(
            agency=agencies[a], category="levy", code=f"fee-{a}", name="收费", legal_basis="依据",
            implementing_body="股室")
        items[a, "fee"] = item
        FeeRecord.objects.create(agency=agencies[a], item=item, year=year, name=f"费{i}",
                                 basis="b", standard="s", amount=amount)


def load(agencies, reqs, docs, appeal_cases, figs):
    for a, received, delta, applicant, outcome in reqs:
        closed = None if delta is None else received + dt.timedelta(days=delta)
        make_application(agencies[a], received_on=received, closed_on=closed,
                         applicant_type=applicant, outcome=outcome)
    for a, kind, written, published, validity, delta, status in docs:
        issued = written or published
        changed = None if validity == "valid" else issued + dt.timedelta(days=delta)
        make_document(agencies[a], kind=kind, written_on=written, published_on=published,
                      validity=validity, validity_changed_on=changed, status=status)
    for i, (a, kind, filed, delta, result) in enumerate(appeal_cases):
        closed = None if delta is None else filed + dt.timedelta(days=delta)
        AppealCaseFactory(agency=agencies[a], kind=kind, filed_on=filed, closed_on=closed,
                          result=result if closed else "pending", case_number=f"案{i}")
    seen = set()
    for a, year, n, fee in figs:
        if (a, year) not in seen:
            seen.add((a, year))
            make_figures(agencies[a], year, licensing_decisions=n, fee_amount=fee)


@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(
    reqs=st.lists(requests, max_size=25), docs=st.lists(documents, max_size=12),
    appeal_cases=st.lists(cases, max_size=8), figs=st.lists(figures, max_size=4),
    decisions=st.lists(decision_records, max_size=10), fees=st.lists(fee_records, max_size=5),
)
def test_aggregate_equals_row_by_row_and_tables_balance(agency, other_agency, reqs, docs,
                                                        appeal_cases, figs, decisions, fees):
    agencies = [agency, other_agency]
    ids = [a.pk for a in agencies]
    with transaction.atomic():
        load(agencies, reqs, docs, appeal_cases, figs)
        load_records(agencies, decisions, fees)
        previous = None
        for year in YEARS:
            aggregate = compute_reports(ids, year)
            python = compute_reports_python(ids, year)
            for pk in ids:
                assert aggregate[pk].numbers() == python[pk].numbers()
            rollup = compute_rollup(ids, year)
            assert rollup.numbers() == compute_rollup_python(ids, year).numbers()
            assert rollup.numbers() == sum_reports(aggregate.values(), year=year).numbers()
            for report in (*aggregate.values(), rollup):
                findings = [f for f in validate(report) if f.rule.startswith(("R2", "R3", "R4"))]
                assert not has_errors(findings), findings
            if previous is not None:
                for column in [c.code for c in template.TABLE3.columns]:
                    assert rollup.get("table3", "carried_in", column) == previous.get(
                        "table3", "carried_out", column)
            previous = rollup
        transaction.set_rollback(True)


def test_fee_amounts_add_exactly(agency, other_agency):
    make_figures(agency, 2022, fee_amount=Decimal("0.1000"))
    make_figures(other_agency, 2022, fee_amount=Decimal("0.2000"))
    assert compute_rollup([agency, other_agency], 2022).get("item8", "fees", "amount") == Decimal("0.3")
