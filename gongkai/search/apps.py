from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save


class SearchConfig(AppConfig):
    name = "gongkai.search"
    label = "search"
    verbose_name = "全文检索"

    def ready(self) -> None:
        from . import checks  # noqa: F401  (registers the system checks)
        from .signals import document_deleted, document_saved

        post_save.connect(document_saved, sender="catalog.Document", dispatch_uid="search_index_save")
        post_delete.connect(
            document_deleted, sender="catalog.Document", dispatch_uid="search_index_delete"
        )
