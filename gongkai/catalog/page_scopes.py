"""Which cached public pages a change to a document, an attachment or a column invalidates.

A document's page shows the document, its attachments, the policy it interprets and the
interpretations of it; the lists (home, catalog, search, feeds) show every published document.
Connected to the models' signals in `CatalogConfig.ready()`.
"""

from __future__ import annotations

from gongkai.page_cache import LISTS, bump_on_commit

PUBLIC_STATUSES = ("published", "withdrawn")


def document_scope(pk: int) -> str:
    """The cache scope of the public page of document `pk` (see gongkai.page_cache)."""
    return f"document:{pk}"


def document_page_scope(pk: int, **kwargs) -> str:
    """`cache_anonymous_page(scope=…)` for the view taking the document's `pk`."""
    return document_scope(pk)


def _scopes_showing(document, *, previous_policy_id: int | None = None) -> list[str]:
    from .models import Document

    shown_on = {document.pk, document.interprets_id, previous_policy_id}
    shown_on.update(Document.objects.filter(interprets_id=document.pk).values_list("pk", flat=True))
    return [LISTS, *(document_scope(pk) for pk in sorted(p for p in shown_on if p))]


def remember_previous_policy(sender, instance, raw=False, **kwargs) -> None:
    """pre_save: a public document moved to another policy leaves the old policy's page too."""
    instance._previous_policy_id = None
    if raw or instance.pk is None or instance.status not in PUBLIC_STATUSES:
        return
    instance._previous_policy_id = (
        sender.objects.filter(pk=instance.pk).values_list("interprets_id", flat=True).first()
    )


def document_saved(sender, instance, raw=False, **kwargs) -> None:
    """post_save: only published or withdrawn documents were ever on a public page."""
    if raw or instance.status not in PUBLIC_STATUSES:
        return
    previous = getattr(instance, "_previous_policy_id", None)
    bump_on_commit(*_scopes_showing(instance, previous_policy_id=previous))


def document_deleted(sender, instance, **kwargs) -> None:
    """pre_delete: before SET_NULL detaches the interpretations that link to it."""
    if instance.status in PUBLIC_STATUSES:
        bump_on_commit(*_scopes_showing(instance))


def attachment_changed(sender, instance, raw=False, **kwargs) -> None:
    """post_save / post_delete of an attachment: its document's page and the lists."""
    if not raw and instance.document_id:
        bump_on_commit(LISTS, document_scope(instance.document_id))
