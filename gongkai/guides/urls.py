from django.urls import path

from . import views

app_name = "guides"
urlpatterns = [
    path("", views.public_list, name="public_list"),
    path("<int:pk>/", views.public_detail, name="public_detail"),
    path("materials/<int:pk>/template/", views.material_template, name="material_template"),
    path("staff/", views.staff_list, name="staff_list"),
    path("staff/new/", views.staff_create, name="staff_create"),
    path("staff/<int:pk>/", views.staff_detail, name="staff_detail"),
    path("staff/<int:pk>/edit/", views.staff_edit, name="staff_edit"),
    path("staff/<int:pk>/materials/", views.staff_material_add, name="staff_material_add"),
    path("staff/materials/<int:pk>/remove/", views.staff_material_remove, name="staff_material_remove"),
    path("staff/<int:pk>/<str:action>/", views.staff_status, name="staff_status"),
]
