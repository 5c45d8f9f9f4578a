from django.urls import path

from . import public_check, statistics_views
from .views import public, staff

app_name = "reports"
urlpatterns: list = [
    # Public: published reports and their open data.
    path("", public.public_list, name="public_list"),
    path("check/", public_check.public_check, name="public_check"),
    path("open-data/schema.json", public.open_data_schema, name="open_data_schema"),
    path("open-data/<slug:slug>/<int:year>.json", public.open_data_agency,
         name="open_data_agency"),
    path("open-data/county/<slug:slug>/<int:year>.json", public.open_data_county,
         name="open_data_county"),
    path("report.css", staff.report_css, name="report_css"),
    # Public: 依申请公开 statistics per agency and year (the annual report's numbers).
    path("statistics/<slug:slug>/", statistics_views.statistics, name="statistics"),
    path("statistics/<slug:slug>/<int:year>.csv", statistics_views.statistics_csv,
         name="statistics_csv"),
    # Staff: the report page and its workflow.
    path("staff/", staff.staff_list, name="staff_list"),
    path("staff/generate/", staff.staff_generate, name="staff_generate"),
    path("staff/<slug:slug>/<int:year>/", staff.staff_detail, name="staff_detail"),
    path("staff/<slug:slug>/<int:year>/edit/", staff.staff_edit, name="staff_edit"),
    path("staff/<slug:slug>/<int:year>/act/<slug:action>/", staff.staff_act, name="staff_act"),
    path("staff/<slug:slug>/<int:year>/report.<str:fmt>", staff.staff_export, name="staff_export"),
    path("staff/<slug:slug>/<int:year>/cells/<str:table>/<str:row>/<str:column>/",
         staff.staff_cell, name="staff_cell"),
    path("staff/<slug:slug>/<int:year>/rollup/", staff.staff_rollup, name="staff_rollup"),
    path("staff/<slug:slug>/<int:year>/rollup.<str:fmt>", staff.staff_rollup_export,
         name="staff_rollup_export"),
]

# Yearly figures of 第（五）（六）（八）项: gongkai/reports/figures (report computation).
from gongkai.reports.figures.urls import urlpatterns as _figures  # noqa: E402

urlpatterns += _figures
