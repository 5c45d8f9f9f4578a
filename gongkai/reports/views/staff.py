"""Staff pages of the annual report: list and generate, the report page (tables with linked
numbers, findings, charts, differences, history), narrative editing, workflow acts, exports,
the records behind a number, and the roll-up of a supervised subtree.

Every view checks one predicate of `permissions`; every write goes through `annual_services`.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from gongkai.agencies.models import Agency, Role
from gongkai.agencies.permissions import agencies_with_role, require
from gongkai.reportformat import template
from gongkai.reportformat.render import CSS, render_docx, render_html, render_pdf
from gongkai.reportformat.validate import cell_name
from gongkai.worklog import selectors as worklog

from .. import annual_selectors as selectors
from .. import annual_services as services
from .. import charts, permissions
from ..compute import UnknownCell, cell_filter, compute_subtree, item_sources
from ..forms import CommentForm, GenerateForm, NarrativeForm, ReportFilterForm
from ..models import AnnualReport
from ..report_page import render_report
from ..workflow import ACTION_LABELS, actions_from

PAGE_SIZE = 30
CONTENT_TYPES = {
    "html": "text/html; charset=utf-8",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
}



def _report(slug: str, year: int) -> AnnualReport:
    return get_object_or_404(AnnualReport.objects.select_related("agency", "document"),
                             agency__slug=slug, year=year)


def report_css(request):
    """The report layout's CSS (`render.CSS`), served as a file: pages carry no <style>."""
    response = HttpResponse(CSS, content_type="text/css; charset=utf-8")
    response["Cache-Control"] = "public, max-age=3600"
    return response


@login_required
def staff_list(request):
    agencies = permissions.agencies_for_reports(request.user)
    require(agencies.exists())
    generatable = agencies_with_role(request.user, *permissions.EDIT_ROLES)
    generate = GenerateForm(agencies=generatable) if generatable.exists() else None
    form = ReportFilterForm(request.GET or None)
    reports = form.filter(permissions.reports_visible_to(request.user).select_related("agency"))
    page = Paginator(reports, PAGE_SIZE).get_page(request.GET.get("page"))
    supervised = Agency.objects.filter(
        pk__in=agencies_with_role(request.user, Role.SUPERVISOR).values("pk")
    ).filter(children__isnull=False).distinct()
    return render(request, "reports/annualreport_list.html", {
        "form": form, "generate": generate, "page_obj": page, "reports": page.object_list,
        "supervised": supervised[:50], "last_year": _last_year(),
    })


def _last_year() -> int:
    return timezone.localdate().year - 1


@login_required
@require_POST
def staff_generate(request):
    agencies = agencies_with_role(request.user, *permissions.EDIT_ROLES)
    require(agencies.exists())
    form = GenerateForm(request.POST, agencies=agencies)
    if not form.is_valid():
        messages.error(request, _("请选择机构和年度。"))
        return redirect("reports:staff_list")
    try:
        report = services.report_generate(agency=form.cleaned_data["agency"],
                                          year=form.cleaned_data["year"], actor=request.user)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect("reports:staff_list")
    return redirect("reports:staff_detail", slug=report.agency.slug, year=report.year)


def _cell_link(slug: str, year: int, scope: str = ""):
    def link(key: str) -> str:
        table, row, column = key.split("/", 2)
        url = reverse("reports:staff_cell", kwargs={"slug": slug, "year": year, "table": table,
                                                    "row": row, "column": column})
        return url + ("?scope=subtree" if scope else "")
    return link


def _charts(agency_ids, year, value) -> list[str]:
    return [mark_safe(svg) for svg in charts.report_charts_svg(agency_ids, year, value)]


def _work_log(report: AnnualReport) -> dict:
    """The work-log counts behind section 一, each linking to its records."""
    return {
        "work_counts": worklog.activity_counts(agency=report.agency, year=report.year),
        "work_sentence": worklog.overview_sentence(agency=report.agency, year=report.year),
    }


@login_required
def staff_detail(request, slug, year):
    report = _report(slug, year)
    require(permissions.can_view_report(request.user, report.agency))
    value = selectors.report_value(report)
    if report.status == AnnualReport.Status.DRAFT:
        findings = selectors.report_findings(report, value)
    else:
        findings = selectors.findings_from_json(report.findings)
    diffs = selectors.report_differences(report)
    actions = [
        {"code": a, "label": ACTION_LABELS[a], "needs_comment": a in ("return", "approve")}
        for a in actions_from(report.status) if permissions.can_take_action(request.user, report, a)
    ]
    return render(request, "reports/annualreport_detail.html", {
        "report": report, "value": value, "findings": findings,
        "errors": sum(1 for f in findings if f.is_error),
        "report_html": mark_safe(render_report(
            value, link=_cell_link(slug, year), changed={d.key for d in diffs})),
        "differences": diffs, "actions": actions, "comment_form": CommentForm(),
        "can_edit": report.is_editable and permissions.can_edit_report(request.user, report),
        "charts": _charts([report.agency_id], year, value),
        "comments": report.comments.select_related("author"),
        "can_rollup": report.agency.children.exists()
        and permissions.can_view_rollup(request.user, report.agency),
        **_work_log(report),
        "item_sources": item_source_rows([report.agency_id], year),
    })


SOURCE_LABELS = {
    "records": _("根据本平台登记的决定、收费记录计算"),
    "figures": _("取自填报的年度业务数据"),
    "mixed": _("部分机构根据登记的记录计算，其余取自填报的年度业务数据"),
    "none": _("无记录，也未填报（计为 0）"),
}


def item_source_rows(agency_ids: list[int], year: int) -> list[dict]:
    """第（五）（六）（八）项: the source of each number, in the format's order."""
    from gongkai.reports.models import FIGURE_CELLS, figure_label

    sources = item_sources(agency_ids, year)
    rows = []
    for name, cell in FIGURE_CELLS.items():
        source = sources[template.cell_key(*cell)]
        rows.append({"label": figure_label(name), "kind": source.kind,
                     "text": SOURCE_LABELS[source.kind], "records": source.records})
    return rows


@login_required
def staff_edit(request, slug, year):
    report = _report(slug, year)
    require(permissions.can_edit_report(request.user, report))
    if not report.is_editable:
        messages.error(request, _("只有草稿状态的报告可以修改。"))
        return redirect("reports:staff_detail", slug=slug, year=year)
    form = NarrativeForm(request.POST or None, instance=AnnualReport.objects.get(pk=report.pk))
    if request.method == "POST" and form.is_valid():
        try:
            services.report_update_narrative(report=report, actor=request.user, texts={
                code: form.cleaned_data[field] for code, field in AnnualReport.TEXT_FIELDS.items()
            })
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("文字部分已保存。"))
            return redirect("reports:staff_detail", slug=slug, year=year)
    return render(request, "reports/annualreport_form.html",
                  {"report": report, "form": form, **_work_log(report)})


_ACTS = {
    "submit": lambda report, user, comment: services.report_submit(report=report, actor=user),
    "return": lambda report, user, comment: services.report_return(report=report, actor=user,
                                                                    comment=comment),
    "approve": lambda report, user, comment: services.report_approve(report=report, actor=user,
                                                                      comment=comment),
    "publish": lambda report, user, comment: services.report_publish(report=report, actor=user),
}


@login_required
@require_POST
def staff_act(request, slug, year, action):
    report = _report(slug, year)
    if action not in _ACTS:
        raise Http404
    require(permissions.can_take_action(request.user, report, action))
    form = CommentForm(request.POST)
    comment = form.cleaned_data["comment"] if form.is_valid() else ""
    try:
        _ACTS[action](report, request.user, comment)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    except PermissionDenied:
        raise
    else:
        messages.success(request, _("已%(action)s。") % {"action": ACTION_LABELS[action]})
    return redirect("reports:staff_detail", slug=slug, year=year)


def _export_response(value, fmt: str, filename: str) -> HttpResponse:
    if fmt == "html":
        body: str | bytes = render_html(value)
    elif fmt == "docx":
        body = render_docx(value)
    elif fmt == "pdf":
        body = render_pdf(value)
    else:
        raise Http404
    response = HttpResponse(body, content_type=CONTENT_TYPES[fmt])
    response["Content-Disposition"] = f'attachment; filename="{filename}.{fmt}"'
    return response


@login_required
def staff_export(request, slug, year, fmt):
    """The report as shown on its page (the snapshot once 报送) in HTML, Word or PDF."""
    report = _report(slug, year)
    require(permissions.can_view_report(request.user, report.agency))
    return _export_response(selectors.report_value(report), fmt, f"{slug}-{year}")


@login_required
def staff_rollup(request, slug, year):
    """The sum of the reports of an agency and everything below it (read-only, 监督员)."""
    agency = get_object_or_404(Agency, slug=slug)
    require(permissions.can_view_rollup(request.user, agency))
    if not (template.FORMAT_FIRST_YEAR - 2 <= year <= _last_year()):
        raise Http404
    value = compute_subtree(agency, year)
    ids = list(Agency.objects.subtree_of(agency).values_list("pk", flat=True))
    members = (AnnualReport.objects.filter(agency_id__in=ids, year=year)
               .select_related("agency").order_by("agency__path"))
    return render(request, "reports/annualreport_rollup.html", {
        "agency": agency, "year": year, "value": value,
        "report_html": mark_safe(render_report(value, link=_cell_link(slug, year, "subtree"))),
        "charts": _charts(ids, year, value), "members": members, "agency_count": len(ids),
        "years": list(range(_last_year(), template.FORMAT_FIRST_YEAR - 3, -1)),
    })


@login_required
def staff_rollup_export(request, slug, year, fmt):
    agency = get_object_or_404(Agency, slug=slug)
    require(permissions.can_view_rollup(request.user, agency))
    return _export_response(compute_subtree(agency, year), fmt, f"{slug}-{year}-rollup")


@login_required
def staff_cell(request, slug, year, table, row, column):
    """The records counted in one number: documents, yearly figures, requests or cases.

    Requests show the applicant's name masked; a request or case links to its own page only
    for those who may open it there.
    """
    agency = get_object_or_404(Agency, slug=slug)
    subtree = request.GET.get("scope") == "subtree"
    if subtree:
        require(permissions.can_view_rollup(request.user, agency))
        ids = list(Agency.objects.subtree_of(agency).values_list("pk", flat=True))
    else:
        require(permissions.can_view_report(request.user, agency))
        ids = [agency.pk]
    try:
        records = cell_filter(ids, year, table, row, column)
    except UnknownCell as exc:
        raise Http404 from exc
    tbl = template.TABLES_BY_CODE[table]
    records = records.select_related("agency").order_by("pk")
    page = Paginator(records, PAGE_SIZE).get_page(request.GET.get("page"))
    kind = _record_kind(table, records.model._meta.label)
    rows = _record_rows(request.user, kind, page.object_list)
    return render(request, "reports/annualreport_cell.html", {
        "agency": agency, "year": year, "subtree": subtree, "cell_name": cell_name(tbl, row, column),
        "kind": kind, "rows": rows, "page_obj": page, "total": page.paginator.count,
    })


def _record_kind(table: str, model: str = "") -> str:
    if model in ("powers.Decision", "powers.FeeRecord"):
        return "decisions" if model == "powers.Decision" else "fees"
    if table == template.ITEM_1.code:
        return "documents"
    if table == template.TABLE3.code:
        return "applications"
    if table == template.TABLE4.code:
        return "appeals"
    return "figures"


def _record_rows(user, kind: str, records) -> list[dict]:
    from gongkai.privacy.masking import mask_name

    rows = []
    if kind == "decisions":
        return [{"ref": d.document_no, "agency": d.agency.name, "url": d.get_staff_url(),
                 "kind": d.get_kind_display(), "party": d.public_party_name,
                 "decided_on": d.decided_on} for d in records]
    if kind == "fees":
        return [{"ref": f.name, "agency": f.agency.name, "url": f.get_staff_url(),
                 "year": f.year, "amount": f.amount} for f in records]
    if kind == "applications":
        from gongkai.applications.permissions import can_view_application

        for app in records:
            rows.append({
                "ref": app.reference, "agency": app.agency.name,
                "url": app.get_absolute_url() if can_view_application(user, app) else "",
                "applicant": mask_name(app.applicant_name),
                "type": app.get_applicant_type_display(), "received_on": app.received_on,
                "closed_on": app.closed_on, "outcome": app.get_outcome_display(),
                "status": app.get_status_display(),
            })
    elif kind == "appeals":
        from gongkai.appeals.permissions import can_view_appeal

        for case in records:
            rows.append({
                "ref": str(case), "agency": case.agency.name,
                "url": case.get_absolute_url() if can_view_appeal(user, case) else "",
                "kind": case.get_kind_display(), "filed_on": case.filed_on,
                "closed_on": case.closed_on,
                "result": case.get_result_display() if case.result else "",
            })
    elif kind == "documents":
        for doc in records:
            rows.append({"ref": doc.index_no, "title": doc.title, "agency": doc.agency.name,
                         "url": doc.get_absolute_url(), "kind": doc.get_kind_display(),
                         "written_on": doc.written_on, "validity": doc.get_validity_display(),
                         "changed_on": doc.validity_changed_on})
    else:
        for fig in records:
            rows.append({"agency": fig.agency.name, "year": fig.year,
                         "url": reverse("reports:figures_edit", args=[fig.agency.slug, fig.year]),
                         "values": [(str(fig._meta.get_field(n).verbose_name), v)
                                    for n, v in fig.values().items()],
                         "source": fig.get_source_display()})
    return rows
