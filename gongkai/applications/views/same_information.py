"""Staff pages of 《条例》第四十四条: requests for the same information, the proposals they
make, linking requests (from a request's page or by confirming a suggestion), dismissing a
proposal with a reason and turning it into a catalog draft. Supervisors see counts only."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from gongkai.agencies.models import Role
from gongkai.agencies.permissions import agencies_with_role

from .. import forms as f
from .. import selectors, services
from ..models import Application, SameInformation
from ..permissions import (
    SAME_INFORMATION_ROLES,
    can_draft_from_proposal,
    can_link_same_information,
    can_view_same_information,
    proposal_count_agencies,
)
from .staff import _attach_errors, _visible


@never_cache
@login_required
def proposals(request):
    user = request.user
    sees_groups = agencies_with_role(user, *SAME_INFORMATION_ROLES).exists()
    sees_counts = proposal_count_agencies(user).exists()
    if not (sees_groups or sees_counts):
        raise PermissionDenied
    context = {"sees_groups": sees_groups, "counts": selectors.proposal_counts(user=user)
               if sees_counts else None, "threshold": None}
    if sees_groups:
        context.update(selectors.proposals_for(user=user, today=timezone.localdate()))
        context["can_link"] = agencies_with_role(user, Role.HANDLER, Role.ADMIN).exists()
        context["can_draft"] = agencies_with_role(user, Role.PUBLISHER).exists()
    return render(request, "applications/proposal_list.html", context)


@login_required
@require_POST
def link(request, pk):
    """Link the request to another one as the same information (from the request's page)."""
    application = _visible(request, pk)
    if not can_link_same_information(request.user, application.agency):
        raise PermissionDenied
    form = f.SameInformationLinkForm(request.POST)
    if form.is_valid():
        other = (Application.objects.filter(pk=form.cleaned_data["other"],
                                            agency=application.agency).first()
                 if form.cleaned_data.get("other") else selectors.application_by_reference(
                     agency_id=application.agency_id, text=form.cleaned_data["reference"]))
        if other is None:
            messages.error(request, _("本机关没有这个编号的申请。"))
        else:
            _link(request, [application, other], form.cleaned_data.get("basis", ""))
    else:
        messages.error(request, " ".join(form.errors.get("__all__", [])) or _("请填写申请编号。"))
    return redirect(application.get_absolute_url())


@login_required
@require_POST
def unlink(request, pk):
    application = _visible(request, pk)
    try:
        services.same_information_unlink(application=application, actor=request.user)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("已取消同一信息的认定。"))
    return redirect(application.get_absolute_url())


@login_required
@require_POST
def confirm(request):
    """Confirm a suggested group from the proposals page."""
    if not agencies_with_role(request.user, Role.HANDLER, Role.ADMIN).exists():
        raise PermissionDenied
    form = f.SuggestedGroupForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("申请选择有误。"))
        return redirect("applications:proposals")
    applications = list(Application.objects.filter(pk__in=form.cleaned_data["applications"]))
    if not applications or not all(can_link_same_information(request.user, a.agency)
                                   for a in applications):
        raise PermissionDenied
    _link(request, applications, form.cleaned_data.get("basis", ""))
    return redirect("applications:proposals")


def _link(request, applications, basis) -> None:
    try:
        services.same_information_link(applications=applications, actor=request.user,
                                       basis=basis)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("已认定为同一信息。"))


def _group(request, pk) -> SameInformation:
    group = get_object_or_404(SameInformation.objects.select_related("agency"), pk=pk)
    if not can_view_same_information(request.user, group.agency):
        raise PermissionDenied
    return group


@never_cache
@login_required
def dismiss(request, pk):
    group = _group(request, pk)
    if not can_link_same_information(request.user, group.agency):
        raise PermissionDenied
    form = f.ProposalDismissForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.proposal_dismiss(group=group, actor=request.user, **form.cleaned_data)
        except ValidationError as exc:
            _attach_errors(form, exc)
        else:
            messages.success(request, _("已记录不予采纳及其理由。"))
            return redirect("applications:proposals")
    return render(request, "applications/proposal_act.html", {
        "group": group, "form": form, "label": _("不予采纳纳入主动公开的建议"),
        "applications": [m.application for m in group.members.select_related("application")]})


@never_cache
@login_required
def draft(request, pk):
    group = _group(request, pk)
    if not can_draft_from_proposal(request.user, group.agency):
        raise PermissionDenied
    applications = [m.application for m in group.members.select_related("application")]
    publications = [getattr(a, "publication", None) for a in applications]
    first = next((p for p in publications if p is not None), None)
    # The log's question ("申请公开X") names the information; the document is called X.
    title = first.question.removeprefix("申请公开") if first else applications[0].title
    initial = {"title": title, "body": first.reply if first else ""}
    files = selectors.proposal_files(group)
    form = f.ProposalDraftForm(request.POST or None, initial=initial, files=files)
    if request.method == "POST" and form.is_valid():
        try:
            document = services.proposal_draft(group=group, actor=request.user,
                                               **form.cleaned_data)
        except ValidationError as exc:
            _attach_errors(form, exc)
        else:
            messages.success(request, _("已起草主动公开信息，请提交审核。"))
            return redirect(document.get_staff_url())
    return render(request, "applications/proposal_act.html", {
        "group": group, "form": form, "label": _("转为主动公开"), "applications": applications})
