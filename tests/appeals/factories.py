"""Factories for appeal cases, and minimal builders of the records the report counts
(requests, documents, yearly figures), used by tests/appeals and tests/reports/test_compute*."""

from __future__ import annotations

import datetime as dt
import itertools
from decimal import Decimal

import factory

from gongkai.appeals.models import AppealCase
from gongkai.applications.models import Application, number_issue
from gongkai.catalog.models import Category, Document
from gongkai.reports.models import YearlyFigures
from tests.factories import AgencyFactory

_serial = itertools.count(1)


def make_application(
    agency, *, received_on: dt.date, applicant_type: str = "natural",
    closed_on: dt.date | None = None, outcome: str = "",
) -> Application:
    """A request as the workflow leaves it: open, or closed with an outcome and a date."""
    if closed_on is not None and not outcome:
        outcome = "disclosed"
    n = next(_serial)
    return Application.objects.create(
        number_year=received_on.year, number=number_issue(agency_id=agency.pk, year=received_on.year),
        agency=agency, applicant_type=applicant_type, applicant_name=f"申请人{n}",
        id_type="other", id_number=f"T{n:08d}", applicant_key=f"key{n}", phone="13800000000",
        info_form="electronic", delivery="email", received_on=received_on,
        due_on=received_on + dt.timedelta(days=28),
        status="closed" if closed_on else "in_progress", outcome=outcome if closed_on else "",
        closed_on=closed_on, title=f"关于第{n}项信息的申请",
    )


def make_document(
    agency, *, kind: str = "normative", written_on: dt.date | None = None,
    published_on: dt.date | None = None, validity: str = "valid",
    validity_changed_on: dt.date | None = None, status: str = "published",
) -> Document:
    n = next(_serial)
    category = Category.objects.order_by("pk").first() or Category.objects.create(
        name="政策文件", slug=f"policies-{n}"
    )
    return Document.objects.create(
        agency=agency, title=f"关于第{n}项工作的规定", category=category, kind=kind,
        written_on=written_on, published_on=published_on, validity=validity,
        validity_changed_on=validity_changed_on, status=status,
        index_no=f"{agency.code}/T-{n:06d}" if status == "published" else "",
    )


def make_figures(agency, year: int, **values) -> YearlyFigures:
    defaults = {"licensing_decisions": 0, "penalty_decisions": 0, "coercion_decisions": 0,
                "fee_amount": Decimal("0")}
    defaults.update(values)
    return YearlyFigures.objects.create(agency=agency, year=year, **defaults)


class AppealCaseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AppealCase

    agency = factory.SubFactory(AgencyFactory)
    kind = "review"
    case_number = factory.Sequence(lambda n: f"西政复〔2022〕{n + 1}号")
    forum = "西华县人民政府"
    applicant_name = "李明"
    filed_on = dt.date(2022, 5, 10)
    result = "pending"
    closed_on = None
