"""The disclosure log as a search corpus: published requests, searched with the catalog's engine.

Only what the public page of a published request shows is indexed: the question as published
(the first title field), the outcome's label (the second), and the body: the outcome in plain
words and the published reply. Never the applicant's identity: no field of `Application` but its
outcome is read. A search is restricted to `PublishedRequest.objects.public()` (agency active),
checked per match, so a request of an agency taken offline is never returned.

The index follows publication, edits and withdrawal through the receivers below (index
invalidation: the one use of signals allowed), connected in `ApplicationsConfig.ready()`; an
edit of the request's outcome re-reads its publication. Tables: migrations
0008_published_request_search and 0011_published_search_trigrams, in the layout of
`gongkai.search.corpus.Tables`.
"""

from __future__ import annotations

from django.utils import timezone

from gongkai.search import backend
from gongkai.search.corpus import Corpus, EntryRow, Tables

# Saves of a request that change nothing its publication shows are skipped.
SHOWN_APPLICATION_FIELDS = frozenset({"outcome", "status"})


class PublishedRequestCorpus(Corpus):
    name = "published_requests"
    label = "公开的申请答复"
    tables = Tables(
        entries="applications_published_search_entry", id_column="publication_id",
        fts="applications_published_search_fts",
        title_fts="applications_published_search_title_fts",
        grams="applications_published_search_grams",
        tri_fts="applications_published_search_tri_fts",
    )

    def entry_rows(self, ids=None):
        from .models import Application, PublishedRequest

        queryset = PublishedRequest.objects.order_by("pk")
        if ids is not None:
            queryset = queryset.filter(pk__in=list(ids))
        for chunk_start in range(0, queryset.count(), 500):
            chunk = list(queryset[chunk_start : chunk_start + 500])
            applications = Application.objects.with_withdrawn().in_bulk(
                [p.application_id for p in chunk])
            for publication in chunk:
                publication.application = applications[publication.application_id]
                title, outcome, body = self.display_texts(publication)
                yield EntryRow.from_text(publication.pk,
                                         timezone.localdate(publication.published_at),
                                         title, outcome, body)

    def scope(self, queryset):
        from .models import PublishedRequest

        return (queryset if queryset is not None else PublishedRequest.objects.all()).public()

    def fetch(self, ids):
        from .models import PublishedRequest

        return PublishedRequest.objects.public().select_related("application__agency").in_bulk(ids)

    def display_texts(self, record):
        application = record.application
        body = "\n".join(text for text in (application.plain_result, record.reply) if text)
        return record.question, application.get_outcome_display(), body


PUBLISHED_REQUESTS = PublishedRequestCorpus()


def publication_saved(sender, instance, raw=False, **kwargs) -> None:
    if raw:  # loading fixtures: `search_reindex` indexes afterwards
        return
    backend.index([instance.pk], corpus=PUBLISHED_REQUESTS)


def publication_deleted(sender, instance, **kwargs) -> None:
    backend.remove([instance.pk], corpus=PUBLISHED_REQUESTS)


def application_saved(sender, instance, raw=False, update_fields=None, **kwargs) -> None:
    if raw or (update_fields is not None and not SHOWN_APPLICATION_FIELDS.intersection(update_fields)):
        return
    from .models import PublishedRequest

    ids = list(PublishedRequest.objects.filter(application_id=instance.pk).values_list("pk", flat=True))
    if ids:
        backend.index(ids, corpus=PUBLISHED_REQUESTS)
