"""Every limit per address keys on the client address the trusted proxies vouch for
(issue 14 item 5): the API throttle, the public look-up limit and the login lockout.

Spoofed X-Forwarded-For entries (written by the client, left of what nginx appends) must not buy
a fresh limit; and behind nginx, two visitors must not share nginx's REMOTE_ADDR.
"""

from types import SimpleNamespace

import pytest
from django.test import override_settings
from django.urls import reverse
from hypothesis import given
from hypothesis import strategies as st

from gongkai.client_address import client_address
from tests.conftest import clear_own_cache
from tests.factories import PASSWORD, UserFactory

API = "/api/v1/categories"
NGINX = "10.0.0.2"


@pytest.fixture(autouse=True)
def _fresh_limits():
    clear_own_cache()
    yield
    clear_own_cache()


def _spoofed(number: int) -> str:
    return f"198.18.{number // 250}.{number % 250 + 1}"


def test_spoofed_headers_do_not_escape_the_throttle_behind_no_proxy(client, db, settings):
    settings.TRUSTED_PROXY_COUNT = 0
    statuses = [client.get(API, REMOTE_ADDR="203.0.113.9", HTTP_X_FORWARDED_FOR=_spoofed(n)).status_code
                for n in range(125)]
    assert statuses[0] == 200
    assert statuses[-1] == 429


def test_spoofed_headers_do_not_escape_the_throttle_behind_one_proxy(client, db, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    statuses = [
        client.get(API, REMOTE_ADDR=NGINX, HTTP_X_FORWARDED_FOR=f"{_spoofed(n)}, 203.0.113.7").status_code
        for n in range(125)
    ]
    assert statuses[0] == 200
    assert statuses[-1] == 429
    # Another visitor behind the same nginx still has the whole allowance.
    assert client.get(API, REMOTE_ADDR=NGINX, HTTP_X_FORWARDED_FOR="203.0.113.8").status_code == 200


def test_the_lookup_limit_of_one_visitor_does_not_block_the_others_behind_nginx(client, db, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    settings.GONGKAI_APPLY_LIMIT_PER_IP = (3, 3600)

    def lookup(visitor: str):
        response = client.post(reverse("applications:lookup"), {"code": "NOSUCHCODE", "phone": "13800000000"},
                               REMOTE_ADDR=NGINX, HTTP_X_FORWARDED_FOR=f"1.2.3.4, {visitor}")
        return response.context["form"].non_field_errors().as_data()[0].code

    assert [lookup("203.0.113.7") for _ in range(4)][-1] == "rate_limited"
    assert lookup("203.0.113.8") == "lookup_failed"


def test_the_login_lockout_keys_on_the_client_behind_nginx(client, db, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    settings.AXES_FAILURE_LIMIT = 3
    UserFactory(username="staff1")
    for _ in range(3):
        client.post(reverse("accounts:login"), {"username": "staff1", "password": "wrong"},
                    REMOTE_ADDR=NGINX, HTTP_X_FORWARDED_FOR="203.0.113.7")
    locked = client.post(reverse("accounts:login"), {"username": "staff1", "password": PASSWORD},
                         REMOTE_ADDR=NGINX, HTTP_X_FORWARDED_FOR="203.0.113.7")
    assert locked.status_code == 429
    other = client.post(reverse("accounts:login"), {"username": "staff1", "password": PASSWORD},
                        REMOTE_ADDR=NGINX, HTTP_X_FORWARDED_FOR="203.0.113.8")
    assert other.status_code == 302


def _request(remote: str, forwarded: str | None):
    meta = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        meta["HTTP_X_FORWARDED_FOR"] = forwarded
    return SimpleNamespace(META=meta)


ADDRESSES = st.ip_addresses().map(str)
# What a client may write into the header: addresses, junk, empty entries.
WRITTEN = st.lists(st.one_of(ADDRESSES, st.text(alphabet="abc ;:.-1", max_size=8)), max_size=4)


@given(written=WRITTEN, proxies=st.lists(ADDRESSES, min_size=1, max_size=3), client_ip=ADDRESSES)
def test_the_address_is_what_the_trusted_proxies_recorded_whatever_the_client_wrote(
        written, proxies, client_ip):
    """Each of N proxies appends the address it received from; the client is N from the right."""
    recorded = [client_ip, *proxies[:-1]]  # the last proxy's own peer is REMOTE_ADDR's sender
    header = ", ".join([*written, *recorded])
    with override_settings(TRUSTED_PROXY_COUNT=len(proxies)):
        assert client_address(_request(proxies[-1], header)) == client_ip


@given(written=WRITTEN, remote=ADDRESSES)
def test_without_trusted_proxies_the_header_is_ignored(written, remote):
    with override_settings(TRUSTED_PROXY_COUNT=0):
        assert client_address(_request(remote, ", ".join(written))) == remote


def test_a_request_that_bypassed_the_proxies_falls_back_to_remote_addr(settings):
    settings.TRUSTED_PROXY_COUNT = 2
    assert client_address(_request("203.0.113.5", "198.18.0.1")) == "203.0.113.5"
    assert client_address(_request("203.0.113.5", None)) == "203.0.113.5"
    settings.TRUSTED_PROXY_COUNT = 1
    assert client_address(_request(NGINX, "1.2.3.4, not-an-address")) == NGINX
