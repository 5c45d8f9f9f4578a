"""双公示 pages: the public lists (decisions with the party masked as the rules require; fee
items), and the staff pages to enter, correct, publish and import records and set the deadline."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from gongkai.agencies.models import Agency
from gongkai.agencies.permissions import agencies_with_role, require
from gongkai.audit.models import AuditEntry

from ..models import Decision, DecisionKind, FeeRecord
from ..permissions import (
    READ_ROLES,
    agencies_for_keeping,
    can_keep_decisions,
    can_set_publication_deadline,
    decisions_visible_to,
    fees_visible_to,
)
from . import services, tables
from .forms import (
    DecisionForm,
    FeeForm,
    PublicationSettingForm,
    PublicDecisionFilter,
    RecordsImportForm,
)

PAGE_SIZE = 30
STATES = {"unpublished": _("待公示"), "overdue": _("超期未公示"), "published": _("已公示")}
IMPORTS = ("decisions", "fees")


def _page(request, records):
    return Paginator(records, PAGE_SIZE).get_page(request.GET.get("page"))


# ---- public


def public_decisions(request):
    """Published decisions only; a natural person's name masked, the number never shown."""
    form = PublicDecisionFilter(request.GET or None)
    records = form.filter(Decision.objects.published().select_related("agency", "item"))
    page = _page(request, records)
    return render(request, "powers/decision_public_list.html", {
        "form": form, "page_obj": page, "decisions": page.object_list})


def public_fees(request):
    form = PublicDecisionFilter(request.GET or None)
    records = form.filter(FeeRecord.objects.select_related("agency", "item"), with_kind=False)
    page = _page(request, records)
    return render(request, "powers/fee_public_list.html", {
        "form": form, "page_obj": page, "fees": page.object_list})


# ---- staff


def _require_reader(request):
    require(agencies_with_role(request.user, *READ_ROLES).exists())


@login_required
def decision_list(request):
    _require_reader(request)
    today = timezone.localdate()
    records = decisions_visible_to(request.user).select_related("agency", "item")
    state = request.GET.get("state", "")
    if state == "unpublished":
        records = records.unpublished()
    elif state == "overdue":
        records = records.overdue(today)
    elif state == "published":
        records = records.published()
    kind = request.GET.get("kind", "")
    if kind in DecisionKind.values:
        records = records.filter(kind=kind)
    page = _page(request, records)
    keeping = agencies_for_keeping(request.user)
    return render(request, "powers/decision_list.html", {
        "page_obj": page, "decisions": page.object_list, "today": today, "state": state,
        "kind": kind, "states": STATES, "kinds": DecisionKind.choices,
        "overdue_count": decisions_visible_to(request.user).overdue(today).count(),
        "can_keep": keeping.exists(),
        "deadline_agencies": [a for a in agencies_with_role(request.user, *READ_ROLES)
                              if can_set_publication_deadline(request.user, a)]})


def _save(form, write):
    try:
        return write()
    except ValidationError as exc:
        if hasattr(exc, "error_dict"):
            _field_errors(form, exc)
        else:
            form.add_error(None, exc)
        return None


def _field_errors(form, exc: ValidationError) -> None:
    for name, errors in exc.error_dict.items():
        form.add_error(name if name in form.fields else None, errors)


@login_required
def decision_create(request):
    agencies = agencies_for_keeping(request.user)
    require(agencies.exists())
    form = DecisionForm(request.POST or None, agencies=agencies)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        publish = data.pop("publish")
        item = data["item"]
        decision = _save(form, lambda: services.decision_create(
            actor=request.user, agency=item.agency, data=data, publish=publish))
        if decision is not None:
            messages.success(request, _("决定已登记。") if not publish else _("决定已登记并公示。"))
            return redirect(decision.get_staff_url())
    return render(request, "powers/decision_form.html", {"form": form, "decision": None})


def _visible(request, pk) -> Decision:
    return get_object_or_404(decisions_visible_to(request.user).select_related("agency", "item"),
                             pk=pk)


@login_required
def decision_detail(request, pk):
    decision = _visible(request, pk)
    return render(request, "powers/decision_detail.html", {
        "decision": decision, "today": timezone.localdate(),
        "may_edit": can_keep_decisions(request.user, decision.agency_id),
        "history": AuditEntry.objects.for_target(decision).order_by("-created_at")[:20]})


@login_required
def decision_edit(request, pk):
    decision = _visible(request, pk)
    require(can_keep_decisions(request.user, decision.agency_id))
    form = DecisionForm(request.POST or None, instance=Decision.objects.get(pk=decision.pk),
                        agencies=Agency.objects.filter(pk=decision.agency_id))
    if request.method == "POST" and form.is_valid():
        saved = _save(form, lambda: services.decision_update(
            actor=request.user, decision=decision, data=dict(form.cleaned_data)))
        if saved is not None:
            messages.success(request, _("决定已更正。"))
            return redirect(saved.get_staff_url())
    return render(request, "powers/decision_form.html", {"form": form, "decision": decision})


@login_required
@require_POST
def decision_publish(request, pk):
    decision = _visible(request, pk)
    require(can_keep_decisions(request.user, decision.agency_id))
    try:
        services.decision_publish(actor=request.user, decision=decision)
    except ValidationError as exc:
        messages.error(request, "；".join(exc.messages))
    else:
        messages.success(request, _("决定已公示。"))
    return redirect(decision.get_staff_url())


@login_required
def fee_list(request):
    _require_reader(request)
    records = fees_visible_to(request.user).select_related("agency", "item")
    year = request.GET.get("year", "")
    if year.isdigit():
        records = records.filter(year=int(year))
    page = _page(request, records)
    return render(request, "powers/fee_list.html", {
        "page_obj": page, "fees": page.object_list, "year": year,
        "can_keep": agencies_for_keeping(request.user).exists()})


@login_required
def fee_form(request, pk=None):
    if pk is None:
        agencies = agencies_for_keeping(request.user)
        require(agencies.exists())
        fee = None
    else:
        fee = get_object_or_404(fees_visible_to(request.user), pk=pk)
        require(can_keep_decisions(request.user, fee.agency_id))
        agencies = Agency.objects.filter(pk=fee.agency_id)
    form = FeeForm(request.POST or None, instance=fee, agencies=agencies)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        saved = _save(form, lambda: services.fee_update(actor=request.user, fee=fee, data=data)
                      if fee else services.fee_create(actor=request.user,
                                                      agency=data["item"].agency, data=data))
        if saved is not None:
            messages.success(request, _("收费情况已保存。"))
            return redirect("powers:fee_list")
    return render(request, "powers/fee_form.html", {"form": form, "fee": fee})


@login_required
def records_import(request, what):
    if what not in IMPORTS:
        raise Http404
    agencies = agencies_for_keeping(request.user)
    require(agencies.exists())
    form = RecordsImportForm(request.POST or None, request.FILES or None, agencies=agencies,
                             what=what)
    result = None
    if request.method == "POST" and form.is_valid():
        upload, agency = form.cleaned_data["file"], form.cleaned_data["agency"]
        content = upload.read(services.IMPORT_MAX_BYTES + 1)
        if what == "decisions":
            result = services.decisions_import(actor=request.user, agency=agency,
                                               filename=upload.name, content=content,
                                               publish=form.cleaned_data["publish"])
        else:
            result = services.fees_import(actor=request.user, agency=agency,
                                          filename=upload.name, content=content)
        if result.ok:
            messages.success(request, _("导入完成：新增 %(n)s 条。") % {"n": result.created})
            return redirect("powers:decision_list" if what == "decisions" else "powers:fee_list")
    return render(request, "powers/records_import.html", {"form": form, "result": result,
                                                          "what": what})


@login_required
def import_template(request, what):
    if what not in IMPORTS:
        raise Http404
    require(agencies_for_keeping(request.user).exists())
    response = HttpResponse(
        tables.template_xlsx(what),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    response["Content-Disposition"] = f'attachment; filename="{what}-template.xlsx"'
    return response


@login_required
def publication_setting(request, slug):
    agency = get_object_or_404(Agency, slug=slug)
    require(can_set_publication_deadline(request.user, agency))
    form = PublicationSettingForm(request.POST or None,
                                  initial={"workdays": services.publication_workdays(agency)})
    if request.method == "POST" and form.is_valid():
        services.publication_deadline_set(actor=request.user, agency=agency,
                                          workdays=form.cleaned_data["workdays"])
        messages.success(request, _("双公示期限已设置。"))
        return redirect("powers:decision_list")
    return render(request, "powers/publication_setting.html", {"form": form, "agency": agency})
