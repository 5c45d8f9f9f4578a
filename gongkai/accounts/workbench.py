"""The staff workbench menu: the pages each role opens, declared by the app that owns them.

Each app lists its links, statically, in `<app>/workbench_links.py` as `LINKS`, a sequence of
dicts with the fields of `WorkbenchLink`. `autodiscover()` (run once by
`AccountsConfig.ready()`) loads every installed app's list; the home page shows the links whose
roles the user holds somewhere, so a new staff page appears on the workbench without editing
this app, and without the owning app importing this one.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import import_module

from django.urls import reverse
from django.utils.functional import Promise
from django.utils.module_loading import module_has_submodule

DECLARATION_MODULE = "workbench_links"


@dataclass(frozen=True)
class WorkbenchLink:
    url_name: str
    label: str | Promise
    roles: tuple[str, ...]  # empty: any signed-in user
    order: int = 100

    @property
    def url(self) -> str:
        return reverse(self.url_name)


_LINKS: dict[str, WorkbenchLink] = {}


def register_link(url_name: str, label: str | Promise, roles: tuple[str, ...] = (), order: int = 100) -> None:
    """Add one link; `autodiscover()` calls it for every entry of the apps' `LINKS`."""
    existing = _LINKS.get(url_name)
    link = WorkbenchLink(url_name, label, tuple(roles), order)
    if existing is not None and existing != link:
        raise ValueError(f"workbench link {url_name!r} declared twice")
    _LINKS[url_name] = link


def autodiscover() -> None:
    """Load `<app>.workbench_links.LINKS` of every installed app."""
    from django.apps import apps

    for config in apps.get_app_configs():
        if module_has_submodule(config.module, DECLARATION_MODULE):
            for entry in import_module(f"{config.name}.{DECLARATION_MODULE}").LINKS:
                register_link(**entry)


def workbench_links(user) -> list[WorkbenchLink]:
    from gongkai.agencies.permissions import agencies_with_role

    visible = []
    for link in sorted(_LINKS.values(), key=lambda link: (link.order, link.url_name)):
        if not link.roles or agencies_with_role(user, *link.roles).exists():
            visible.append(link)
    return visible
