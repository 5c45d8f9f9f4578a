"""Who may do what with a report: the predicates of `reports.permissions`, enforced by the
services and by every staff page."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from gongkai.agencies.models import Role
from gongkai.reports import annual_services as services
from gongkai.reports import permissions as p
from gongkai.reports.models import AnnualReport
from tests.reports.annual_support import *  # noqa: F403
from tests.reports.annual_support import TEXTS, YEAR, report_at

pytestmark = pytest.mark.django_db
S = AnnualReport.Status


@pytest.fixture
def draft(agency, publisher):
    return services.report_generate(agency=agency, year=YEAR, actor=publisher)


def test_role_rules(agency, draft, publisher, admin, reviewer, handler, supervisor):
    assert p.can_generate_report(publisher, agency) is True
    assert p.can_generate_report(admin, agency) is True
    assert p.can_generate_report(reviewer, agency) is False
    assert p.can_submit_report(publisher, draft) is True
    assert p.can_submit_report(admin, draft) is False
    assert p.can_supervise_report(supervisor, draft) is True
    assert p.can_supervise_report(publisher, draft) is False
    assert p.can_publish_report(reviewer, draft) is True
    assert p.can_publish_report(supervisor, draft) is False
    assert p.can_view_report(handler, agency) is False
    assert {p.can_view_report(u, agency) for u in (publisher, admin, reviewer, supervisor)} == {True}


def test_supervisor_of_another_subtree_may_not_approve(agency, other_agency, make_staff, publisher,
                                                       records):
    outsider = make_staff(other_agency, Role.SUPERVISOR)
    report = report_at(S.SUBMITTED, agency=agency, publisher=publisher)
    with pytest.raises(PermissionDenied):
        services.report_approve(report=report, actor=outsider)


def test_services_check_the_actor(agency, draft, publisher, admin, reviewer, supervisor, records):
    with pytest.raises(PermissionDenied):
        services.report_generate(agency=agency, year=YEAR, actor=reviewer)
    with pytest.raises(PermissionDenied):
        services.report_update_narrative(report=draft, actor=supervisor, texts=TEXTS)
    services.report_update_narrative(report=draft, actor=admin, texts=TEXTS)
    with pytest.raises(PermissionDenied):
        services.report_submit(report=draft, actor=admin)
    report = services.report_submit(report=draft, actor=publisher)
    with pytest.raises(PermissionDenied):
        services.report_approve(report=report, actor=publisher)
    report = services.report_approve(report=report, actor=supervisor)
    with pytest.raises(PermissionDenied):
        services.report_publish(report=report, actor=supervisor)


@pytest.mark.parametrize("who,status", [
    ("publisher", 200), ("admin", 200), ("reviewer", 200), ("supervisor", 200), ("handler", 403),
])
def test_report_page_by_role(client, request, draft, who, status):
    client.force_login(request.getfixturevalue(who))
    url = reverse("reports:staff_detail", args=[draft.agency.slug, YEAR])
    assert client.get(url).status_code == status


def test_other_agency_staff_see_no_report(client, make_staff, other_agency, draft):
    client.force_login(make_staff(other_agency, Role.PUBLISHER, Role.ADMIN))
    assert client.get(reverse("reports:staff_detail", args=[draft.agency.slug, YEAR])).status_code == 403
    assert client.get(reverse("reports:staff_cell", args=[
        draft.agency.slug, YEAR, "table3", "new", "total"])).status_code == 403


def test_anonymous_users_are_sent_to_login(client, draft):
    response = client.get(reverse("reports:staff_detail", args=[draft.agency.slug, YEAR]))
    assert response.status_code == 302 and "login" in response["Location"]


def test_workflow_buttons_follow_role_and_status(client, draft, publisher, supervisor, records):
    url = reverse("reports:staff_detail", args=[draft.agency.slug, YEAR])
    client.force_login(publisher)
    page = client.get(url).content.decode()
    assert reverse("reports:staff_act", args=[draft.agency.slug, YEAR, "submit"]) in page
    assert reverse("reports:staff_act", args=[draft.agency.slug, YEAR, "approve"]) not in page
    client.force_login(supervisor)
    assert reverse("reports:staff_act", args=[draft.agency.slug, YEAR, "approve"]) not in (
        client.get(url).content.decode())  # a draft cannot be approved yet


def test_acting_without_the_role_is_forbidden(client, draft, publisher, records):
    services.report_update_narrative(report=draft, actor=publisher, texts=TEXTS)
    client.force_login(publisher)
    url = reverse("reports:staff_act", args=[draft.agency.slug, YEAR, "approve"])
    assert client.post(url).status_code == 403
    draft.refresh_from_db()
    assert draft.status == S.DRAFT


def test_submit_through_the_page(client, draft, publisher, records):
    client.force_login(publisher)
    edit = reverse("reports:staff_edit", args=[draft.agency.slug, YEAR])
    response = client.post(edit, {"overview": TEXTS["一"], "problems": TEXTS["五"],
                                  "other_matters": TEXTS["六"]})
    assert response.status_code == 302
    client.post(reverse("reports:staff_act", args=[draft.agency.slug, YEAR, "submit"]))
    draft.refresh_from_db()
    assert draft.status == S.SUBMITTED


def test_rollup_is_for_supervisors(client, county, publisher, supervisor, records):
    url = reverse("reports:staff_rollup", args=[county.slug, YEAR])
    client.force_login(publisher)
    assert client.get(url).status_code == 403
    client.force_login(supervisor)
    response = client.get(url)
    assert response.status_code == 200
    cell = reverse("reports:staff_cell", args=[county.slug, YEAR, "table3", "new", "total"])
    assert f'href="{cell}?scope=subtree">5</a>' in response.content.decode()


def test_records_behind_a_number_mask_the_applicant(client, agency, draft, publisher, supervisor,
                                                    records):
    url = reverse("reports:staff_cell", args=[agency.slug, YEAR, "table3", "new", "total"])
    client.force_login(publisher)
    page = client.get(url).content.decode()
    assert "共 5 条" in page
    assert "申请人" in page and "申*" in page
    assert "/requests/staff/" not in page  # a 信息发布员 may not open requests
    client.force_login(supervisor)
    page = client.get(url).content.decode()
    assert "/requests/staff/" in page  # a 监督员 may
    assert "T0000" not in page  # no identity numbers on this page


def test_every_number_links_to_its_records(client, agency, draft, publisher, records):
    client.force_login(publisher)
    page = client.get(reverse("reports:staff_detail", args=[agency.slug, YEAR])).content.decode()
    from gongkai.reportformat import template

    for key in template.ALL_CELL_KEYS:
        table, row, column = key.split("/")
        assert reverse("reports:staff_cell", args=[agency.slug, YEAR, table, row, column]) in page
