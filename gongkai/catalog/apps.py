from django.apps import AppConfig


class CatalogConfig(AppConfig):
    name = "gongkai.catalog"
    label = "catalog"
    verbose_name = "主动公开"

    def ready(self) -> None:
        from django.db.models.signals import post_migrate

        from gongkai.accounts.workbench import register_link
        from gongkai.agencies.models import Role

        from . import services  # noqa: F401  (registers the audit actions)
        from .standard_catalog import restore_after_flush

        post_migrate.connect(restore_after_flush, sender=self, dispatch_uid="catalog_standard_columns")

        register_link(
            "catalog:staff_documents", "主动公开信息管理",
            (Role.PUBLISHER, Role.REVIEWER, Role.SUPERVISOR), order=10,
        )
        register_link("catalog:staff_document_create", "起草主动公开信息", (Role.PUBLISHER,), order=11)
        register_link("catalog:staff_review_queue", "主动公开信息审核", (Role.REVIEWER,), order=12)
