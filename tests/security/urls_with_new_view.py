"""The site's URL configuration plus one view nobody wrote a permission rule for."""

from django.http import HttpResponse
from django.urls import include, path

from gongkai.urls import urlpatterns as site


def brand_new(request):
    return HttpResponse("new")


urlpatterns = [
    *site,
    path("newapp/", include(([path("brand-new/", brand_new, name="brand_new")], "newapp"))),
]
