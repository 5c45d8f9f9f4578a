from django.urls import path  # noqa: F401

app_name = "reports"
urlpatterns: list = []

# Yearly figures of 第（五）（六）（八）项: gongkai/reports/figures (report computation).
from gongkai.reports.figures.urls import urlpatterns as _figures  # noqa: E402

urlpatterns += _figures
