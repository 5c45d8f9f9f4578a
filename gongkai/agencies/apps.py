from django.apps import AppConfig


class AgenciesConfig(AppConfig):
    name = "gongkai.agencies"
    label = "agencies"
    verbose_name = "机构"

    def ready(self) -> None:
        from django.db.models.signals import post_delete, post_save

        from gongkai.page_cache import bump_site_on_commit

        # Agency names and information appear on the cached public pages.
        post_save.connect(bump_site_on_commit, sender="agencies.Agency", dispatch_uid="page_cache_agency")
        post_delete.connect(bump_site_on_commit, sender="agencies.Agency",
                            dispatch_uid="page_cache_agency_delete")
