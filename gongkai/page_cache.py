"""Whole-page cache of the public pages for anonymous visitors.

A page is stored in Django's cache (locmem, or Redis with REDIS_URL) under its absolute URL, the
active language and a *content version*. Publishing, withdrawing or editing a published document,
and any edit of a column (Category), an attachment or an agency, bump the version once the
transaction commits: every cached page is then out of date at once, and the next visitor renders
afresh. Pages are neither served from nor written to the cache for logged-in users, for visitors
with pending messages, or when rendering touched the CSRF token, a cookie or the session, so no
cache entry ever holds one visitor's name, token or message.

The version lives in the shared cache (Redis); with the in-process cache (no REDIS_URL), which each
worker process has its own copy of, it is the modification time of a file in the temporary folder,
so that a publication in one worker invalidates the pages of all the workers on the machine.

Settings: GONGKAI_PAGE_CACHE_SECONDS (0 turns the cache off). Imports no Gongkai app; the apps
connect `bump_content_version_on_commit` to their models' signals in `ready()`.
"""

from __future__ import annotations

import functools
import hashlib
import os
import tempfile
import time
from collections.abc import Callable
from functools import cached_property
from pathlib import Path
from typing import TypeVar

from django.conf import settings
from django.contrib.messages import get_messages
from django.core.cache import cache, caches
from django.core.cache.backends.locmem import LocMemCache
from django.core.paginator import Paginator
from django.db import connection, transaction
from django.http import HttpRequest, HttpResponse
from django.utils import translation

T = TypeVar("T")
VERSION_KEY = "gongkai:pages:version"
HIT_HEADER = "X-Gongkai-Page-Cache"


def _version_file() -> Path | None:
    """With the in-process cache, the version is the mtime of a file all workers of the site see.

    LocMemCache is per process: a version kept in it would be bumped only in the process that
    published, and the other workers would go on serving the withdrawn page.
    """
    if not isinstance(caches["default"], LocMemCache):
        return None
    site = hashlib.md5(str(connection.settings_dict["NAME"]).encode(), usedforsecurity=False)
    return Path(tempfile.gettempdir()) / f"gongkai-pages-{site.hexdigest()[:16]}.version"


def content_version() -> int:
    path = _version_file()
    if path is not None:
        try:
            return path.stat().st_mtime_ns
        except FileNotFoundError:
            bump_content_version()
            return path.stat().st_mtime_ns
    version = cache.get(VERSION_KEY)
    if version is None:
        # A fresh start (restart, eviction) never reuses the numbers of pages stored before.
        cache.add(VERSION_KEY, time.time_ns(), None)
        version = cache.get(VERSION_KEY)
    return version


def bump_content_version() -> None:
    path = _version_file()
    if path is not None:
        try:
            previous = path.stat().st_mtime_ns
        except FileNotFoundError:
            previous = 0
            path.touch()
        now = max(time.time_ns(), previous + 1000)  # explicit: the clock's tick may be coarse
        os.utime(path, ns=(now, now))
        return
    try:
        cache.incr(VERSION_KEY)
    except ValueError:
        cache.set(VERSION_KEY, time.time_ns(), None)


def bump_content_version_on_commit(sender=None, **kwargs) -> None:
    """Signal receiver: invalidate every cached page now and again when the transaction commits.

    Now, so that reads inside the same transaction see the change; again after the commit,
    because a page rendered by another request between the first bump and the commit shows the
    old rows under the new version.
    """
    if kwargs.get("raw"):
        return
    bump_content_version()
    transaction.on_commit(bump_content_version)


def bump_for_public_document(sender=None, instance=None, **kwargs) -> None:
    """Signal receiver for documents: only published or withdrawn ones were ever on a public page."""
    if getattr(instance, "status", None) in ("published", "withdrawn"):
        bump_content_version_on_commit(sender, **kwargs)


def remember(key: str, compute: Callable[[], T]) -> T:
    """A value derived from the published content (a count), cached until the content changes."""
    if _timeout() <= 0:
        return compute()
    digest = hashlib.md5(key.encode(), usedforsecurity=False).hexdigest()
    return cache.get_or_set(f"gongkai:data:{content_version()}:{digest}", compute, _timeout())


class CachedCountPaginator(Paginator):
    """A paginator whose total is remembered per `count_key`: an exact COUNT(*) of a million
    published documents takes 100–200 ms, and every page of a list needs the same total."""

    def __init__(self, object_list, per_page, *, count_key: str, **kwargs) -> None:
        super().__init__(object_list, per_page, **kwargs)
        self.count_key = count_key

    @cached_property
    def count(self) -> int:
        return remember(self.count_key, lambda: Paginator.count.func(self))


def _timeout() -> int:
    return int(getattr(settings, "GONGKAI_PAGE_CACHE_SECONDS", 0))


def _may_use_cache(request: HttpRequest) -> bool:
    if request.method not in ("GET", "HEAD") or _timeout() <= 0:
        return False
    if request.user.is_authenticated:
        return False
    return len(get_messages(request)) == 0


def _key(request: HttpRequest, version: int) -> str:
    url = hashlib.md5(request.build_absolute_uri().encode(), usedforsecurity=False).hexdigest()
    return f"gongkai:page:{version}:{translation.get_language()}:{url}"


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


def cache_anonymous_page(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Serve an anonymous visitor's GET from the page cache; store the page when it may be shared."""

    @functools.wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not _may_use_cache(request):
            return view(request, *args, **kwargs)
        key = _key(request, content_version())
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
