from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "gongkai.accounts"
    label = "accounts"
    verbose_name = "账户"

    def ready(self) -> None:
        from . import workbench

        workbench.autodiscover()
