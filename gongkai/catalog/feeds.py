"""RSS 2.0 and Atom feeds of published documents, for all columns or one (with its sub-columns)."""

from __future__ import annotations

import datetime as dt

from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from gongkai.richtext import html_to_text

from . import selectors
from .models import Category, Document

FEED_SIZE = 30


class DocumentFeed(Feed):
    def get_object(self, request, slug=None):
        return get_object_or_404(Category, slug=slug, is_active=True) if slug else None

    def title(self, category):
        return _("政府信息公开 · %(name)s") % {"name": category.name} if category else _("政府信息公开 · 最新信息")

    def link(self, category):
        return category.get_absolute_url() if category else reverse("catalog:browse")

    def description(self, category):
        return category.description if category and category.description else _("主动公开的政府信息")

    def items(self, category):
        documents = Document.objects.published()
        if category is not None:
            documents = documents.filter(category_id__in=selectors.category_and_descendant_ids(category))
        return documents.select_related("agency", "category").order_by("-published_on", "-id")[:FEED_SIZE]

    def item_title(self, document):
        return document.title

    def item_description(self, document):
        return document.summary or Truncator(html_to_text(document.body)).chars(300)

    def item_link(self, document):
        return document.get_absolute_url()

    def item_guid(self, document):
        return document.index_no or str(document.pk)

    item_guid_is_permalink = False

    def item_author_name(self, document):
        return document.agency.name

    def item_pubdate(self, document):
        if document.published_on:
            return timezone.make_aware(dt.datetime.combine(document.published_on, dt.time(9, 0)))
        return document.published_at

    def item_updateddate(self, document):
        return document.updated_at

    def item_categories(self, document):
        return [document.category.name, document.get_kind_display()]


class DocumentAtomFeed(DocumentFeed):
    feed_type = Atom1Feed

    def subtitle(self, category):
        return self.description(category)
