from django.conf import settings
from django.contrib import admin
from django.urls import include, path

from gongkai.site_identity import favicon

urlpatterns = [
    path("favicon.ico", favicon, name="favicon"),
    path("", include("gongkai.catalog.urls")),
    path("search/", include("gongkai.search.urls")),
    path("agencies/", include("gongkai.agencies.urls")),
    path("accounts/", include("gongkai.accounts.urls")),
    path("audit/", include("gongkai.audit.urls")),
    path("workdays/", include("gongkai.workdays.urls")),
    path("requests/", include("gongkai.applications.urls")),
    path("appeals/", include("gongkai.appeals.urls")),
    path("worklog/", include("gongkai.worklog.urls")),
    path("responses/", include("gongkai.responses.urls")),
    path("participation/", include("gongkai.participation.urls")),
    path("powers/", include("gongkai.powers.urls")),
    path("guides/", include("gongkai.guides.urls")),
    path("reports/", include("gongkai.reports.urls")),
    path("supervision/", include("gongkai.supervision.urls")),
    path("api/", include("gongkai.api.urls")),
    path("admin/", admin.site.urls),
]

admin.site.site_header = "公开 · 系统管理"
admin.site.site_title = "公开 · 系统管理"

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
