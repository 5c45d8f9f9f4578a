from django.contrib.sitemaps import views as sitemap_views
from django.urls import path

from gongkai.page_cache import cache_anonymous_page

from .feeds import DocumentAtomFeed, DocumentFeed
from .sitemaps import SITEMAPS
from .views import public, staff

app_name = "catalog"
urlpatterns = [
    path("", public.home, name="home"),
    path("catalog/", public.browse, name="browse"),
    path("catalog/<slug:slug>/", public.browse, name="category"),
    path("documents/<int:pk>/", public.document_detail, name="document"),
    path("attachments/<int:pk>/", public.attachment_download, name="attachment"),
    # Feeds and sitemap
    path("feeds/", public.feeds_index, name="feeds_index"),
    path("feeds/rss/", cache_anonymous_page(DocumentFeed()), name="feed_rss"),
    path("feeds/atom/", cache_anonymous_page(DocumentAtomFeed()), name="feed_atom"),
    path("feeds/<slug:slug>/rss/", cache_anonymous_page(DocumentFeed()), name="category_feed_rss"),
    path("feeds/<slug:slug>/atom/", cache_anonymous_page(DocumentAtomFeed()), name="category_feed_atom"),
    path("sitemap.xml", cache_anonymous_page(sitemap_views.index),
         {"sitemaps": SITEMAPS, "sitemap_url_name": "catalog:sitemap_section"}, name="sitemap"),
    path("sitemap-<section>.xml", cache_anonymous_page(sitemap_views.sitemap), {"sitemaps": SITEMAPS},
         name="sitemap_section"),
    # Staff pages
    path("staff/documents/", staff.document_list, name="staff_documents"),
    path("staff/documents/new/", staff.document_create, name="staff_document_create"),
    path("staff/documents/review/", staff.review_queue, name="staff_review_queue"),
    path("staff/documents/<int:pk>/", staff.document_detail, name="staff_document"),
    path("staff/documents/<int:pk>/edit/", staff.document_edit, name="staff_document_edit"),
    path("staff/documents/<int:pk>/submit/", staff.document_submit, name="staff_document_submit"),
    path("staff/documents/<int:pk>/approve/", staff.document_approve, name="staff_document_approve"),
    path("staff/documents/<int:pk>/return/", staff.document_return, name="staff_document_return"),
    path("staff/documents/<int:pk>/withdraw/", staff.document_withdraw,
         name="staff_document_withdraw"),
    path("staff/documents/<int:pk>/validity/", staff.document_validity,
         name="staff_document_validity"),
    path("staff/documents/<int:pk>/attachments/", staff.attachment_add,
         name="staff_attachment_add"),
    path("staff/attachments/<int:pk>/remove/", staff.attachment_remove,
         name="staff_attachment_remove"),
]
