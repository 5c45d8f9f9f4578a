from django.urls import path

from . import views

app_name = "catalog"
urlpatterns = [
    path("", views.home, name="home"),
    path("catalog/", views.browse, name="browse"),
    path("catalog/<slug:slug>/", views.browse, name="category"),
    path("documents/<int:pk>/", views.document_detail, name="document"),
    path("attachments/<int:pk>/", views.attachment_download, name="attachment"),
    path("feeds/", views.feeds_index, name="feeds_index"),
]
