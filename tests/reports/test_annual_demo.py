"""The demo agency's (西华县商务局) 2021 and 2022 reports, generated from demo data through the
services, pass validation including the cross-year rules; 2021 is published, 2022 submitted."""

from __future__ import annotations

from importlib import import_module

import pytest

from gongkai import demo
from gongkai.reportformat.validate import validate
from gongkai.reports.annual_selectors import previous_value, report_findings, report_value
from gongkai.reports.models import AnnualReport

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo_reports():
    wanted = ("agencies", "workdays", "applications", "appeals", "figures", "reports")
    for step in demo.STEPS:
        if step.rsplit(".", 1)[-1] in wanted:
            import_module(step).load()
    return {r.year: r for r in AnnualReport.objects.filter(agency__slug="xihua-commerce")}


def test_demo_reports_pass_validation_with_cross_year_rules_and_load_once(demo_reports):
    r2021, r2022 = demo_reports[2021], demo_reports[2022]
    assert r2021.status == AnnualReport.Status.PUBLISHED
    assert r2022.status == AnnualReport.Status.SUBMITTED
    for report in (r2021, r2022):
        assert report.error_count == 0
        findings = report_findings(report)
        assert [f for f in findings if f.is_error] == []
    # 2022 is checked against the published 2021 report: carry-over and in-force counts agree.
    previous = previous_value(r2022)
    assert previous.numbers() == report_value(r2021).numbers()
    cross_year = [f for f in validate(report_value(r2022), previous)
                  if f.rule in ("R2-3", "R2-4", "R3-5", "T-3")]
    assert cross_year == []
    assert report_value(r2022).get("table3", "new", "total") > 0
    # Loading the demo again changes nothing (one test: the demo data takes a minute to load).
    before = {r.pk: (r.status, r.document_id) for r in AnnualReport.objects.all()}
    import_module("gongkai.demo.reports").load()
    assert {r.pk: (r.status, r.document_id) for r in AnnualReport.objects.all()} == before
