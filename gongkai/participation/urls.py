from django.urls import path

from . import views

app_name = "participation"
urlpatterns = [
    path("", views.public_list, name="public_list"),
    path("<int:pk>/", views.public_detail, name="public_detail"),
    path("staff/", views.staff_list, name="staff_list"),
    path("staff/new/", views.staff_create, name="staff_create"),
    path("staff/<int:pk>/", views.staff_detail, name="staff_detail"),
    path("staff/<int:pk>/edit/", views.staff_edit, name="staff_edit"),
    path("staff/<int:pk>/feedback/", views.staff_feedback, name="staff_feedback"),
    path("staff/<int:pk>/<str:action>/", views.staff_act, name="staff_act"),
    path("staff/comments/<int:pk>/moderate/", views.comment_moderate, name="comment_moderate"),
    path("staff/comments/<int:pk>/adopt/", views.comment_adopt, name="comment_adopt"),
]
