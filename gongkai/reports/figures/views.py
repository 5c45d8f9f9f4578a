"""Staff pages for yearly figures: list, enter one agency-year, import a file, the template."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from gongkai.agencies.models import Agency
from gongkai.agencies.permissions import agencies_with_role, require

from ..models import FIGURE_FIELDS, FIRST_YEAR, LAST_YEAR, YearlyFigures
from . import services
from .forms import FiguresChooseForm, FiguresFilterForm, FiguresForm, FiguresImportForm
from .parse import MAX_BYTES, TEMPLATE_HEADER, template_csv
from .permissions import (
    READ_ROLES,
    agencies_for_figures,
    can_edit_figures,
    can_view_figures,
    figures_visible_to,
)

PAGE_SIZE = 30


@login_required
def figures_list(request):
    agencies = agencies_with_role(request.user, *READ_ROLES)
    require(agencies.exists())
    editable = agencies_for_figures(request.user)
    if request.GET.get("agency") and request.GET.get("year") and "go" in request.GET:
        choose = FiguresChooseForm(request.GET, agencies=editable)
        if choose.is_valid():
            return redirect("reports:figures_edit", slug=choose.cleaned_data["agency"].slug,
                            year=choose.cleaned_data["year"])
    else:
        choose = FiguresChooseForm(agencies=editable)
    form = FiguresFilterForm(request.GET or None, agencies=agencies)
    records = form.filter(figures_visible_to(request.user).select_related("agency", "updated_by"))
    page = Paginator(records, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "reports/yearlyfigures_list.html", {
        "form": form, "choose": choose if editable.exists() else None, "page_obj": page,
        "records": page.object_list, "can_import": editable.exists(),
    })


@login_required
def figures_edit(request, slug, year):
    agency = get_object_or_404(Agency, slug=slug)
    require(can_view_figures(request.user, agency))
    require(FIRST_YEAR <= year <= LAST_YEAR)
    can_edit = can_edit_figures(request.user, agency)
    instance = YearlyFigures.objects.filter(agency=agency, year=year).first()
    form = FiguresForm(request.POST or None, instance=instance or YearlyFigures(agency=agency, year=year))
    if request.method == "POST":
        require(can_edit)
        if form.is_valid():
            try:
                services.figures_save(
                    actor=request.user, agency=agency, year=year,
                    values={f: form.cleaned_data[f] for f in FIGURE_FIELDS},
                    note=form.cleaned_data["note"],
                )
            except ValidationError as exc:
                form.add_error(None, exc)
            else:
                messages.success(request, _("年度业务数据已保存。"))
                return redirect("reports:figures_list")
    if not can_edit:
        for field in form.fields.values():
            field.disabled = True
    return render(request, "reports/yearlyfigures_form.html", {
        "form": form, "agency": agency, "year": year, "record": instance, "can_edit": can_edit,
    })


@login_required
def figures_import(request):
    require(agencies_for_figures(request.user).exists())
    form = FiguresImportForm(request.POST or None, request.FILES or None)
    result = None
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        result = services.figures_import(
            actor=request.user, filename=upload.name, content=upload.read(MAX_BYTES + 1)
        )
        if result.ok:
            messages.success(request, ngettext(
                "已导入 %(n)d 条年度业务数据。", "已导入 %(n)d 条年度业务数据。", len(result.saved)
            ) % {"n": len(result.saved)})
            return redirect("reports:figures_list")
    return render(request, "reports/yearlyfigures_import.html", {
        "form": form, "result": result, "header": TEMPLATE_HEADER,
    })


@login_required
def figures_template(request):
    require(agencies_for_figures(request.user).exists())
    response = HttpResponse(template_csv(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="yearly-figures-template.csv"'
    return response
