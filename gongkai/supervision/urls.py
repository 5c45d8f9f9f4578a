from django.urls import path

from . import views

app_name = "supervision"
urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("export.xlsx", views.dashboard_export, name="export"),
    path("columns/", views.columns, name="columns"),
    path("report-checks/", views.check_list, name="check_list"),
    path("report-checks/<int:pk>/", views.check_detail, name="check_detail"),
]
