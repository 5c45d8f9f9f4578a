import pytest
from django.urls import reverse

from gongkai.agencies.models import Role
from gongkai.agencies.permissions import agencies_with_role, has_role
from tests.factories import AgencyFactory, UserFactory


def test_a_supervisor_sees_the_whole_subtree_and_nothing_else(county, agency, other_agency, make_staff):
    elsewhere = AgencyFactory(name="别的县")
    supervisor = make_staff(county, Role.SUPERVISOR)
    visible = set(agencies_with_role(supervisor, Role.SUPERVISOR))
    assert visible == {county, agency, other_agency}
    assert has_role(supervisor, elsewhere, Role.SUPERVISOR) is False


def test_other_roles_apply_to_their_own_agency_only(county, agency, other_agency, make_staff):
    publisher = make_staff(agency, Role.PUBLISHER)
    assert has_role(publisher, agency, Role.PUBLISHER) is True
    assert has_role(publisher, agency, Role.REVIEWER) is False
    assert has_role(publisher, other_agency, Role.PUBLISHER) is False
    assert has_role(publisher, county, Role.PUBLISHER) is False


@pytest.mark.parametrize("role, allowed", [(Role.ADMIN, True), (Role.PUBLISHER, False), (Role.SUPERVISOR, False)])
def test_only_an_agency_admin_may_edit_its_information(client, agency, make_staff, role, allowed):
    user = make_staff(agency, role)
    client.force_login(user)
    response = client.post(
        reverse("agencies:edit", args=[agency.slug]), {"phone": "0394-1234567", "guide": "<p>指南</p><script>x()</script>"}
    )
    agency.refresh_from_db()
    if allowed:
        assert response.status_code == 302
        assert agency.phone == "0394-1234567"
        assert "<script>" not in agency.guide
    else:
        assert response.status_code == 403
        assert agency.phone != "0394-1234567"


def test_admin_of_another_agency_is_refused(client, agency, other_agency, make_staff):
    client.force_login(make_staff(other_agency, Role.ADMIN))
    assert client.get(reverse("agencies:members", args=[agency.slug])).status_code == 403


def test_public_agency_pages_answer(client, agency):
    agency.functions = "负责商务工作"
    agency.save()
    response = client.get(reverse("agencies:detail", args=[agency.slug]))
    assert response.status_code == 200
    assert "负责商务工作" in response.content.decode()
    assert client.get(reverse("agencies:guide", args=[agency.slug])).status_code == 200


def test_failed_logins_are_limited(client, db, settings):
    settings.AXES_FAILURE_LIMIT = 3
    UserFactory(username="staff1")
    for _ in range(3):
        client.post(reverse("accounts:login"), {"username": "staff1", "password": "wrong"})
    response = client.post(reverse("accounts:login"), {"username": "staff1", "password": "Test-password-2026"})
    assert response.status_code == 429
