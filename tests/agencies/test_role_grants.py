"""Who may grant which role (issue 14 item 3).

A site administrator: any. An agency's 机构管理员: its own agency's working roles (发布员, 审核员,
办理员), never to itself. A 监督员 of an agency above: the agency's 机构管理员 and 监督员.
Checked through the real members page (POST) and the service; the Django admin writes none.
"""

import pytest
from django.contrib.admin.sites import site
from django.core.exceptions import PermissionDenied
from django.test import RequestFactory
from django.urls import reverse

from gongkai.agencies import services
from gongkai.agencies.admin import MembershipInline
from gongkai.agencies.models import Agency, Membership, Role
from gongkai.agencies.permissions import grantable_roles
from gongkai.audit.models import AuditEntry
from tests.factories import UserFactory

P, R, H, A, S = Role.PUBLISHER, Role.REVIEWER, Role.HANDLER, Role.ADMIN, Role.SUPERVISOR


@pytest.fixture
def people(county, agency, other_agency, make_staff):
    return {
        "county_admin": make_staff(county, A, username="county_admin"),
        "commerce_admin": make_staff(agency, A, username="commerce_admin"),
        "county_supervisor": make_staff(county, S, username="county_supervisor"),
        "commerce_supervisor": make_staff(agency, S, username="commerce_supervisor"),
        "commerce_publisher": make_staff(agency, P, username="commerce_publisher"),
        "site_admin": UserFactory(username="site_admin", is_superuser=True, is_staff=True),
        "applicant": UserFactory(username="applicant"),
    }


CASES = [
    # (actor, agency slug, role, allowed)
    ("county_admin", "xihua", S, False),  # the reported escalation
    ("county_admin", "xihua", A, False),
    ("county_admin", "xihua", P, True),
    ("county_admin", "xihua", R, True),
    ("county_admin", "xihua", H, True),
    ("county_admin", "xihua-commerce", P, False),  # an agency below is not its own
    ("commerce_admin", "xihua-commerce", S, False),  # the applicant made a supervisor
    ("commerce_admin", "xihua-commerce", A, False),
    ("commerce_admin", "xihua-commerce", P, True),
    ("commerce_admin", "xihua-commerce", R, True),
    ("commerce_admin", "xihua-commerce", H, True),
    ("commerce_admin", "xihua-finance", P, False),
    ("county_supervisor", "xihua-commerce", S, True),  # the supervising office above
    ("county_supervisor", "xihua-commerce", A, True),
    ("county_supervisor", "xihua-commerce", P, False),
    ("county_supervisor", "xihua", S, False),  # nobody above the county but the site admin
    ("commerce_supervisor", "xihua-commerce", S, False),  # same level, not above
    ("commerce_supervisor", "xihua-commerce", P, False),
    ("commerce_publisher", "xihua-commerce", P, False),
    ("site_admin", "xihua", S, True),
    ("site_admin", "xihua-commerce", A, True),
    ("site_admin", "xihua-finance", H, True),
]


def _case_id(case):
    actor, slug, role, allowed = case
    return f"{actor}-{slug}-{role}-{'allowed' if allowed else 'refused'}"


@pytest.mark.parametrize("actor, slug, role, allowed", CASES, ids=[_case_id(c) for c in CASES])
def test_granting_a_role_through_the_members_page(client, people, actor, slug, role, allowed):
    client.force_login(people[actor])
    response = client.post(reverse("agencies:members", args=[slug]), {"username": "applicant", "role": role})
    granted = Membership.objects.filter(user=people["applicant"], agency__slug=slug, role=role).exists()
    assert granted is allowed
    assert AuditEntry.objects.filter(action=services.MEMBERSHIP_GRANT).exists() is allowed
    if allowed:
        assert response.status_code == 302
    else:
        assert response.status_code in (200, 403)
        if response.status_code == 200:  # the page opens, but does not offer the role
            assert role not in dict(response.context["form"].fields["role"].choices)


@pytest.mark.parametrize("actor, slug, role, allowed", CASES, ids=[_case_id(c) for c in CASES])
def test_the_service_enforces_the_same_rule(people, actor, slug, role, allowed):
    agency = Agency.objects.get(slug=slug)
    grant = lambda: services.membership_grant(  # noqa: E731
        agency=agency, user=people["applicant"], role=role, actor=people[actor])
    if allowed:
        assert grant().role == role
    else:
        with pytest.raises(PermissionDenied):
            grant()


@pytest.mark.parametrize("actor, slug, role", [
    ("commerce_admin", "xihua-commerce", P),
    ("county_supervisor", "xihua-commerce", A),
])
def test_nobody_but_a_site_administrator_grants_to_themselves(people, actor, slug, role):
    with pytest.raises(PermissionDenied):
        services.membership_grant(agency=Agency.objects.get(slug=slug), user=people[actor], role=role,
                                  actor=people[actor])
    site_admin = people["site_admin"]
    services.membership_grant(agency=Agency.objects.get(slug=slug), user=site_admin, role=role,
                              actor=site_admin)


def test_the_form_offers_only_grantable_roles(client, people, agency):
    client.force_login(people["commerce_admin"])
    form = client.get(reverse("agencies:members", args=[agency.slug])).context["form"]
    assert [value for value, _ in form.fields["role"].choices] == [P, R, H]
    assert grantable_roles(people["county_supervisor"], agency) == [A, S]


def test_an_agency_admin_revokes_working_roles_but_not_oversight_or_its_own(client, people, agency):
    admin = people["commerce_admin"]
    supervisor = Membership.objects.get(user=people["commerce_supervisor"], agency=agency)
    publisher = Membership.objects.get(user=people["commerce_publisher"], agency=agency)
    own = Membership.objects.get(user=admin, agency=agency)
    client.force_login(admin)
    for membership, status in ((supervisor, 403), (own, 403), (publisher, 302)):
        response = client.post(reverse("agencies:member_revoke", args=[agency.slug, membership.pk]))
        assert response.status_code == status
    assert set(Membership.objects.filter(agency=agency).values_list("pk", flat=True)) >= {supervisor.pk, own.pk}
    assert not Membership.objects.filter(pk=publisher.pk).exists()


def test_the_django_admin_shows_roles_but_writes_none(client, people, agency):
    site_admin = people["site_admin"]
    client.force_login(site_admin)
    assert client.get(reverse("admin:agencies_membership_add")).status_code == 403
    membership = Membership.objects.filter(agency=agency).first()
    assert client.post(reverse("admin:agencies_membership_delete", args=[membership.pk]),
                       {"post": "yes"}).status_code == 403
    assert Membership.objects.filter(pk=membership.pk).exists()
    request = RequestFactory().get("/")
    request.user = site_admin
    inline = MembershipInline(Agency, site)
    assert (inline.has_add_permission(request, agency), inline.has_change_permission(request, agency),
            inline.has_delete_permission(request, agency)) == (False, False, False)


def test_a_supervisor_reaches_the_members_pages_of_the_agencies_below(client, people, county, agency,
                                                                       other_agency):
    client.force_login(people["county_supervisor"])
    page = client.get(reverse("agencies:manage"))
    assert page.status_code == 200
    assert list(page.context["overseen"]) == [agency, other_agency]
    assert reverse("agencies:members", args=[agency.slug]) in page.content.decode()
    client.force_login(people["commerce_publisher"])
    assert client.get(reverse("agencies:manage")).status_code == 403
