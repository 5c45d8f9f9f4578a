"""Whole-page cache of the public pages for anonymous visitors.

A page is stored in Django's cache (Redis with REDIS_URL; otherwise a disk cache shared by all
the worker processes of the machine) under its absolute URL, the active language and the
*versions* of the scopes it shows:

- ``site`` — every page: columns (Category), agencies and anything in the site's frame;
- ``lists`` — every page that lists documents (home, catalog, search, feeds, agency pages);
- a page's own scope, such as ``document:42`` for the page of document 42.

A publication, withdrawal or edit bumps ``lists`` and the scopes of the documents whose pages
show it, once now and again when the transaction commits; the next visitor renders afresh. The
pages of the other 999,999 documents stay cached: with one shared version, every publication
anywhere in a province emptied the cache of every document page. Pages are neither served from
nor written to the cache for logged-in users, for visitors with pending messages, or when
rendering touched the CSRF token, a cookie or the session, so no cache entry ever holds one
visitor's name, token or message.

Settings: GONGKAI_PAGE_CACHE_SECONDS (0 turns the cache off). Imports no Gongkai app; the apps
connect their models' signals to `bump_on_commit` in `ready()`.
"""

from __future__ import annotations

import functools
import hashlib
import time
from collections.abc import Callable, Iterable
from functools import cached_property
from typing import TypeVar

from django.conf import settings
from django.contrib.messages import get_messages
from django.core.cache import cache
from django.core.paginator import Paginator
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.utils import translation

from gongkai.counts import ListCount, list_count

T = TypeVar("T")
SITE = "site"
LISTS = "lists"
VERSION_KEY = "gongkai:pages:version:"
HIT_HEADER = "X-Gongkai-Page-Cache"


def _version_key(scope: str) -> str:
    return VERSION_KEY + scope


def versions(*scopes: str) -> tuple[int, ...]:
    """The current version of each scope, in one round trip to the cache when all are known.

    A scope never seen (or evicted) starts at the clock's nanoseconds, so a fresh start never
    reuses the number of a page stored before.
    """
    keys = [_version_key(scope) for scope in scopes]
    found = cache.get_many(keys)
    for key in keys:
        if found.get(key) is None:
            cache.add(key, time.time_ns(), None)
            # A cache too busy to answer gives a number no stored page carries: a miss, never
            # a stale page.
            found[key] = cache.get(key) or time.time_ns()
    return tuple(found[key] for key in keys)


def bump(*scopes: str) -> None:
    """Invalidate every cached page that shows one of `scopes`."""
    for scope in dict.fromkeys(scopes):
        key = _version_key(scope)
        try:
            cache.incr(key)
        except ValueError:
            cache.set(key, time.time_ns(), None)


def bump_content_version() -> None:
    """Invalidate every cached page."""
    bump(SITE)


def bump_on_commit(*scopes: str) -> None:
    """Invalidate `scopes` now and again when the transaction commits.

    Now, so that reads inside the same transaction see the change; again after the commit,
    because a page rendered by another request between the first bump and the commit shows the
    old rows under the new version.
    """
    bump(*scopes)
    transaction.on_commit(lambda: bump(*scopes))


def bump_site_on_commit(sender=None, **kwargs) -> None:
    """Signal receiver for what every page shows (columns, agencies)."""
    if not kwargs.get("raw"):
        bump_on_commit(SITE)


def remember(key: str, compute: Callable[[], T]) -> T:
    """A value derived from the published documents (a count), cached until they change."""
    if _timeout() <= 0:
        return compute()
    digest = hashlib.md5(key.encode(), usedforsecurity=False).hexdigest()
    site, lists = versions(SITE, LISTS)
    return cache.get_or_set(f"gongkai:data:{site}:{lists}:{digest}", compute, _timeout())


class CachedCountPaginator(Paginator):
    """A paginator whose total is remembered per `count_key` and is exact only while the list
    is small (`gongkai.counts.list_count`: above the limit, the planner's estimate, shown as
    "约 N 条" where `count_estimated`); every page of a list needs the same total."""

    def __init__(self, object_list, per_page, *, count_key: str, **kwargs) -> None:
        super().__init__(object_list, per_page, **kwargs)
        self.count_key = count_key

    @cached_property
    def _list_count(self) -> ListCount:
        return remember(self.count_key, lambda: list_count(self.object_list))

    @cached_property
    def count(self) -> int:
        return self._list_count.value

    @property
    def count_estimated(self) -> bool:
        return self._list_count.estimated


def _timeout() -> int:
    return int(getattr(settings, "GONGKAI_PAGE_CACHE_SECONDS", 0))


def _may_use_cache(request: HttpRequest) -> bool:
    if request.method not in ("GET", "HEAD") or _timeout() <= 0:
        return False
    if request.user.is_authenticated:
        return False
    return len(get_messages(request)) == 0


def _key(request: HttpRequest, page_versions: Iterable[int]) -> str:
    url = hashlib.md5(request.build_absolute_uri().encode(), usedforsecurity=False).hexdigest()
    stamp = ".".join(map(str, page_versions))
    return f"gongkai:page:{stamp}:{translation.get_language()}:{url}"


def _storable(request: HttpRequest, response: HttpResponse) -> bool:
    session = getattr(request, "session", None)
    return (
        request.method == "GET"
        and response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        and not (session is not None and session.modified)
        and "private" not in response.get("Cache-Control", "")
        and "no-store" not in response.get("Cache-Control", "")
    )


def cache_anonymous_page(
    view: Callable[..., HttpResponse] | None = None, *, scope: Callable[..., str] | None = None,
):
    """Serve an anonymous visitor's GET from the page cache; store the page when it may be shared.

    Without `scope`, the page lists documents and is invalidated by every publication. With it,
    ``scope(*args, **kwargs)`` names the one object the page shows (``"document:42"``), and
    only a bump of that scope (or of the whole site) invalidates the page.
    """
    if view is None:
        return functools.partial(cache_anonymous_page, scope=scope)

    @functools.wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not _may_use_cache(request):
            return view(request, *args, **kwargs)
        own = scope(*args, **kwargs) if scope is not None else LISTS
        key = _key(request, versions(SITE, own))
        stored = cache.get(key)
        if stored is not None:
            content, headers = stored
            response = HttpResponse(content, headers=headers)
            response[HIT_HEADER] = "hit"
            return response
        response = view(request, *args, **kwargs)
        if hasattr(response, "render") and callable(response.render):
            response = response.render()
        if _storable(request, response):
            headers = {k: v for k, v in response.items() if k.lower() != HIT_HEADER.lower()}
            cache.set(key, (response.content, headers), _timeout())
            response[HIT_HEADER] = "miss"
        return response

    return wrapper
