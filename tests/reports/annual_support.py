"""Fixtures and builders for the annual-report workflow tests (tests/reports/test_annual_*).

Imported by those modules with `from tests.reports.annual_support import *`: the staff of each
role, a year of records for the demo agency, and a report taken to a given status through the
services.
"""

from __future__ import annotations

import datetime as dt

import pytest

from gongkai.agencies.models import Role
from gongkai.reports import annual_services as services
from gongkai.reports.models import AnnualReport
from tests.appeals.factories import AppealCaseFactory, make_application, make_document, make_figures

YEAR = 2022

TEXTS = {
    "一": f"{YEAR}年，本局依法做好政府信息公开工作，及时主动公开政策文件，规范办理依申请公开。",
    "五": "主要问题是政策解读形式单一。下一步将丰富解读形式，加强培训。",
    "六": "本年度未收取信息处理费。",
}

__all__ = [
    "TEXTS", "YEAR", "admin", "handler", "publisher", "records", "report_at", "reviewer",
    "supervisor", "second_reviewer",
]


@pytest.fixture
def publisher(agency, make_staff):
    return make_staff(agency, Role.PUBLISHER, username="pub")


@pytest.fixture
def admin(agency, make_staff):
    return make_staff(agency, Role.ADMIN, username="adm")


@pytest.fixture
def reviewer(agency, make_staff):
    return make_staff(agency, Role.REVIEWER, username="rev")


@pytest.fixture
def second_reviewer(agency, make_staff):
    return make_staff(agency, Role.REVIEWER, Role.PUBLISHER, username="rev2")


@pytest.fixture
def handler(agency, make_staff):
    return make_staff(agency, Role.HANDLER, username="hdl")


@pytest.fixture
def supervisor(county, make_staff):
    return make_staff(county, Role.SUPERVISOR, username="sup")


@pytest.fixture
def records(agency):
    """A year and a bit of records of the agency: requests (one carried over from last year),
    documents, an appeal case and the yearly figures."""
    make_application(agency, received_on=dt.date(YEAR - 1, 12, 20),
                     closed_on=dt.date(YEAR, 1, 10), outcome="disclosed")
    for month, outcome in ((2, "disclosed"), (3, "partial"), (3, "unable_not_held"),
                           (7, "withheld_secret"), (11, "")):
        make_application(agency, received_on=dt.date(YEAR, month, 5),
                         closed_on=dt.date(YEAR, month, 20) if outcome else None,
                         outcome=outcome, applicant_type="natural" if month < 5 else "business")
    make_document(agency, kind="normative", written_on=dt.date(YEAR, 4, 1),
                  published_on=dt.date(YEAR, 4, 3))
    AppealCaseFactory(agency=agency, kind="review", filed_on=dt.date(YEAR, 6, 1),
                      result="upheld", closed_on=dt.date(YEAR, 8, 1))
    make_figures(agency, YEAR, licensing_decisions=12, penalty_decisions=3)
    return agency


def report_at(status: str, *, agency, publisher, supervisor=None, reviewer=None,
              year: int = YEAR) -> AnnualReport:
    """A report of `agency` taken through the services up to `status`."""
    report = services.report_generate(agency=agency, year=year, actor=publisher)
    if status == AnnualReport.Status.DRAFT:
        return report
    report = services.report_update_narrative(report=report, actor=publisher, texts=TEXTS)
    report = services.report_submit(report=report, actor=publisher)
    if status == AnnualReport.Status.SUBMITTED:
        return report
    report = services.report_approve(report=report, actor=supervisor, comment="同意")
    if status == AnnualReport.Status.APPROVED:
        return report
    return services.report_publish(report=report, actor=reviewer)
