"""Downloads of the report page answer with the right content types."""

from __future__ import annotations

import pytest
from django.urls import reverse

from gongkai.reports import annual_services as services
from tests.reports.annual_support import *  # noqa: F403
from tests.reports.annual_support import YEAR

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("fmt,content_type,magic", [
    ("html", "text/html; charset=utf-8", b"<!DOCTYPE html>"),
    ("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", b"PK"),
    ("pdf", "application/pdf", b"%PDF"),
])
def test_exports(client, agency, publisher, records, fmt, content_type, magic):
    services.report_generate(agency=agency, year=YEAR, actor=publisher)
    client.force_login(publisher)
    response = client.get(reverse("reports:staff_export", args=[agency.slug, YEAR, fmt]))
    assert response.status_code == 200
    assert response["Content-Type"] == content_type
    assert response.content.startswith(magic)
    assert f'filename="{agency.slug}-{YEAR}.{fmt}"' in response["Content-Disposition"]


def test_unknown_format_is_not_found(client, agency, publisher):
    services.report_generate(agency=agency, year=YEAR, actor=publisher)
    client.force_login(publisher)
    assert client.get(reverse("reports:staff_export", args=[agency.slug, YEAR, "xls"])).status_code == 404


def test_rollup_export_for_supervisors(client, county, supervisor, publisher, records):
    url = reverse("reports:staff_rollup_export", args=[county.slug, YEAR, "docx"])
    client.force_login(publisher)
    assert client.get(url).status_code == 403
    client.force_login(supervisor)
    response = client.get(url)
    assert response.status_code == 200 and response.content.startswith(b"PK")


def test_report_css_is_a_stylesheet(client):
    response = client.get(reverse("reports:report_css"))
    assert response["Content-Type"] == "text/css; charset=utf-8"
    assert b".annual-report" in response.content
