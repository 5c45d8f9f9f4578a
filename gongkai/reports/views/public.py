"""Public pages of published annual reports: the list, and the open data (JSON per agency and
per county and year, following the JSON Schema at `reports:open_data_schema`).

Only published reports appear, with their frozen numbers (the snapshot), never a recomputation.
"""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse

from gongkai.agencies.models import Agency
from gongkai.reportformat import schema
from gongkai.reportformat.values import Report

from ..forms import PublicFilterForm
from ..models import AnnualReport

PAGE_SIZE = 30
JSON_OPTIONS = {"ensure_ascii": False, "indent": 2}


def published_reports():
    return (AnnualReport.objects.filter(status=AnnualReport.Status.PUBLISHED)
            .select_related("agency", "agency__parent", "document")
            .order_by("-year", "agency__path"))


def public_list(request):
    form = PublicFilterForm(request.GET or None)
    reports = form.filter(published_reports()).prefetch_related("document__attachments")
    page = Paginator(reports, PAGE_SIZE).get_page(request.GET.get("page"))
    counties = Agency.objects.filter(parent__isnull=True, is_active=True)
    years = sorted(set(published_reports().values_list("year", flat=True)), reverse=True)
    return render(request, "reports/annualreport_public_list.html", {
        "form": form, "page_obj": page, "reports": page.object_list,
        "counties": counties, "years": years,
    })


def _schema_url(request) -> str:
    return request.build_absolute_uri(reverse("reports:open_data_schema"))


def _agency_info(agency: Agency) -> dict:
    return {"name": agency.name, "slug": agency.slug, "code": agency.code,
            "parent": agency.parent.slug if agency.parent_id else None}


def report_open_data(report: AnnualReport, *, request=None, schema_url: str = "") -> dict:
    """One published report as an open-data document (its frozen numbers)."""
    document = report.document
    url = document.get_absolute_url() if document else ""
    if request is not None and url:
        url = request.build_absolute_uri(url)
    return schema.report_document(
        Report.from_dict(report.snapshot), agency=_agency_info(report.agency),
        published_on=document.published_on.isoformat() if document and document.published_on
        else (report.published_at.date().isoformat() if report.published_at else None),
        index_no=document.index_no if document else "", url=url, schema_url=schema_url,
    )


def _json(data, filename: str) -> JsonResponse:
    response = JsonResponse(data, json_dumps_params=JSON_OPTIONS)
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    response["Access-Control-Allow-Origin"] = "*"
    return response


def open_data_schema(request):
    return _json(schema.build_schema(_schema_url(request)), "schema.json")


def open_data_agency(request, slug, year):
    report = get_object_or_404(published_reports(), agency__slug=slug, year=year)
    return _json(report_open_data(report, request=request, schema_url=_schema_url(request)),
                 f"{slug}-{year}.json")


def open_data_county(request, slug, year):
    """All published reports of the county's subtree for `year` (may be an empty list)."""
    county = get_object_or_404(Agency, slug=slug)
    if county.parent_id is not None and not county.children.exists():
        raise Http404
    reports = published_reports().filter(agency__path__startswith=county.path, year=year)
    docs = [report_open_data(r, request=request) for r in reports]
    return _json(schema.collection_document(docs, county=_agency_info(county), year=year,
                                            schema_url=_schema_url(request)),
                 f"{slug}-{year}-all.json")
