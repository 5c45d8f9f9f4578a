"""Staff pages of the work log: list (an agency's own; supervisors their subtree), record, view,
edit, delete, and the materials of a record. Permission checks are in `permissions`."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import FileResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from gongkai.agencies.permissions import agencies_with_role, require
from gongkai.audit.models import AuditEntry

from . import services
from .forms import ActivityFilterForm, ActivityForm, MaterialForm
from .models import WorkMaterial
from .permissions import (
    READ_ROLES,
    activities_visible_to,
    agencies_for_recording,
    can_edit_activity,
    can_view_activity,
)

PAGE_SIZE = 20


def _run(form, write):
    """Run the service; its validation errors go back onto the form."""
    try:
        return write()
    except ValidationError as exc:
        form.add_error(None, exc)
        return None


@login_required
def activity_list(request):
    agencies = agencies_with_role(request.user, *READ_ROLES)
    require(agencies.exists())
    form = ActivityFilterForm(request.GET or None, agencies=agencies)
    activities = activities_visible_to(request.user).select_related("agency")
    if request.GET:
        activities = form.filter(activities)
    page = Paginator(activities, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "worklog/activity_list.html", {
        "form": form, "page_obj": page, "activities": page.object_list,
        "can_record": agencies_for_recording(request.user).exists(),
    })


@login_required
def activity_create(request):
    agencies = agencies_for_recording(request.user)
    require(agencies.exists())
    form = ActivityForm(request.POST or None, agencies=agencies)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        agency = data.pop("agency")
        activity = _run(form, lambda: services.activity_create(
            actor=request.user, agency=agency, data=data))
        if activity is not None:
            messages.success(request, _("工作记录已登记，可以继续上传材料。"))
            return redirect(activity)
    return render(request, "worklog/activity_form.html", {"form": form, "activity": None})


def _visible(request, pk):
    activity = get_object_or_404(activities_visible_to(request.user).select_related("agency"),
                                 pk=pk)
    require(can_view_activity(request.user, activity))
    return activity


@login_required
def activity_detail(request, pk):
    activity = _visible(request, pk)
    return render(request, "worklog/activity_detail.html", {
        "activity": activity, "can_edit": can_edit_activity(request.user, activity),
        "materials": activity.materials.all(), "material_form": MaterialForm(),
        "history": AuditEntry.objects.for_target(activity).order_by("-created_at")[:20],
    })


@login_required
def activity_edit(request, pk):
    activity = _visible(request, pk)
    require(can_edit_activity(request.user, activity))
    form = ActivityForm(request.POST or None, instance=activity)
    if request.method == "POST" and form.is_valid():
        data = {f: form.cleaned_data[f] for f in services.FIELDS if f in form.cleaned_data}
        saved = _run(form, lambda: services.activity_update(
            actor=request.user, activity=activity, data=data))
        if saved is not None:
            messages.success(request, _("工作记录已保存。"))
            return redirect(saved)
    return render(request, "worklog/activity_form.html", {"form": form, "activity": activity})


@login_required
@require_POST
def activity_delete(request, pk):
    activity = _visible(request, pk)
    require(can_edit_activity(request.user, activity))
    services.activity_delete(actor=request.user, activity=activity)
    messages.success(request, _("工作记录已删除。"))
    return redirect("worklog:list")


@login_required
@require_POST
def material_upload(request, pk):
    activity = _visible(request, pk)
    require(can_edit_activity(request.user, activity))
    form = MaterialForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            services.material_add(actor=request.user, activity=activity,
                                  upload=form.cleaned_data["file"])
        except ValidationError as exc:
            for message in exc.messages:
                messages.error(request, message)
        else:
            messages.success(request, _("材料已上传。"))
    else:
        messages.error(request, _("请选择要上传的文件。"))
    return redirect(activity)


def _visible_material(request, pk) -> WorkMaterial:
    """To anyone who may not read its record, a material does not exist."""
    visible = WorkMaterial.objects.filter(activity__in=activities_visible_to(request.user))
    return get_object_or_404(visible.select_related("activity"), pk=pk)


@never_cache
@login_required
def material_download(request, pk):
    material = _visible_material(request, pk)
    return FileResponse(material.file.open("rb"), as_attachment=True,
                        filename=material.original_name, content_type=material.content_type)


@login_required
@require_POST
def material_delete(request, pk):
    material = _visible_material(request, pk)
    require(can_edit_activity(request.user, material.activity))
    activity = material.activity
    services.material_remove(actor=request.user, material=material)
    messages.success(request, _("材料已删除。"))
    return redirect(activity)
