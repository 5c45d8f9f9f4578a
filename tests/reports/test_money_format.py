"""Fees (万元) read the same everywhere a report is shown: two decimals, rounded half up, on the
county roll-up as on an agency's report."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest
from django.urls import reverse

from tests.appeals.factories import make_figures
from tests.reports.annual_support import *  # noqa: F403
from tests.reports.annual_support import YEAR

pytestmark = pytest.mark.django_db


def _fee_cell(html: str) -> str:
    row = re.search(r"行政事业性收费</t[hd]>(.*?)</tr>", html, re.S).group(1)
    return re.sub(r"<[^>]+>", "", row).strip()


def test_the_county_rollup_shows_fees_with_two_decimals(client, county, agency, other_agency, supervisor):
    make_figures(agency, YEAR, fee_amount=Decimal("16.5963"))
    make_figures(other_agency, YEAR, fee_amount=Decimal("49.7882"))  # sum 66.3845
    client.force_login(supervisor)
    html = client.get(reverse("reports:staff_rollup", args=[county.slug, YEAR])).content.decode()
    assert _fee_cell(html) == "66.38"
    assert "66.3845" not in html
