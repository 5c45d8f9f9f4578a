from django.urls import path

from . import views

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
]
