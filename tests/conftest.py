"""Shared fixtures: agencies, users with roles, a logged-in client per role."""

from __future__ import annotations

import pytest

from tests.factories import AgencyFactory, MembershipFactory, UserFactory


@pytest.fixture(autouse=True, scope="session")
def _flush_may_empty_the_audit_log():
    """Transactional tests end with `flush`, which on SQLite is DELETE: the audit log's guard
    lets it through there, as it does for a restore (gongkai/audit/sqlite_guard.py)."""
    from django.core.management.commands import flush

    from gongkai.audit.sqlite_guard import deletion_allowed

    original = flush.Command.handle

    def handle(self, *args, **options):
        with deletion_allowed():
            return original(self, *args, **options)

    flush.Command.handle = handle
    yield
    flush.Command.handle = original


def clear_own_cache() -> None:
    """Empty this test process's cache only. Redis's clear() is FLUSHDB: under xdist it would
    also empty the other worker's keys (its rate-limit counters, mid-test), so on Redis only the
    keys under this process's prefix (settings add the xdist worker) are deleted."""
    from django.core.cache import caches
    from django.core.cache.backends.redis import RedisCache

    cache = caches["default"]  # the backend itself: `django.core.cache.cache` is a proxy
    if not isinstance(cache, RedisCache):
        cache.clear()
        return
    client = cache._cache.get_client(write=True)
    keys = list(client.scan_iter(match=f"{cache.key_prefix}:*"))
    if keys:
        client.delete(*keys)


@pytest.fixture(autouse=True)
def _fresh_page_cache():
    """Pages cached by an earlier test show its rolled-back rows: start each test on a new version."""
    from gongkai.page_cache import bump_content_version

    bump_content_version()


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def county(db):
    return AgencyFactory(name="西华县人民政府", slug="xihua", level="county")


@pytest.fixture
def agency(county):
    return AgencyFactory(name="西华县商务局", slug="xihua-commerce", parent=county)


@pytest.fixture
def other_agency(county):
    return AgencyFactory(name="西华县财政局", slug="xihua-finance", parent=county)


@pytest.fixture
def make_staff(db):
    """make_staff(agency, role, ...) -> a user holding those roles in that agency."""

    def make(agency, *roles, **kwargs):
        user = UserFactory(**kwargs)
        for role in roles:
            MembershipFactory(user=user, agency=agency, role=role)
        return user

    return make
