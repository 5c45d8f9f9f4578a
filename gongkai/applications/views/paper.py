"""The request on paper, for anyone: the blank application form (DOCX, PDF) and the flow chart."""

from __future__ import annotations

from django.http import Http404, HttpResponse
from django.utils.encoding import escape_uri_path
from django.views.decorators.cache import cache_control

from gongkai.agencies.models import Agency

from ..paper import flowchart_svg, paper_form, paper_form_docx, paper_form_pdf

FORMATS = {
    "docx": (paper_form_docx, "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    "pdf": (paper_form_pdf, "application/pdf"),
}


@cache_control(public=True, max_age=3600)
def form(request, fmt: str) -> HttpResponse:
    """政府信息公开申请表, addressed to the agency of `?agency=<slug>` when there is one."""
    if fmt not in FORMATS:
        raise Http404
    render, content_type = FORMATS[fmt]
    slug = request.GET.get("agency", "")
    agency = Agency.objects.active().filter(slug=slug).first() if slug else None
    response = HttpResponse(render(paper_form(agency)), content_type=content_type)
    name = f"政府信息公开申请表.{fmt}"
    response["Content-Disposition"] = f"attachment; filename*=UTF-8''{escape_uri_path(name)}"
    return response


@cache_control(public=True, max_age=3600)
def flowchart(request) -> HttpResponse:
    """办理流程图 as SVG (shown on the guide and apply pages, printable on its own)."""
    return HttpResponse(flowchart_svg(), content_type="image/svg+xml; charset=utf-8")
