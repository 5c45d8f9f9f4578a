"""Open data: each published report as JSON that validates against the JSON Schema generated
from the format module, per agency and per county and year; nothing unpublished leaks."""

from __future__ import annotations

import jsonschema
import pytest
from django.urls import reverse

from gongkai.reportformat import schema, template
from gongkai.reportformat.values import Report
from gongkai.reports.models import AnnualReport
from tests.reports.annual_support import *  # noqa: F403
from tests.reports.annual_support import TEXTS, YEAR, report_at

pytestmark = pytest.mark.django_db


def _validator(client):
    data = client.get(reverse("reports:open_data_schema")).json()
    jsonschema.Draft202012Validator.check_schema(data)
    return jsonschema.Draft202012Validator(data)


def test_schema_names_every_cell_of_the_format():
    generated = schema.build_schema()
    tables = generated["$defs"]["report"]["properties"]["tables"]["properties"]
    keys = {f"{tc}/{rc}/{cc}" for tc, table in tables.items()
            for rc, row in table["properties"].items() for cc in row["properties"]}
    assert keys == set(template.ALL_CELL_KEYS)
    assert tables["table3"]["properties"]["new"]["title"] == "一、本年新收政府信息公开申请数量"


def test_schema_rejects_a_negative_count():
    validator = jsonschema.Draft202012Validator(schema.build_schema())
    doc = schema.report_document(Report.blank(year=2022, agency="某局"), published_on=None,
                                 agency={"name": "某局", "slug": "x", "code": "1"})
    assert list(validator.iter_errors(doc)) == []
    doc["tables"]["table3"]["new"]["natural"] = -1
    assert list(validator.iter_errors(doc))
    doc["tables"]["table3"]["new"]["natural"] = 0
    doc["tables"]["item8"]["fees"]["amount"] = 1.5  # amounts are decimal strings
    assert list(validator.iter_errors(doc))


def test_published_report_json_follows_the_schema(client, agency, county, publisher, supervisor,
                                                  reviewer, records):
    report = report_at(AnnualReport.Status.PUBLISHED, agency=agency, publisher=publisher,
                       supervisor=supervisor, reviewer=reviewer)
    validator = _validator(client)
    response = client.get(reverse("reports:open_data_agency", args=[agency.slug, YEAR]))
    assert response["Content-Type"] == "application/json"
    data = response.json()
    assert list(validator.iter_errors(data)) == []
    assert data["tables"]["table3"]["new"]["total"] == 5
    assert data["tables"]["item5"]["licensing"]["decisions"] == 12
    assert data["sections"]["六"]["text"] == TEXTS["六"]
    assert data["index_no"] == report.document.index_no
    assert data["$schema"].endswith(reverse("reports:open_data_schema"))

    county_doc = client.get(reverse("reports:open_data_county", args=[county.slug, YEAR])).json()
    assert list(validator.iter_errors(county_doc)) == []
    assert county_doc["count"] == 1
    assert county_doc["reports"][0]["agency"]["slug"] == agency.slug


def test_unpublished_reports_are_not_open_data(client, agency, county, publisher, records):
    report_at(AnnualReport.Status.SUBMITTED, agency=agency, publisher=publisher)
    assert client.get(reverse("reports:open_data_agency", args=[agency.slug, YEAR])).status_code == 404
    county_doc = client.get(reverse("reports:open_data_county", args=[county.slug, YEAR])).json()
    assert county_doc["count"] == 0


def test_public_list_links_every_format(client, agency, publisher, supervisor, reviewer, records):
    assert "还没有已发布的年度报告" in client.get(reverse("reports:public_list")).content.decode()
    report = report_at(AnnualReport.Status.PUBLISHED, agency=agency, publisher=publisher,
                       supervisor=supervisor, reviewer=reviewer)
    page = client.get(reverse("reports:public_list")).content.decode()
    assert report.document.get_absolute_url() in page
    assert reverse("reports:open_data_agency", args=[agency.slug, YEAR]) in page
    for att in report.document.attachments.all():
        assert reverse("catalog:attachment", args=[att.pk]) in page
