from django.urls import path

from . import views
from .decisions import views as decisions

app_name = "powers"
urlpatterns = [
    path("", views.public_list, name="public_list"),
    path("<int:pk>/", views.public_detail, name="public_detail"),
    path("<int:pk>/chart/", views.chart, name="chart"),
    path("export.<str:fmt>", views.export, name="export"),
    path("staff/", views.staff_list, name="staff_list"),
    path("staff/new/", views.staff_create, name="staff_create"),
    path("staff/import/", views.staff_import, name="staff_import"),
    path("staff/<int:pk>/", views.staff_detail, name="staff_detail"),
    path("staff/<int:pk>/adjust/", views.staff_adjust, name="staff_adjust"),
    path("staff/<int:pk>/abolish/", views.staff_abolish, name="staff_abolish"),
    path("staff/<int:pk>/chart/", views.staff_chart, name="staff_chart"),
    # 双公示: decisions and fees under the items (gongkai/powers/decisions)
    path("decisions/", decisions.public_decisions, name="public_decisions"),
    path("fees/", decisions.public_fees, name="public_fees"),
    path("staff/decisions/", decisions.decision_list, name="decision_list"),
    path("staff/decisions/new/", decisions.decision_create, name="decision_create"),
    path("staff/decisions/<int:pk>/", decisions.decision_detail, name="decision_detail"),
    path("staff/decisions/<int:pk>/edit/", decisions.decision_edit, name="decision_edit"),
    path("staff/decisions/<int:pk>/publish/", decisions.decision_publish, name="decision_publish"),
    path("staff/decisions/deadline/<slug:slug>/", decisions.publication_setting,
         name="publication_setting"),
    path("staff/fees/", decisions.fee_list, name="fee_list"),
    path("staff/fees/new/", decisions.fee_form, name="fee_create"),
    path("staff/fees/<int:pk>/", decisions.fee_form, name="fee_edit"),
    path("staff/import/<str:what>/", decisions.records_import, name="records_import"),
    path("staff/import/<str:what>/template.xlsx", decisions.import_template, name="import_template"),
]
