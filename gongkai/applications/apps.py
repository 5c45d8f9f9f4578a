from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save


class ApplicationsConfig(AppConfig):
    name = "gongkai.applications"
    label = "applications"
    verbose_name = "依申请公开"

    def ready(self) -> None:
        from gongkai.search import corpus
        from gongkai.workdays import schedule_changed

        from . import published_search as ps
        from .services.recompute import recompute_on_schedule_change

        # Stored due dates follow the calendar whatever wrote it (page, admin, CLI).
        schedule_changed.connect(recompute_on_schedule_change,
                                 dispatch_uid="applications-recompute-due-dates")
        # The disclosure log is searched with the catalog's engine; its index follows it.
        corpus.register(ps.PUBLISHED_REQUESTS)
        post_save.connect(ps.publication_saved, sender="applications.PublishedRequest",
                          dispatch_uid="published-request-search-save")
        post_delete.connect(ps.publication_deleted, sender="applications.PublishedRequest",
                            dispatch_uid="published-request-search-delete")
        post_save.connect(ps.application_saved, sender="applications.Application",
                          dispatch_uid="published-request-search-application")
