"""sitemap.xml: published documents, catalog columns and agencies (an index of sections)."""

from __future__ import annotations

from django.contrib.sitemaps import Sitemap

from gongkai.agencies.models import Agency

from .models import Category, Document


class DocumentSitemap(Sitemap):
    changefreq = "monthly"
    priority = 0.6
    limit = 5000

    def items(self):
        return Document.objects.published().only("pk", "updated_at").order_by("pk")

    def lastmod(self, document):
        return document.updated_at


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
