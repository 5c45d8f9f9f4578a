from django.urls import path

from . import public_views, statistics_views, views

app_name = "reports"
urlpatterns: list = [
    # Public: published reports and their open data.
    path("", public_views.public_list, name="public_list"),
    path("open-data/schema.json", public_views.open_data_schema, name="open_data_schema"),
    path("open-data/<slug:slug>/<int:year>.json", public_views.open_data_agency,
         name="open_data_agency"),
    path("open-data/county/<slug:slug>/<int:year>.json", public_views.open_data_county,
         name="open_data_county"),
    path("report.css", views.report_css, name="report_css"),
    # Public: 依申请公开 statistics per agency and year (the annual report's numbers).
    path("statistics/<slug:slug>/", statistics_views.statistics, name="statistics"),
    path("statistics/<slug:slug>/<int:year>.csv", statistics_views.statistics_csv,
         name="statistics_csv"),
    # Staff: the report page and its workflow.
    path("staff/", views.staff_list, name="staff_list"),
    path("staff/generate/", views.staff_generate, name="staff_generate"),
    path("staff/<slug:slug>/<int:year>/", views.staff_detail, name="staff_detail"),
    path("staff/<slug:slug>/<int:year>/edit/", views.staff_edit, name="staff_edit"),
    path("staff/<slug:slug>/<int:year>/act/<slug:action>/", views.staff_act, name="staff_act"),
    path("staff/<slug:slug>/<int:year>/report.<str:fmt>", views.staff_export, name="staff_export"),
    path("staff/<slug:slug>/<int:year>/cells/<str:table>/<str:row>/<str:column>/",
         views.staff_cell, name="staff_cell"),
    path("staff/<slug:slug>/<int:year>/rollup/", views.staff_rollup, name="staff_rollup"),
    path("staff/<slug:slug>/<int:year>/rollup.<str:fmt>", views.staff_rollup_export,
         name="staff_rollup_export"),
]

# Yearly figures of 第（五）（六）（八）项: gongkai/reports/figures (report computation).
from gongkai.reports.figures.urls import urlpatterns as _figures  # noqa: E402

urlpatterns += _figures
