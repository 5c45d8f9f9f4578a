from django.urls import path

from . import views

app_name = "agencies"
urlpatterns = [
    path("", views.agency_list, name="list"),
    path("manage/", views.manage, name="manage"),
    path("<slug:slug>/", views.agency_detail, name="detail"),
    path("<slug:slug>/guide/", views.agency_guide, name="guide"),
    path("<slug:slug>/edit/", views.agency_edit, name="edit"),
    path("<slug:slug>/members/", views.members, name="members"),
    path("<slug:slug>/members/<int:pk>/revoke/", views.member_revoke, name="member_revoke"),
]
