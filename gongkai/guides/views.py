"""办事指南 pages: the public list with search and the guide with its materials; the staff
pages to write, publish and withdraw guides."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from gongkai.agencies.permissions import agencies_with_role, require

from . import services
from .forms import GuideForm, MaterialForm, PublicFilterForm
from .models import GuideMaterial, GuideStatus, ServiceGuide
from .permissions import READ_ROLES, agencies_for_keeping, can_keep_guides, guides_visible_to

PAGE_SIZE = 30


def public_list(request):
    form = PublicFilterForm(request.GET or None)
    guides = ServiceGuide.objects.published().select_related("agency", "power_item")
    if form.is_valid():
        if form.cleaned_data["agency"]:
            guides = guides.filter(agency__path__startswith=form.cleaned_data["agency"].path)
        words = form.cleaned_data["q"].split()
        for word in words:
            guides = guides.filter(Q(name__icontains=word) | Q(conditions__icontains=word))
    page = Paginator(guides, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "guides/public_list.html", {
        "form": form, "page_obj": page, "guides": page.object_list})


def public_detail(request, pk):
    guide = get_object_or_404(ServiceGuide.objects.published().select_related(
        "agency", "power_item"), pk=pk)
    return render(request, "guides/public_detail.html", {
        "guide": guide, "materials": guide.materials.all()})


def material_template(request, pk):
    material = get_object_or_404(GuideMaterial.objects.select_related("guide"), pk=pk)
    if not material.template or (material.guide.status != GuideStatus.PUBLISHED
                                 and not can_keep_guides(request.user, material.guide.agency_id)):
        raise Http404
    return FileResponse(material.template.open("rb"), as_attachment=True,
                        filename=material.template_name,
                        content_type=material.template_content_type)


@login_required
def staff_list(request):
    require(agencies_with_role(request.user, *READ_ROLES).exists())
    guides = guides_visible_to(request.user).select_related("agency")
    page = Paginator(guides, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "guides/staff_list.html", {
        "page_obj": page, "guides": page.object_list,
        "can_keep": agencies_for_keeping(request.user).exists()})


def _save(request, form, agency, guide):
    data = {f: form.cleaned_data[f] for f in services.FIELDS if f in form.cleaned_data}
    try:
        return services.guide_save(actor=request.user, agency=agency, data=data, guide=guide)
    except ValidationError as exc:
        form.add_error(None, exc)
        return None


@login_required
def staff_create(request):
    agencies = agencies_for_keeping(request.user)
    require(agencies.exists())
    form = GuideForm(request.POST or None, agencies=agencies)
    if request.method == "POST" and form.is_valid():
        guide = _save(request, form, form.cleaned_data["agency"], None)
        if guide is not None:
            messages.success(request, _("草稿已保存。请列出申请材料后发布。"))
            return redirect(guide.get_staff_url())
    return render(request, "guides/staff_form.html", {"form": form, "guide": None})


def _visible(request, pk) -> ServiceGuide:
    return get_object_or_404(guides_visible_to(request.user).select_related("agency"), pk=pk)


@login_required
def staff_detail(request, pk):
    guide = _visible(request, pk)
    return render(request, "guides/staff_detail.html", {
        "guide": guide, "materials": guide.materials.all(), "material_form": MaterialForm(),
        "may_edit": can_keep_guides(request.user, guide.agency_id)})


@login_required
def staff_edit(request, pk):
    guide = _visible(request, pk)
    require(can_keep_guides(request.user, guide.agency_id))
    form = GuideForm(request.POST or None, instance=ServiceGuide.objects.get(pk=guide.pk))
    if request.method == "POST" and form.is_valid():
        saved = _save(request, form, guide.agency, guide)
        if saved is not None:
            messages.success(request, _("已保存。"))
            return redirect(saved.get_staff_url())
    return render(request, "guides/staff_form.html", {"form": form, "guide": guide})


@login_required
@require_POST
def staff_status(request, pk, action):
    guide = _visible(request, pk)
    require(can_keep_guides(request.user, guide.agency_id) and action in ("publish", "withdraw"))
    write = services.guide_publish if action == "publish" else services.guide_withdraw
    try:
        write(actor=request.user, guide=guide)
    except ValidationError as exc:
        messages.error(request, "；".join(exc.messages))
    else:
        messages.success(request, _("已发布。") if action == "publish" else _("已停办。"))
    return redirect(guide.get_staff_url())


@login_required
@require_POST
def staff_material_add(request, pk):
    guide = _visible(request, pk)
    require(can_keep_guides(request.user, guide.agency_id))
    form = MaterialForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            services.material_add(actor=request.user, guide=guide, data=form.cleaned_data,
                                  upload=form.cleaned_data.get("upload"))
        except ValidationError as exc:
            messages.error(request, "；".join(exc.messages))
    else:
        messages.error(request, _("请填写材料名称。"))
    return redirect(guide.get_staff_url())


@login_required
@require_POST
def staff_material_remove(request, pk):
    visible = GuideMaterial.objects.filter(guide__in=guides_visible_to(request.user))
    material = get_object_or_404(visible.select_related("guide"), pk=pk)
    require(can_keep_guides(request.user, material.guide.agency_id))
    services.material_remove(actor=request.user, material=material)
    return redirect(material.guide.get_staff_url())
