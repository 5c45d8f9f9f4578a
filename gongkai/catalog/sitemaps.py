"""sitemap.xml: published documents, catalog columns and agencies (an index of sections)."""

from __future__ import annotations

from django.contrib.sitemaps import Sitemap
from django.db.models import Max

from gongkai.agencies.models import Agency

from .models import Category, Document


class DocumentSitemap(Sitemap):
    changefreq = "monthly"
    priority = 0.6
    # Pages of 1,000 keep each response quick; the sitemap index lists as many pages as needed.
    limit = 1000

    def items(self):
        # Newest first, along the (status, published_on, id) index: no sort of all documents.
        return Document.objects.published().only("pk", "updated_at").order_by("-published_on", "-id")

    def lastmod(self, document):
        return document.updated_at

    def get_latest_lastmod(self):
        # Django's default calls lastmod() on every document: one aggregate instead.
        return Document.objects.published().aggregate(latest=Max("updated_at"))["latest"]


class CategorySitemap(Sitemap):
    changefreq = "daily"
    priority = 0.8

    def items(self):
        return Category.objects.filter(is_active=True).order_by("pk")


class AgencySitemap(Sitemap):
    changefreq = "monthly"
    priority = 0.5

    def items(self):
        return Agency.objects.active().order_by("pk")


SITEMAPS = {"documents": DocumentSitemap, "categories": CategorySitemap, "agencies": AgencySitemap}
