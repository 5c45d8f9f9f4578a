"""Public statistics of 依申请公开 per agency and year (page and CSV), from the annual report's
numbers (`gongkai.reports.statistics`)."""

from __future__ import annotations

import csv

from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.safestring import mark_safe

from gongkai.agencies.models import Agency
from gongkai.reportformat.render.html import render_table_html
from gongkai.spreadsheet import safe_row

from . import charts
from .statistics import agency_statistics, statistics_csv_rows, statistics_years


def _agency_and_year(slug: str, year_text: str | None, today):
    agency = get_object_or_404(Agency.objects.active(), slug=slug)
    years = statistics_years(today)
    default = today.year - 1 if today.year - 1 in years else years[0]
    year = int(year_text) if year_text and year_text.isdigit() else default
    if year not in years:
        raise Http404
    return agency, year, years


def statistics(request, slug):
    today = timezone.localdate()
    agency, year, years = _agency_and_year(slug, request.GET.get("year"), today)
    stats = agency_statistics(agency, year, today=today)
    return render(request, "reports/agency_statistics.html", {
        "agency": agency, "stats": stats, "years": years, "year": year,
        "current_year": year == today.year,
        "table3": mark_safe(render_table_html("三", stats.report)),  # the renderer escapes
        "table4": mark_safe(render_table_html("四", stats.report)),
        "charts": [mark_safe(svg) for svg in charts.report_charts_svg([agency.pk], year,
                                                                      stats.report, today)],
    })


def statistics_csv(request, slug, year):
    today = timezone.localdate()
    agency, year, _years = _agency_and_year(slug, str(year), today)
    stats = agency_statistics(agency, year, today=today)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f"attachment; filename=statistics-{agency.slug}-{year}.csv"
    response.write("\ufeff")  # Excel reads UTF-8 with a BOM
    writer = csv.writer(response)
    for row in statistics_csv_rows(stats):
        writer.writerow(safe_row(row))
    return response
