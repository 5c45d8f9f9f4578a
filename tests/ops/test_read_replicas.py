"""The database router against two real PostgreSQL databases standing in for primary and replica.

The replica is a copy of the migrated primary; each holds one group whose name says which
database it is, so every read shows where it went.
"""

from __future__ import annotations

import json

import psycopg
import pytest
from django.http import HttpResponse
from django.test import RequestFactory

from gongkai.db_router import PrimaryReplicaRouter, ReplicaRoutingMiddleware

from .conftest import child_env, run_gongkai, run_module


@pytest.fixture(scope="module")
def routed(pg_databases):
    """Runs the probe once; the tests that use it need PostgreSQL (skipped where absent)."""
    primary = pg_databases("primary")
    run_gongkai("migrate", "--noinput", env=child_env(DATABASE_URL=primary))
    replica = pg_databases("replica", template=primary.rsplit("/", 1)[1])
    for url, name in ((primary, "primary"), (replica, "replica")):
        with psycopg.connect(url, autocommit=True) as conn:
            conn.execute("INSERT INTO auth_group (name) VALUES (%s)", [name])
    env = child_env(DATABASE_URL=primary, DATABASE_REPLICA_URLS=replica, REPLICA_PIN_SECONDS="7")
    return json.loads(run_module("tests.ops.replica_probe", env=env).stdout)


@pytest.mark.postgres
def test_replica_urls_configure_an_alias_the_router_and_the_middleware(routed):
    assert routed["settings"]["aliases"] == ["default", "replica_1"]
    assert routed["settings"]["routers"] == ["gongkai.db_router.PrimaryReplicaRouter"]
    assert routed["settings"]["middleware"] is True


@pytest.mark.postgres
def test_anonymous_get_and_head_read_from_the_replica(routed):
    assert routed["anonymous_get"] == ["replica"]
    assert routed["anonymous_head"] == ["replica"]


@pytest.mark.postgres
def test_post_reads_from_the_primary(routed):
    assert routed["anonymous_post"] == ["primary"]


@pytest.mark.postgres
def test_a_request_with_a_session_reads_from_the_primary(routed):
    assert routed["session_get"] == ["primary"]


@pytest.mark.postgres
def test_reads_inside_a_transaction_stay_on_the_primary(routed):
    assert routed["get_in_transaction"] == ["primary"]


@pytest.mark.postgres
def test_reads_after_a_write_in_the_same_request_see_the_write(routed):
    assert routed["get_after_write"] == ["primary", "written-in-request"]


@pytest.mark.postgres
def test_a_write_sets_the_short_pin_cookie_and_a_plain_read_does_not(routed):
    assert routed["pin_cookie_after_write"] == 7
    assert routed["pin_cookie_without_write"] is False


@pytest.mark.postgres
def test_the_pin_cookie_keeps_the_next_request_on_the_primary(routed):
    assert routed["get_with_pin_cookie"] == ["primary", "written-in-request"]


@pytest.mark.postgres
def test_reads_outside_a_request_use_the_primary(routed):
    assert routed["outside_request"] == ["primary", "written-in-request"]


@pytest.mark.postgres
def test_writes_go_to_the_primary_only(routed):
    assert routed["write_landed_on_primary"] is True
    assert routed["write_absent_from_replica"] is True


def test_migrations_never_run_on_a_replica():
    router = PrimaryReplicaRouter()
    router.replicas = ["replica_1", "replica_2"]
    assert router.allow_migrate("replica_1", "catalog") is False
    assert router.allow_migrate("default", "catalog") is None


def test_one_request_reads_from_one_replica_only():
    router = PrimaryReplicaRouter()
    router.replicas = [f"replica_{n}" for n in range(1, 9)]
    seen = set()

    def view(request):
        seen.update(router.db_for_read(None) for _ in range(20))
        return HttpResponse("ok")

    ReplicaRoutingMiddleware(view)(RequestFactory().get("/"))
    assert len(seen) == 1
    assert seen < set(router.replicas)


def test_without_a_request_every_read_goes_to_the_primary():
    router = PrimaryReplicaRouter()
    router.replicas = ["replica_1"]
    assert router.db_for_read(None) == "default"
