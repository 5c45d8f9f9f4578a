"""Keeps the index in step with the catalog: the one use of signals we allow (index invalidation).

Any save of a document re-reads it and (re)indexes it if published or takes it out if not
(draft, returned, withdrawn); a delete takes it out. Both run inside the caller's transaction,
so a rolled-back publication leaves no index entry behind. Saves whose `update_fields` touch
nothing searchable (e.g. only the validity) are skipped.
"""

from __future__ import annotations

from . import backend

SEARCHED_FIELDS = frozenset({"title", "doc_number", "body", "status", "published_on"})


def document_saved(sender, instance, raw=False, update_fields=None, **kwargs) -> None:
    if raw:  # loading fixtures: the command `search_reindex` indexes afterwards
        return
    if update_fields is not None and not SEARCHED_FIELDS.intersection(update_fields):
        return
    backend.index_documents([instance.pk])


def document_deleted(sender, instance, **kwargs) -> None:
    backend.remove([instance.pk])
