"""The anonymous page cache: hits run no query, changes show at once, users never share a page."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from gongkai.catalog import services
from gongkai.catalog.models import Status
from gongkai.page_cache import HIT_HEADER
from tests.catalog.factories import DocumentFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _cache_on(settings):
    settings.GONGKAI_PAGE_CACHE_SECONDS = 300


@pytest.fixture
def document(agency):
    return DocumentFactory(agency=agency, status=Status.PUBLISHED, title="西华县关于缓存测试的通知")


def cache_page(client, url: str) -> None:
    """Visit `url` until it is served from the cache."""
    client.get(url)
    assert client.get(url)[HIT_HEADER] == "hit"


@pytest.mark.parametrize("name", ["catalog:home", "catalog:browse", "catalog:feeds_index",
                                  "catalog:feed_rss", "agencies:list"])
def test_a_cached_page_is_served_without_queries(client, document, name, django_assert_num_queries):
    first = client.get(reverse(name))
    assert first.status_code == 200
    assert first[HIT_HEADER] == "miss"
    with django_assert_num_queries(0):
        second = client.get(reverse(name))
    assert second[HIT_HEADER] == "hit"
    assert second.content == first.content
    assert second["Content-Type"] == first["Content-Type"]


def test_document_page_is_cached_per_url(client, document, django_assert_num_queries):
    client.get(document.get_absolute_url())
    with django_assert_num_queries(0):
        response = client.get(document.get_absolute_url())
    assert "西华县关于缓存测试的通知" in response.content.decode()
    assert client.get(document.get_absolute_url() + "?x=1")[HIT_HEADER] == "miss"


def test_publishing_shows_the_document_on_the_home_page_at_once(
    client, agency, make_staff, document, django_capture_on_commit_callbacks
):
    from gongkai.agencies.models import Role

    assert client.get("/")[HIT_HEADER] == "miss"
    assert client.get("/")[HIT_HEADER] == "hit"
    drafter = make_staff(agency, Role.PUBLISHER)
    reviewer = make_staff(agency, Role.REVIEWER)
    pending = DocumentFactory(agency=agency, status=Status.PENDING, title="新发布的招商引资公告",
                              created_by=drafter, submitted_by=drafter)
    assert client.get("/")[HIT_HEADER] == "hit"  # a draft or pending document changes no page
    with django_capture_on_commit_callbacks(execute=True):
        services.document_approve(document=pending, actor=reviewer)
    response = client.get("/")
    assert response[HIT_HEADER] == "miss"
    assert "新发布的招商引资公告" in response.content.decode()


def test_withdrawing_makes_the_cached_document_page_404_at_once(
    client, agency, make_staff, document, django_capture_on_commit_callbacks
):
    from gongkai.agencies.models import Role

    url = document.get_absolute_url()
    cache_page(client, url)
    with django_capture_on_commit_callbacks(execute=True):
        services.document_withdraw(document=document, actor=make_staff(agency, Role.REVIEWER),
                                   reason="内容已过时")
    assert client.get(url).status_code == 404


def test_editing_an_agency_changes_the_cached_pages(client, agency, document):
    assert "西华县商务局" in client.get("/agencies/").content.decode()
    agency.name = "西华县商务和粮食局"
    agency.save()
    response = client.get("/agencies/")
    assert response[HIT_HEADER] == "miss"
    assert "西华县商务和粮食局" in response.content.decode()


def test_logged_in_staff_never_see_the_anonymous_copy_and_vice_versa(agency, make_staff, document):
    from gongkai.agencies.models import Role

    anonymous, staff = Client(), Client()
    staff.force_login(make_staff(agency, Role.PUBLISHER, username="zhangsan"))
    anonymous.get("/")
    own = staff.get("/")
    assert HIT_HEADER not in own
    assert "csrfmiddlewaretoken" in own.content.decode()  # the logout form
    again = anonymous.get("/")
    assert again[HIT_HEADER] == "hit"
    assert "csrfmiddlewaretoken" not in again.content.decode()
    assert "退出" not in again.content.decode()


def test_pages_that_set_cookies_or_use_the_csrf_token_are_not_cached(client, document):
    from django.contrib.messages import constants
    from django.contrib.messages.storage.base import Message
    from django.contrib.messages.storage.cookie import CookieStorage

    # A visitor with a pending message sees it, and neither reads nor fills the cache.
    storage = CookieStorage(None)
    client.cookies[storage.cookie_name] = storage._encode([Message(constants.SUCCESS, "申请已提交")])
    with_message = client.get("/")
    assert "申请已提交" in with_message.content.decode()
    assert HIT_HEADER not in with_message
    del client.cookies[storage.cookie_name]
    assert client.get("/")[HIT_HEADER] == "miss"

    # The login form renders a CSRF token: never stored.
    login = reverse("accounts:login")
    for _ in range(2):
        response = client.get(login)
        assert HIT_HEADER not in response


def test_language_is_part_of_the_key_and_hits_still_vary_on_it(client, settings, document):
    settings.LANGUAGES = [("zh-hans", "简体中文"), ("en", "English")]
    client.get("/", HTTP_ACCEPT_LANGUAGE="zh-hans")
    english = client.get("/", HTTP_ACCEPT_LANGUAGE="en")
    assert english[HIT_HEADER] == "miss"
    hit = client.get("/", HTTP_ACCEPT_LANGUAGE="en")
    assert hit[HIT_HEADER] == "hit"
    assert "Accept-Language" in hit["Vary"]
    assert hit["Content-Language"] == "en"


def test_the_setting_turns_the_cache_off(client, settings, document):
    settings.GONGKAI_PAGE_CACHE_SECONDS = 0
    client.get("/")
    response = client.get("/")
    assert HIT_HEADER not in response


@pytest.fixture
def reviewer(agency, make_staff):
    from gongkai.agencies.models import Role

    return make_staff(agency, Role.REVIEWER, username="shenhe")


def publish(agency, reviewer, **fields):
    """A pending document approved through the service (callers run the commit callbacks)."""
    from gongkai.catalog.models import Kind

    if "interprets" in fields:
        fields["kind"] = Kind.INTERPRETATION
    pending = DocumentFactory(agency=agency, status=Status.PENDING, **fields)
    return services.document_approve(document=pending, actor=reviewer)


def test_a_publication_elsewhere_leaves_document_pages_cached(
    client, agency, reviewer, document, django_capture_on_commit_callbacks
):
    """Lists change with every publication; the page of an unrelated document does not."""
    url = document.get_absolute_url()
    client.get(url)
    client.get("/")
    with django_capture_on_commit_callbacks(execute=True):
        publish(agency, reviewer, title="另一份新发布的通知")
    assert client.get(url)[HIT_HEADER] == "hit"
    home = client.get("/")
    assert home[HIT_HEADER] == "miss"
    assert "另一份新发布的通知" in home.content.decode()


def test_a_new_interpretation_shows_on_its_policy_page_at_once(
    client, agency, reviewer, document, django_capture_on_commit_callbacks
):
    url = document.get_absolute_url()
    cache_page(client, url)
    with django_capture_on_commit_callbacks(execute=True):
        publish(agency, reviewer, title="《缓存测试通知》政策解读", interprets=document)
    response = client.get(url)
    assert response[HIT_HEADER] == "miss"
    assert "《缓存测试通知》政策解读" in response.content.decode()


def test_withdrawing_a_policy_updates_the_pages_of_its_interpretations(
    client, agency, reviewer, document, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        interpretation = publish(agency, reviewer, title="政策解读", interprets=document)
    url = interpretation.get_absolute_url()
    assert "西华县关于缓存测试的通知" in client.get(url).content.decode()
    assert client.get(url)[HIT_HEADER] == "hit"
    with django_capture_on_commit_callbacks(execute=True):
        services.document_withdraw(document=document, actor=reviewer, reason="内容已过时")
    response = client.get(url)
    assert response[HIT_HEADER] == "miss"
    assert "西华县关于缓存测试的通知" not in response.content.decode()


def test_deleting_a_policy_updates_the_pages_of_its_interpretations(
    client, agency, reviewer, document, django_capture_on_commit_callbacks
):
    """Deletion (admin) detaches the interpretations without their own save signals."""
    with django_capture_on_commit_callbacks(execute=True):
        interpretation = publish(agency, reviewer, title="政策解读", interprets=document)
    url = interpretation.get_absolute_url()
    cache_page(client, url)
    with django_capture_on_commit_callbacks(execute=True):
        document.delete()
    response = client.get(url)
    assert response[HIT_HEADER] == "miss"
    assert "西华县关于缓存测试的通知" not in response.content.decode()


def test_a_change_of_validity_shows_on_the_document_page_at_once(
    client, agency, reviewer, document, django_capture_on_commit_callbacks
):
    import datetime as dt

    url = document.get_absolute_url()
    cache_page(client, url)
    with django_capture_on_commit_callbacks(execute=True):
        services.document_set_validity(document=document, actor=reviewer, validity="repealed",
                                       changed_on=dt.date(2025, 1, 1), reason="已被新文件替代")
    response = client.get(url)
    assert response[HIT_HEADER] == "miss"
    assert "2025年1月1日" in response.content.decode()


def test_a_column_renamed_invalidates_document_pages_too(client, document):
    url = document.get_absolute_url()
    client.get(url)
    category = document.category
    category.name = "改名后的栏目"
    category.save()
    response = client.get(url)
    assert response[HIT_HEADER] == "miss"
    assert "改名后的栏目" in response.content.decode()


def test_worker_processes_share_the_cached_pages(client, document):
    """A page another worker process stored is a hit here (no copy of the cache per process)."""
    import os
    import subprocess
    import sys

    script = (
        "import django; django.setup()\n"
        "from django.contrib.auth.models import AnonymousUser\n"
        "from django.http import HttpResponse\n"
        "from django.test import RequestFactory\n"
        "from gongkai.catalog.page_scopes import document_page_scope\n"
        "from gongkai.page_cache import cache_anonymous_page\n"
        "view = cache_anonymous_page(lambda request, pk: HttpResponse('rendered by worker 2'),\n"
        "                            scope=document_page_scope)\n"
        f"request = RequestFactory().get({document.get_absolute_url()!r})\n"
        "request.user = AnonymousUser()\n"
        f"assert view(request, pk={document.pk})['{HIT_HEADER}'] == 'miss'\n"
    )
    subprocess.run([sys.executable, "-c", script], check=True,
                   env=dict(os.environ, DJANGO_SETTINGS_MODULE="gongkai.settings", PAGE_CACHE_SECONDS="300"))
    response = client.get(document.get_absolute_url())
    assert response[HIT_HEADER] == "hit"
    assert response.content == b"rendered by worker 2"


def test_a_publication_in_another_worker_process_invalidates_this_ones_pages(client, document):
    """The version a worker checks is the one another worker's publication bumped."""
    import os
    import subprocess
    import sys

    from django.db import connection

    client.get("/")
    assert client.get("/")[HIT_HEADER] == "hit"
    db = connection.settings_dict
    url = (f"sqlite:///{db['NAME']}" if connection.vendor == "sqlite"
           else f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}")
    subprocess.run(
        [sys.executable, "-c", "import django; django.setup(); "
         "from gongkai.page_cache import bump_content_version; bump_content_version()"],
        env=dict(os.environ, DATABASE_URL=url, DJANGO_SETTINGS_MODULE="gongkai.settings"), check=True,
    )
    assert client.get("/")[HIT_HEADER] == "miss"


def test_the_catalog_total_is_counted_once_per_content_version(
    client, agency, document, django_capture_on_commit_callbacks
):
    """Every page of a list shows the same total; a million-row COUNT(*) is not run per page."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def count_queries(url: str) -> int:
        with CaptureQueriesContext(connection) as ctx:
            client.get(url)
        return sum("COUNT(" in q["sql"] for q in ctx.captured_queries)

    assert count_queries("/catalog/") == 1
    assert count_queries("/catalog/?page=2") == 0
    assert count_queries("/catalog/?kind=other") == 1
    with django_capture_on_commit_callbacks(execute=True):
        DocumentFactory(agency=agency, status=Status.PUBLISHED)
    response = client.get("/catalog/?page=3")
    assert "共 2 条" in response.content.decode()
