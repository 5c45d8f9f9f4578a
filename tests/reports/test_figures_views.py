"""Staff pages for yearly figures: entry, import, permissions."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from gongkai.agencies.models import Role
from gongkai.audit.models import AuditEntry
from gongkai.reports.figures.services import FIGURES_SAVE
from gongkai.reports.models import YearlyFigures
from tests.appeals.factories import make_figures

pytestmark = pytest.mark.django_db


@pytest.fixture
def publisher(agency, make_staff):
    return make_staff(agency, Role.PUBLISHER)


def test_publisher_enters_figures_for_a_year(client, publisher, agency):
    client.force_login(publisher)
    url = reverse("reports:figures_edit", args=[agency.slug, 2022])
    assert client.get(url).status_code == 200
    response = client.post(url, {"licensing_decisions": "15", "penalty_decisions": "2",
                                 "coercion_decisions": "0", "fee_amount": "3.5", "note": ""})
    assert response.status_code == 302
    figures = YearlyFigures.objects.get(agency=agency, year=2022)
    assert (figures.licensing_decisions, figures.fee_amount) == (15, Decimal("3.5"))
    assert AuditEntry.objects.filter(action=FIGURES_SAVE, agency=agency).count() == 1


def test_negative_count_is_a_field_error(client, publisher, agency):
    client.force_login(publisher)
    response = client.post(reverse("reports:figures_edit", args=[agency.slug, 2022]), {
        "licensing_decisions": "-1", "penalty_decisions": "0", "coercion_decisions": "0",
        "fee_amount": "0"})
    assert response.status_code == 200
    assert "licensing_decisions" in response.context["form"].errors
    assert not YearlyFigures.objects.exists()


def test_other_agencys_staff_cannot_open_or_post(client, other_agency, make_staff, agency):
    outsider = make_staff(other_agency, Role.ADMIN)
    client.force_login(outsider)
    url = reverse("reports:figures_edit", args=[agency.slug, 2022])
    assert client.get(url).status_code == 403
    assert client.post(url, {"licensing_decisions": "1"}).status_code == 403


def test_supervisor_reads_the_subtree_but_cannot_save(client, county, agency, make_staff):
    supervisor = make_staff(county, Role.SUPERVISOR)
    make_figures(agency, 2022, licensing_decisions=42)
    client.force_login(supervisor)
    body = client.get(reverse("reports:figures_list")).content.decode()
    assert agency.name in body and "42" in body
    url = reverse("reports:figures_edit", args=[agency.slug, 2022])
    assert client.get(url).status_code == 200
    assert client.post(url, {"licensing_decisions": "1"}).status_code == 403
    assert client.get(reverse("reports:figures_import")).status_code == 403


def test_handler_has_no_figures_pages(client, agency, make_staff):
    client.force_login(make_staff(agency, Role.HANDLER))
    assert client.get(reverse("reports:figures_list")).status_code == 403


def test_import_page_lists_line_errors_and_saves_nothing(client, publisher, agency):
    client.force_login(publisher)
    content = ("机构代码,年度,行政许可,行政处罚,行政强制,行政事业性收费\n"
               f"{agency.code},2022,1,0,0,0\n{agency.code},2023,abc,0,0,0\n").encode()
    response = client.post(reverse("reports:figures_import"),
                           {"file": SimpleUploadedFile("f.csv", content, "text/csv")})
    assert response.status_code == 200
    assert "第3行：“行政许可”应为非负整数" in response.content.decode()
    assert not YearlyFigures.objects.exists()


def test_import_page_saves_a_good_file(client, publisher, agency):
    client.force_login(publisher)
    content = f"机构代码,年度,行政许可,行政处罚,行政强制,行政事业性收费\n{agency.code},2022,1,0,0,0.5\n"
    response = client.post(reverse("reports:figures_import"),
                           {"file": SimpleUploadedFile("f.csv", content.encode(), "text/csv")})
    assert response.status_code == 302
    assert YearlyFigures.objects.get(agency=agency, year=2022).fee_amount == Decimal("0.5")


def test_template_download_and_list_empty_state(client, publisher):
    client.force_login(publisher)
    response = client.get(reverse("reports:figures_template"))
    assert response["Content-Type"].startswith("text/csv")
    assert "机构代码" in response.content.decode("utf-8-sig")
    body = client.get(reverse("reports:figures_list")).content.decode()
    assert "还没有填报年度业务数据" in body


def test_choose_form_goes_to_the_edit_page(client, publisher, agency):
    client.force_login(publisher)
    response = client.get(reverse("reports:figures_list"),
                          {"agency": agency.pk, "year": 2023, "go": "1"})
    assert response["Location"] == reverse("reports:figures_edit", args=[agency.slug, 2023])


def test_workbench_links_to_the_figures_pages(client, publisher):
    client.force_login(publisher)
    body = client.get(reverse("accounts:home")).content.decode()
    assert reverse("reports:figures_list") in body


def test_list_prints_amounts_without_trailing_zeros(client, publisher, agency):
    make_figures(agency, 2022, fee_amount=Decimal("100.0000"))
    make_figures(agency, 2021, fee_amount=Decimal("12.3400"))
    client.force_login(publisher)
    body = client.get(reverse("reports:figures_list")).content.decode()
    assert "<td>100</td>" in body and "<td>12.34</td>" in body and "E+" not in body
