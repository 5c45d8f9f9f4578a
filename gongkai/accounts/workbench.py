"""The staff workbench menu: each app registers the pages a role opens.

Apps call `register_link()` from their AppConfig.ready(); the home page lists the links whose
roles the user holds somewhere, so a new staff page appears on the workbench without editing
this app.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.urls import reverse


@dataclass(frozen=True)
class WorkbenchLink:
    url_name: str
    label: str
    roles: tuple[str, ...]  # empty: any signed-in user
    order: int = 100

    @property
    def url(self) -> str:
        return reverse(self.url_name)


_LINKS: dict[str, WorkbenchLink] = {}


def register_link(url_name: str, label: str, roles: tuple[str, ...] = (), order: int = 100) -> None:
    _LINKS[url_name] = WorkbenchLink(url_name, label, roles, order)


def workbench_links(user) -> list[WorkbenchLink]:
    from gongkai.agencies.permissions import agencies_with_role

    visible = []
    for link in sorted(_LINKS.values(), key=lambda link: (link.order, link.url_name)):
        if not link.roles or agencies_with_role(user, *link.roles).exists():
            visible.append(link)
    return visible
