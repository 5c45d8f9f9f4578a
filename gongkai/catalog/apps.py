from django.apps import AppConfig


class CatalogConfig(AppConfig):
    name = "gongkai.catalog"
    label = "catalog"
    verbose_name = "主动公开"

    def ready(self) -> None:
        from django.db.models.signals import post_delete, post_migrate, post_save

        from gongkai.accounts.workbench import register_link
        from gongkai.agencies.models import Role
        from gongkai.page_cache import bump_content_version_on_commit, bump_for_public_document

        from . import services  # noqa: F401  (registers the audit actions)
        from .standard_catalog import restore_after_flush

        post_migrate.connect(restore_after_flush, sender=self, dispatch_uid="catalog_standard_columns")
        # The public pages' cache: a change to what they show invalidates every cached page.
        post_save.connect(bump_for_public_document, sender="catalog.Document", dispatch_uid="page_cache_doc")
        post_delete.connect(bump_content_version_on_commit, sender="catalog.Document",
                            dispatch_uid="page_cache_doc_delete")
        for model in ("catalog.Category", "catalog.Attachment"):
            for signal in (post_save, post_delete):
                signal.connect(bump_content_version_on_commit, sender=model,
                               dispatch_uid=f"page_cache_{model}_{signal is post_save}")

        register_link(
            "catalog:staff_documents", "主动公开信息管理",
            (Role.PUBLISHER, Role.REVIEWER, Role.SUPERVISOR), order=10,
        )
        register_link("catalog:staff_document_create", "起草主动公开信息", (Role.PUBLISHER,), order=11)
        register_link("catalog:staff_review_queue", "主动公开信息审核", (Role.REVIEWER,), order=12)
