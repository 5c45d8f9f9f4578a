"""The demo agencies' reports computed from demo data pass the engine's validator without
errors, including the cross-year rules between consecutive years, and the county roll-up is
the sum of its agencies' reports."""

from __future__ import annotations

import datetime as dt
import random
from importlib import import_module

import pytest

from gongkai import demo
from gongkai.agencies.models import Agency
from gongkai.reportformat import template
from gongkai.reportformat.validate import Severity, validate
from gongkai.reports.compute import compute_report, compute_reports, compute_subtree, sum_reports
from tests.appeals.factories import make_application, make_document

pytestmark = pytest.mark.django_db

STRUCTURAL = ("R2", "R3", "R4", "T-2")  # rules about the numbers and the format


def _demo_like_requests_and_documents():
    """A year and more of requests and documents per demo agency, when the requests demo step
    is not installed: every outcome, open ones carried over, a few withdrawn."""
    rng = random.Random(7)
    for agency in Agency.objects.all():
        for _ in range(60):
            received = dt.date(2020, 10, 1) + dt.timedelta(days=rng.randrange(0, 820))
            closed = received + dt.timedelta(days=rng.randrange(1, 60)) if rng.random() < 0.93 else None
            make_application(agency, received_on=received, closed_on=closed,
                             outcome=rng.choice(template.OUTCOME_CODES),
                             applicant_type=rng.choice([c.code for c in template.APPLICANT_TYPES]))
        for _ in range(8):
            written = dt.date(2019, 1, 1) + dt.timedelta(days=rng.randrange(0, 1400))
            validity = rng.choice(["valid", "valid", "repealed"])
            make_document(agency, kind=rng.choice(["rule", "normative"]), written_on=written,
                          published_on=written + dt.timedelta(days=3), validity=validity,
                          validity_changed_on=written + dt.timedelta(days=rng.randrange(30, 700))
                          if validity != "valid" else None)


@pytest.fixture
def demo_data():
    steps = [s for s in demo.STEPS if s.rsplit(".", 1)[-1] in ("agencies", "applications")]
    for step in steps:
        import_module(step).load()
    if "gongkai.demo.applications" not in demo.STEPS:
        _demo_like_requests_and_documents()
    import_module("gongkai.demo.appeals").load()
    import_module("gongkai.demo.figures").load()


def errors(report, previous=None):
    return [f for f in validate(report, previous)
            if f.severity is Severity.ERROR and f.rule.startswith(STRUCTURAL)]


def test_demo_reports_for_2021_and_2022_pass_validation(demo_data):
    commerce = Agency.objects.get(slug="xihua-commerce")
    r2020, r2021, r2022 = (compute_report(commerce, y) for y in (2020, 2021, 2022))
    assert errors(r2021, r2020) == []
    assert errors(r2022, r2021) == []
    cross_year = [f for f in validate(r2022, r2021) if f.rule == "R3-5"]
    assert cross_year == []
    assert r2022.get("table3", "new", "total") > 0
    assert r2022.get("table4", "cases", "review.total") + r2022.get(
        "table4", "cases", "lawsuit_direct.total") + r2022.get(
        "table4", "cases", "lawsuit_after_review.total") > 0


def test_demo_county_rollup_equals_sum_and_validates(demo_data):
    county = Agency.objects.get(slug="xihua")
    agencies = list(county.subtree())
    for year in (2021, 2022):
        rollup = compute_subtree(county, year)
        assert rollup.numbers() == sum_reports(compute_reports(agencies, year).values(),
                                               year=year).numbers()
        assert errors(rollup, compute_subtree(county, year - 1)) == []


def test_demo_loaders_are_idempotent(demo_data):
    from gongkai.appeals.models import AppealCase
    from gongkai.reports.models import YearlyFigures

    before = (AppealCase.objects.count(), YearlyFigures.objects.count())
    import_module("gongkai.demo.appeals").load()
    import_module("gongkai.demo.figures").load()
    assert (AppealCase.objects.count(), YearlyFigures.objects.count()) == before
    assert before[0] > 10 and before[1] == 36

