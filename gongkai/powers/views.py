"""权责清单 pages: the public list (per agency, or a county with its departments), an item with
its process chart and history, exports; and the staff pages to keep the list."""

from __future__ import annotations

import json

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from gongkai.agencies.permissions import agencies_with_role, require
from gongkai.audit.models import AuditEntry

from . import services, tables
from .forms import ChartForm, DecisionFields, ImportForm, ItemForm, PublicFilterForm
from .models import PowerItem, PowerStatus
from .permissions import READ_ROLES, agencies_for_keeping, can_keep_powers, powers_visible_to

PAGE_SIZE = 30
EXPORT_MAX = 20000


def _public_items(request):
    form = PublicFilterForm(request.GET or None)
    items = form.filter(PowerItem.objects.select_related("agency"))
    return form, items


# ---- public


def public_list(request):
    form, items = _public_items(request)
    page = Paginator(items, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.urlencode()
    return render(request, "powers/public_list.html", {
        "form": form, "page_obj": page, "items": page.object_list,
        "export_query": ("?" + query) if query else "",
    })


def public_detail(request, pk):
    item = get_object_or_404(PowerItem.objects.select_related("agency"), pk=pk)
    return render(request, "powers/public_detail.html", {
        "item": item, "changes": item.changes.all()})


def chart(request, pk):
    item = get_object_or_404(PowerItem, pk=pk)
    if not item.chart:
        raise Http404
    return FileResponse(item.chart.open("rb"), filename=item.chart_name,
                        content_type=item.chart_content_type)


def export(request, fmt):
    _form, items = _public_items(request)
    items = list(items.prefetch_related("changes")[:EXPORT_MAX])
    if fmt == "xlsx":
        response = HttpResponse(
            tables.export_xlsx(items),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        response["Content-Disposition"] = "attachment; filename*=UTF-8''%E6%9D%83%E8%B4%A3%E6%B8%85%E5%8D%95.xlsx"
        return response
    if fmt == "json":
        body = json.dumps({"items": [tables.item_json(i) for i in items]}, ensure_ascii=False,
                          indent=1)
        return HttpResponse(body, content_type="application/json; charset=utf-8")
    raise Http404


# ---- staff


@login_required
def staff_list(request):
    agencies = agencies_with_role(request.user, *READ_ROLES)
    require(agencies.exists())
    items = powers_visible_to(request.user).select_related("agency")
    status = request.GET.get("status") or PowerStatus.ACTIVE
    items = items.filter(status=status if status in PowerStatus.values else PowerStatus.ACTIVE)
    page = Paginator(items, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "powers/staff_list.html", {
        "page_obj": page, "items": page.object_list, "status": status,
        "can_keep": agencies_for_keeping(request.user).exists(),
    })


def _run(form, write):
    try:
        return write()
    except ValidationError as exc:
        form.add_error(None, exc)
        return None


@login_required
def staff_create(request):
    agencies = agencies_for_keeping(request.user)
    require(agencies.exists())
    form = ItemForm(request.POST or None, agencies=agencies)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        agency, decision, decided_on = data.pop("agency"), data.pop("decision"), data.pop("decided_on")
        item = _run(form, lambda: services.item_create(actor=request.user, agency=agency, data=data,
                                                       decision=decision, decided_on=decided_on))
        if item is not None:
            messages.success(request, _("事项已新增。"))
            return redirect(item.get_staff_url())
    return render(request, "powers/staff_form.html", {"form": form, "item": None})


def _visible(request, pk) -> PowerItem:
    return get_object_or_404(powers_visible_to(request.user).select_related("agency"), pk=pk)


@login_required
def staff_detail(request, pk):
    item = _visible(request, pk)
    return render(request, "powers/staff_detail.html", {
        "item": item, "may_edit": can_keep_powers(request.user, item.agency_id),
        "changes": item.changes.select_related("actor"), "chart_form": ChartForm(),
        "abolish_form": DecisionFields(),
        "history": AuditEntry.objects.for_target(item).order_by("-created_at")[:20],
    })


@login_required
def staff_adjust(request, pk):
    item = _visible(request, pk)
    require(can_keep_powers(request.user, item.agency_id))
    form = ItemForm(request.POST or None, instance=PowerItem.objects.get(pk=item.pk))
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        decision, decided_on = data.pop("decision"), data.pop("decided_on")
        saved = _run(form, lambda: services.item_adjust(actor=request.user, item=item, data=data,
                                                        decision=decision, decided_on=decided_on))
        if saved is not None:
            messages.success(request, _("事项已调整。"))
            return redirect(saved.get_staff_url())
    return render(request, "powers/staff_form.html", {"form": form, "item": item})


@login_required
@require_POST
def staff_abolish(request, pk):
    item = _visible(request, pk)
    require(can_keep_powers(request.user, item.agency_id))
    form = DecisionFields(request.POST)
    if form.is_valid():
        try:
            services.item_abolish(actor=request.user, item=item, **form.cleaned_data)
        except ValidationError as exc:
            messages.error(request, "；".join(exc.messages))
        else:
            messages.success(request, _("事项已取消。"))
    else:
        messages.error(request, _("请填写调整依据和决定日期。"))
    return redirect(item.get_staff_url())


@login_required
@require_POST
def staff_chart(request, pk):
    item = _visible(request, pk)
    require(can_keep_powers(request.user, item.agency_id))
    form = ChartForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            services.chart_set(actor=request.user, item=item, upload=form.cleaned_data["file"])
        except ValidationError as exc:
            messages.error(request, "；".join(exc.messages))
        else:
            messages.success(request, _("流程图已上传。"))
    else:
        messages.error(request, _("请选择流程图文件。"))
    return redirect(item.get_staff_url())


@login_required
def staff_import(request):
    agencies = agencies_for_keeping(request.user)
    require(agencies.exists())
    form = ImportForm(request.POST or None, request.FILES or None, agencies=agencies)
    result = None
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        result = services.items_import(
            actor=request.user, agency=form.cleaned_data["agency"], filename=upload.name,
            content=upload.read(services.IMPORT_MAX_BYTES + 1),
            decision=form.cleaned_data["decision"], decided_on=form.cleaned_data["decided_on"])
        if result.ok:
            messages.success(request, _("导入完成：新增 %(c)s 项，调整 %(a)s 项，未变 %(u)s 项。") % {
                "c": result.created, "a": result.adjusted, "u": result.unchanged})
            return redirect("powers:staff_list")
    return render(request, "powers/staff_import.html", {"form": form, "result": result})
