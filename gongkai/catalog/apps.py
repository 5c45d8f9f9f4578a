from django.apps import AppConfig


class CatalogConfig(AppConfig):
    name = "gongkai.catalog"
    label = "catalog"
    verbose_name = "主动公开"

    def ready(self) -> None:
        from django.db.models.signals import (
            post_delete,
            post_migrate,
            post_save,
            pre_delete,
            pre_save,
        )

        from gongkai.page_cache import bump_site_on_commit

        from . import page_scopes
        from .standard_catalog import restore_after_flush

        post_migrate.connect(restore_after_flush, sender=self, dispatch_uid="catalog_standard_columns")
        # The public pages' cache (gongkai/page_cache.py): a document invalidates the lists and
        # the pages that show it; a column, every page.
        pre_save.connect(page_scopes.remember_previous_policy, sender="catalog.Document",
                         dispatch_uid="page_cache_doc_policy")
        post_save.connect(page_scopes.document_saved, sender="catalog.Document", dispatch_uid="page_cache_doc")
        pre_delete.connect(page_scopes.document_deleted, sender="catalog.Document",
                           dispatch_uid="page_cache_doc_delete")
        for signal in (post_save, post_delete):
            signal.connect(page_scopes.attachment_changed, sender="catalog.Attachment",
                           dispatch_uid=f"page_cache_attachment_{signal is post_save}")
            signal.connect(bump_site_on_commit, sender="catalog.Category",
                           dispatch_uid=f"page_cache_category_{signal is post_save}")

