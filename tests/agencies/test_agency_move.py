"""Moving an agency (a new parent) goes through `agency_change()`, from the pages' services and
the Django admin alike: the subtree's paths move with it in one transaction, with an audit entry.
`Agency.save()` no longer rewrites other rows, and refuses a move it cannot complete."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from gongkai.agencies import services
from gongkai.agencies.models import Agency, AgencyMoveOutsideService, Role
from gongkai.agencies.permissions import agencies_with_role
from gongkai.audit.models import AuditEntry
from tests.factories import AgencyFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def site_admin():
    return UserFactory(is_staff=True, is_superuser=True)


@pytest.fixture
def tree(county, agency):
    child = AgencyFactory(name="下属单位", slug="child", parent=agency)
    grandchild = AgencyFactory(name="下属单位的科室", slug="grandchild", parent=child)
    new_parent = AgencyFactory(name="另一上级", slug="elsewhere")
    return agency, child, grandchild, new_parent


def test_a_new_agency_gets_its_path_below_its_parent(county, agency):
    assert county.path == f"/{county.pk}/"
    assert agency.path == f"/{county.pk}/{agency.pk}/"


def test_moving_an_agency_moves_its_whole_subtree_and_is_audited(tree, site_admin, county, make_staff):
    agency, child, grandchild, new_parent = tree
    supervisor = make_staff(new_parent, Role.SUPERVISOR)
    services.agency_change(agency=agency, actor=site_admin, data={"parent": new_parent})
    for row in (agency, child, grandchild):
        row.refresh_from_db()
    assert agency.path == f"{new_parent.path}{agency.pk}/"
    assert child.path == f"{agency.path}{child.pk}/"
    assert grandchild.path == f"{child.path}{grandchild.pk}/"
    assert set(county.subtree()) == {county}
    assert set(agencies_with_role(supervisor, Role.SUPERVISOR)) == {new_parent, agency, child, grandchild}
    entry = AuditEntry.objects.get(action="agencies.agency.change")
    assert entry.data["fields"] == ["parent"]
    assert entry.data["before"] == {"parent": county.pk} and entry.data["after"] == {"parent": new_parent.pk}


def test_saving_a_copy_loaded_before_its_ancestor_moved_keeps_the_new_path(tree, site_admin):
    agency, child, _, new_parent = tree
    stale = Agency.objects.get(pk=child.pk)
    services.agency_change(agency=agency, actor=site_admin, data={"parent": new_parent})
    stale.phone = "0394-2"
    stale.save()
    child.refresh_from_db()
    assert child.path.startswith(new_parent.path) and child.phone == "0394-2"


def test_an_agency_cannot_move_below_itself_or_its_subtree(tree, site_admin):
    agency, child, grandchild, _ = tree
    for parent in (agency, grandchild):
        with pytest.raises(ValidationError) as info:
            services.agency_change(agency=agency, actor=site_admin, data={"parent": parent})
        assert info.value.error_dict["parent"][0].code == "agency_cycle"
    agency.refresh_from_db()
    assert agency.parent_id != grandchild.pk and not AuditEntry.objects.exists()


def test_a_save_that_changes_the_parent_is_refused(tree):
    agency, child, _, new_parent = tree
    agency.parent = new_parent
    with pytest.raises(AgencyMoveOutsideService):
        agency.save()
    child.refresh_from_db()
    assert Agency.objects.get(pk=agency.pk).parent_id != new_parent.pk


def test_an_agency_admin_cannot_change_the_tree(agency, county, make_staff):
    with pytest.raises(PermissionDenied):
        services.agency_change(agency=agency, actor=make_staff(agency, Role.ADMIN), data={"parent": None})


def _admin_form(agency: Agency, **changes) -> dict:
    data = {
        "name": agency.name, "short_name": agency.short_name, "slug": agency.slug, "code": agency.code,
        "parent": agency.parent_id or "", "level": agency.level, "sort_order": agency.sort_order,
        "is_active": "on", "email": "",
        "memberships-TOTAL_FORMS": "0", "memberships-INITIAL_FORMS": "0",
        "memberships-MIN_NUM_FORMS": "0", "memberships-MAX_NUM_FORMS": "1000",
    }
    data.update(changes)
    return data


def test_the_admin_moves_an_agency_through_the_service(client, tree, site_admin):
    agency, child, _, new_parent = tree
    client.force_login(site_admin)
    url = reverse("admin:agencies_agency_change", args=[agency.pk])
    response = client.post(url, _admin_form(agency, parent=new_parent.pk, phone="0394-1"))
    assert response.status_code == 302, response.content.decode()[:2000]
    child.refresh_from_db()
    assert child.path == f"{new_parent.path}{agency.pk}/{child.pk}/"
    entry = AuditEntry.objects.get(action="agencies.agency.change")
    assert set(entry.data["fields"]) == {"parent", "phone"}


def test_the_admin_refuses_a_move_below_the_agencys_own_subtree(client, tree, site_admin):
    agency, _, grandchild, _ = tree
    client.force_login(site_admin)
    url = reverse("admin:agencies_agency_change", args=[agency.pk])
    response = client.post(url, _admin_form(agency, parent=grandchild.pk))
    assert response.status_code == 200
    assert "不能把机构设为它自己或其下属机构的下级" in response.content.decode()
    assert not AuditEntry.objects.exists()


def test_the_admin_creates_an_agency_through_the_service_and_cannot_delete_one(client, county, site_admin):
    client.force_login(site_admin)
    new = Agency(name="西华县统计局", short_name="统计局", slug="xihua-stats", code="11411622MB0000000X",
                 parent=county, level=Agency.Level.DEPARTMENT)
    response = client.post(reverse("admin:agencies_agency_add"), _admin_form(new))
    assert response.status_code == 302, response.content.decode()[:2000]
    created = Agency.objects.get(slug="xihua-stats")
    assert created.path == f"{county.path}{created.pk}/"
    assert AuditEntry.objects.get(action="agencies.agency.create").target_id == str(created.pk)
    assert client.get(reverse("admin:agencies_agency_delete", args=[created.pk])).status_code == 403
