from django.urls import path

from . import views

app_name = "responses"
urlpatterns = [
    path("", views.public_list, name="public_list"),
    path("<int:pk>/", views.public_detail, name="public_detail"),
    path("ask/", views.ask, name="ask"),
    path("ask/done/", views.submitted, name="submitted"),
    path("lookup/", views.lookup, name="lookup"),
    path("staff/", views.queue, name="queue"),
    path("staff/<int:pk>/", views.staff_detail, name="staff_detail"),
    path("staff/<int:pk>/answer/", views.answer, name="answer"),
    path("staff/<int:pk>/refer/", views.refer, name="refer"),
    path("staff/<int:pk>/reject/", views.reject, name="reject"),
    path("staff/period/<slug:slug>/", views.period, name="period"),
]
