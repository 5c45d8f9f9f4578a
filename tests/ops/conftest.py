"""Fixtures for the operations tests: throw-away PostgreSQL databases and child processes.

The production paths (replicas, backup, restore, the worker) are tested end to end: the code
under test runs in a child `gongkai` process configured through the environment, exactly as
systemd would start it, against databases created here and dropped afterwards.
"""

from __future__ import annotations

import os
import subprocess
import sys
import uuid
from pathlib import Path

import dj_database_url
import pytest

BASE_DIR = Path(__file__).resolve().parents[2]
PG_SERVER_URL = "postgres://postgres@127.0.0.1:5432/postgres"


def _server_url() -> str:
    url = os.environ.get("DATABASE_URL", "")
    return url if url.startswith(("postgres://", "postgresql://")) else PG_SERVER_URL


def _admin_connection():
    import psycopg

    cfg = dj_database_url.parse(_server_url())
    return psycopg.connect(
        host=cfg["HOST"] or "127.0.0.1", port=cfg["PORT"] or 5432, user=cfg["USER"],
        password=cfg["PASSWORD"] or None, dbname="postgres", autocommit=True, connect_timeout=3,
    )


def pg_url(name: str) -> str:
    cfg = dj_database_url.parse(_server_url())
    auth = cfg["USER"] + (f":{cfg['PASSWORD']}" if cfg["PASSWORD"] else "")
    return f"postgres://{auth}@{cfg['HOST'] or '127.0.0.1'}:{cfg['PORT'] or 5432}/{name}"


@pytest.fixture(scope="session")
def pg_server():
    """Skip cleanly where no PostgreSQL server answers."""
    try:
        _admin_connection().close()
    except Exception as exc:
        pytest.skip(f"PostgreSQL is not available: {exc}")
    return _admin_connection


@pytest.fixture(scope="module")
def pg_databases(pg_server):
    """pg_databases(purpose, template=None) -> URL of a new, empty database; all dropped later."""
    created = []

    def create(purpose: str, template: str | None = None) -> str:
        name = f"gongkai_ops_{purpose}_{uuid.uuid4().hex[:8]}"
        with pg_server() as conn:
            clause = f" TEMPLATE {template}" if template else ""
            conn.execute(f"CREATE DATABASE {name}{clause}")
        created.append(name)
        return pg_url(name)

    yield create
    with pg_server() as conn:
        for name in created:
            conn.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def child_env(**overrides: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTEST_", "DJANGO_"))}
    env.pop("DATABASE_REPLICA_URLS", None)
    env.update(
        DJANGO_SETTINGS_MODULE="gongkai.settings", TASKS_BACKEND="immediate", REDIS_URL="",
        PYTHONPATH=str(BASE_DIR),
    )
    env.update(overrides)
    return env


def run_gongkai(*args: str, env: dict[str, str], check: bool = True, timeout: int = 300):
    """Run `python -m gongkai ARGS` (or `python -m MODULE` when args[0] ends with .py)."""
    cmd = [sys.executable, "-m", "gongkai", *args]
    result = subprocess.run(
        cmd, cwd=BASE_DIR, env=env, capture_output=True, text=True, timeout=timeout,
    )
    if check and result.returncode != 0:
        raise AssertionError(
            f"{' '.join(args)} exited {result.returncode}\n{result.stdout}\n{result.stderr}"
        )
    return result


def run_module(module: str, *, env: dict[str, str], timeout: int = 300):
    result = subprocess.run(
        [sys.executable, "-m", module], cwd=BASE_DIR, env=env, capture_output=True, text=True,
        timeout=timeout,
    )
    if result.returncode != 0:
        raise AssertionError(f"{module} exited {result.returncode}\n{result.stdout}\n{result.stderr}")
    return result


@pytest.fixture
def pg_databases_or_none(request):
    """pg_databases when the engine under test is PostgreSQL; None on SQLite."""
    from django.db import connection

    if connection.vendor == "postgresql":
        return request.getfixturevalue("pg_databases")
    return None
