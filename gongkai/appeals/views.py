"""Staff pages for appeal cases: list (handlers: their agency; supervisors: their subtree),
register, view, edit and record the result. Permission checks are in `permissions`."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from gongkai.agencies.permissions import agencies_with_role, require
from gongkai.audit.models import AuditEntry

from . import services
from .forms import AppealCaseForm, AppealFilterForm, AppealResultForm
from .permissions import (
    READ_ROLES,
    agencies_for_registering,
    appeals_visible_to,
    can_edit_appeal,
    can_view_appeal,
)

PAGE_SIZE = 20


@login_required
def appeal_list(request):
    agencies = agencies_with_role(request.user, *READ_ROLES)
    require(agencies.exists())
    form = AppealFilterForm(request.GET or None, agencies=agencies)
    cases = form.filter(appeals_visible_to(request.user).select_related("agency", "application"))
    page = Paginator(cases, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "appeals/appealcase_list.html", {
        "form": form, "page_obj": page, "cases": page.object_list,
        "can_register": agencies_for_registering(request.user).exists(),
    })


def _save_or_show_errors(form, save):
    """Run the service; its validation errors go back onto the form."""
    try:
        return save()
    except ValidationError as exc:
        form.add_error(None, exc)
        return None


@login_required
def appeal_create(request):
    agencies = agencies_for_registering(request.user)
    require(agencies.exists())
    initial = {}
    if request.GET.get("application"):
        initial["application"] = request.GET["application"]
    form = AppealCaseForm(request.POST or None, agencies=agencies, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        agency = data.pop("agency")
        case = _save_or_show_errors(
            form, lambda: services.appeal_create(actor=request.user, agency=agency, data=data)
        )
        if case is not None:
            messages.success(request, _("案件已登记。"))
            return redirect(case)
    return render(request, "appeals/appealcase_form.html", {"form": form, "case": None})


@login_required
def appeal_detail(request, pk):
    case = get_object_or_404(appeals_visible_to(request.user).select_related("agency", "application"), pk=pk)
    require(can_view_appeal(request.user, case))
    return render(request, "appeals/appealcase_detail.html", {
        "case": case, "can_edit": can_edit_appeal(request.user, case),
        "history": AuditEntry.objects.for_target(case).order_by("-created_at")[:20],
    })


@login_required
def appeal_edit(request, pk):
    case = get_object_or_404(appeals_visible_to(request.user), pk=pk)
    require(can_edit_appeal(request.user, case))
    form = AppealCaseForm(request.POST or None, instance=case)
    if request.method == "POST" and form.is_valid():
        data = {f: form.cleaned_data[f] for f in services.CASE_FIELDS if f in form.cleaned_data}
        saved = _save_or_show_errors(
            form, lambda: services.appeal_update(actor=request.user, case=case, data=data)
        )
        if saved is not None:
            messages.success(request, _("案件已保存。"))
            return redirect(saved)
    return render(request, "appeals/appealcase_form.html", {"form": form, "case": case})


@login_required
def appeal_result(request, pk):
    case = get_object_or_404(appeals_visible_to(request.user).select_related("agency"), pk=pk)
    require(can_edit_appeal(request.user, case))
    form = AppealResultForm(request.POST or None, instance=case)
    if request.method == "POST" and form.is_valid():
        saved = _save_or_show_errors(form, lambda: services.appeal_record_result(
            actor=request.user, case=case, result=form.cleaned_data["result"],
            closed_on=form.cleaned_data["closed_on"], notes=form.cleaned_data["notes"],
        ))
        if saved is not None:
            messages.success(request, _("案件结果已登记。"))
            return redirect(saved)
    return render(request, "appeals/appealcase_result.html", {"form": form, "case": case})
