"""Mounted by gongkai/reports/urls.py under /reports/figures/ in the `reports` namespace."""

from django.urls import path

from . import views

urlpatterns = [
    path("figures/", views.figures_list, name="figures_list"),
    path("figures/import/", views.figures_import, name="figures_import"),
    path("figures/template.csv", views.figures_template, name="figures_template"),
    path("figures/<slug:slug>/<int:year>/", views.figures_edit, name="figures_edit"),
]
