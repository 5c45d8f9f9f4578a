from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps


class AccountsConfig(AppConfig):
    default = True  # this module also holds the admin's config
    name = "gongkai.accounts"
    label = "accounts"
    verbose_name = "账户"

    def ready(self) -> None:
        from . import workbench

        workbench.autodiscover()


class AdminConfig(admin_apps.AdminConfig):
    """django.contrib.admin with the two-factor-aware site as `admin.site`."""

    default = False
    default_site = "gongkai.accounts.admin_site.GongkaiAdminSite"
