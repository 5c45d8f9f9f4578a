from django.contrib.sitemaps import views as sitemap_views
from django.urls import path

from gongkai.page_cache import cache_anonymous_page

from . import staff_views, views
from .feeds import DocumentAtomFeed, DocumentFeed
from .sitemaps import SITEMAPS

app_name = "catalog"
urlpatterns = [
    path("", views.home, name="home"),
    path("catalog/", views.browse, name="browse"),
    path("catalog/<slug:slug>/", views.browse, name="category"),
    path("documents/<int:pk>/", views.document_detail, name="document"),
    path("attachments/<int:pk>/", views.attachment_download, name="attachment"),
    # Feeds and sitemap
    path("feeds/", views.feeds_index, name="feeds_index"),
    path("feeds/rss/", cache_anonymous_page(DocumentFeed()), name="feed_rss"),
    path("feeds/atom/", cache_anonymous_page(DocumentAtomFeed()), name="feed_atom"),
    path("feeds/<slug:slug>/rss/", cache_anonymous_page(DocumentFeed()), name="category_feed_rss"),
    path("feeds/<slug:slug>/atom/", cache_anonymous_page(DocumentAtomFeed()), name="category_feed_atom"),
    path("sitemap.xml", cache_anonymous_page(sitemap_views.index),
         {"sitemaps": SITEMAPS, "sitemap_url_name": "catalog:sitemap_section"}, name="sitemap"),
    path("sitemap-<section>.xml", cache_anonymous_page(sitemap_views.sitemap), {"sitemaps": SITEMAPS},
         name="sitemap_section"),
    # Staff pages
    path("staff/documents/", staff_views.document_list, name="staff_documents"),
    path("staff/documents/new/", staff_views.document_create, name="staff_document_create"),
    path("staff/documents/review/", staff_views.review_queue, name="staff_review_queue"),
    path("staff/documents/<int:pk>/", staff_views.document_detail, name="staff_document"),
    path("staff/documents/<int:pk>/edit/", staff_views.document_edit, name="staff_document_edit"),
    path("staff/documents/<int:pk>/submit/", staff_views.document_submit, name="staff_document_submit"),
    path("staff/documents/<int:pk>/approve/", staff_views.document_approve, name="staff_document_approve"),
    path("staff/documents/<int:pk>/return/", staff_views.document_return, name="staff_document_return"),
    path("staff/documents/<int:pk>/withdraw/", staff_views.document_withdraw,
         name="staff_document_withdraw"),
    path("staff/documents/<int:pk>/validity/", staff_views.document_validity,
         name="staff_document_validity"),
    path("staff/documents/<int:pk>/attachments/", staff_views.attachment_add,
         name="staff_attachment_add"),
    path("staff/attachments/<int:pk>/remove/", staff_views.attachment_remove,
         name="staff_attachment_remove"),
]
