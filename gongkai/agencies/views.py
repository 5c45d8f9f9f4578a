from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from gongkai.page_cache import cache_anonymous_page

from . import services
from .forms import AgencyInfoForm, MembershipGrantForm
from .models import Agency, Membership, Role
from .permissions import (
    agencies_overseen_by,
    agencies_with_role,
    can_grant_role,
    can_manage_agency,
    grantable_roles,
    require,
)


@cache_anonymous_page
def agency_list(request):
    agencies = Agency.objects.active().order_by("path", "sort_order")
    return render(request, "agencies/agency_list.html", {"agencies": agencies})


@cache_anonymous_page
def agency_detail(request, slug):
    agency = get_object_or_404(Agency.objects.active(), slug=slug)
    return render(
        request,
        "agencies/agency_detail.html",
        {
            "agency": agency,
            "children": agency.children.filter(is_active=True),
            "recent_documents": agency.documents.published().select_related("category")[:10],
        },
    )


@cache_anonymous_page
def agency_guide(request, slug):
    agency = get_object_or_404(Agency.objects.active(), slug=slug)
    return render(request, "agencies/agency_guide.html", {"agency": agency})


@login_required
def manage(request):
    """Agencies whose information and staff the user administers."""
    agencies = agencies_with_role(request.user, Role.ADMIN)
    overseen = agencies_overseen_by(request.user).exclude(pk__in=agencies).order_by("path")
    require(agencies.exists() or overseen.exists())
    return render(request, "agencies/manage.html", {"agencies": agencies, "overseen": overseen})


@login_required
def agency_edit(request, slug):
    agency = get_object_or_404(Agency, slug=slug)
    require(can_manage_agency(request.user, agency))
    form = AgencyInfoForm(request.POST or None, instance=Agency.objects.get(pk=agency.pk))
    if request.method == "POST" and form.is_valid():
        services.agency_update(agency=agency, actor=request.user, data=form.cleaned_data)
        messages.success(request, _("机构信息已保存。"))
        return redirect("agencies:edit", slug=agency.slug)
    return render(request, "agencies/agency_edit.html", {"agency": agency, "form": form})


@login_required
def members(request, slug):
    agency = get_object_or_404(Agency, slug=slug)
    roles = grantable_roles(request.user, agency)
    require(bool(roles))
    form = MembershipGrantForm(request.POST or None, roles=roles)
    if request.method == "POST" and form.is_valid():
        services.membership_grant(
            agency=agency, user=form.cleaned_data["username"], role=form.cleaned_data["role"],
            actor=request.user,
        )
        messages.success(request, _("角色已授予。"))
        return redirect("agencies:members", slug=agency.slug)
    memberships = agency.memberships.select_related("user").order_by("user__username", "role")
    rows = [(m, can_grant_role(request.user, agency, m.role, m.user)) for m in memberships]
    return render(request, "agencies/members.html", {
        "agency": agency, "form": form, "rows": rows, "roles": [Role(role).label for role in roles],
    })


@login_required
@require_POST
def member_revoke(request, slug, pk):
    membership = get_object_or_404(Membership, pk=pk, agency__slug=slug)
    require(can_grant_role(request.user, membership.agency, membership.role, membership.user))
    services.membership_revoke(membership=membership, actor=request.user)
    messages.success(request, _("角色已撤销。"))
    return redirect("agencies:members", slug=slug)
