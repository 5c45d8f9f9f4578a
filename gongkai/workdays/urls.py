from django.urls import path

from . import views

app_name = "workdays"
urlpatterns = [
    path("", views.calculator, name="calculator"),
    path("years/", views.year_list, name="year_list"),
    path("years/new/", views.year_create, name="year_create"),
    path("years/<int:year>/", views.year_edit, name="year_edit"),
    path("years/<int:year>/delete/", views.year_delete, name="year_delete"),
]
