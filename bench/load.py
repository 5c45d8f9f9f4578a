"""Load test: gunicorn + wrk against the 1M-document databases built by bench/search.py.

For each engine (sqlite, postgres with the Redis cache) the script migrates the cached
database from bench/search.py (building it with `bench/search.py --build-only` first if
its marker is missing), measures the query count of each page through the test client,
starts gunicorn on a free loopback port, drives /, /catalog/, /search/?q=… and
/documents/<id>/ with wrk (50 connections, --duration seconds each; bench/load_wrk.lua
spreads queries/ids and counts non-2xx), prints rps, p50/p99 and errors, and stops
gunicorn itself.

    .venv/bin/python bench/load.py --duration 60 --engines sqlite,postgres
"""
import argparse
import json
import os
import random
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from bench import search as S  # noqa: E402

PY = str(ROOT / ".venv" / "bin" / "python")
LUA = ROOT / "bench" / "load_wrk.lua"
REDIS_URL = "redis://127.0.0.1:6379/14"
PAGES = ["home", "catalog", "search", "document"]


def db_env(engine: str, n: int) -> dict:
    env = dict(os.environ, DJANGO_SETTINGS_MODULE="gongkai.settings", DEBUG="0")
    if engine == "sqlite":
        env["DATABASE_URL"] = f"sqlite:///{S.OUT / f'search-{n}.sqlite3'}"
        env.pop("REDIS_URL", None)
    else:
        env["DATABASE_URL"] = S.pg_url(f"{S.PG_DB}_{n}")
        env["REDIS_URL"] = REDIS_URL
    return env


def child_prepare(n: int) -> None:
    """Run inside the engine's environment: migrate, pick ids/queries, count queries."""
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    call_command("migrate", verbosity=0)
    from gongkai.catalog.models import Document

    rng = random.Random(S.SEED)
    hi = Document.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
    ids = [rng.randint(1, hi) for _ in range(500)] if hi else []
    words = S.BODY_WORDS + S.SUBJECTS
    queries = [w for w in words if 2 <= len(w) <= 4][:200]
    client = Client()
    counts = {}
    samples = {"home": "/", "catalog": "/catalog/",
               "search": f"/search/?q={queries[0]}",
               "document": f"/documents/{ids[0]}/" if ids else "/"}
    for page, url in samples.items():
        client.get(url)  # warm caches once, then count the steady state
        with CaptureQueriesContext(connection) as ctx:
            status = client.get(url).status_code
        counts[page] = {"queries": len(ctx.captured_queries), "status": status}
    print(json.dumps({"ids": ids, "queries": queries, "counts": counts}))


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def parse_wrk(out: str) -> dict:
    line = [x for x in out.splitlines() if x.startswith("RESULT ")]
    return json.loads(line[-1][7:]) if line else {"raw": out[-500:]}


def run_engine(engine: str, n: int, duration: int, log) -> dict:
    env = db_env(engine, n)
    if engine == "postgres" or not S.marker("sqlite", n).exists():
        mk = S.marker("postgresql" if engine == "postgres" else "sqlite", n)
        if not mk.exists():
            subprocess.run([PY, str(ROOT / "bench" / "search.py"), "--docs", str(n),
                            "--engines", "postgresql" if engine == "postgres" else "sqlite",
                            "--build-only"], check=True, cwd=ROOT)
    prep = subprocess.run([PY, __file__, "--child-prepare", str(n)], env=env, cwd=ROOT,
                          capture_output=True, text=True, check=True)
    data = json.loads(prep.stdout.strip().splitlines()[-1])
    port = free_port()
    gun = subprocess.Popen([str(ROOT / ".venv" / "bin" / "gunicorn"), "gongkai.wsgi",
                            "-b", f"127.0.0.1:{port}", "-w", str(os.cpu_count() or 4),
                            "--timeout", "30"], env=env, cwd=ROOT,
                           stdout=log, stderr=log)
    results = {}
    try:
        time.sleep(3)
        for page in PAGES:
            wenv = dict(os.environ, LOAD_PAGE=page,
                        LOAD_ITEMS="\n".join(str(x) for x in
                                             (data["ids"] if page == "document" else data["queries"])))
            out = subprocess.run(["wrk", "-t4", "-c50", f"-d{duration}s", "--latency",
                                  "-s", str(LUA), f"http://127.0.0.1:{port}"],
                                 env=wenv, capture_output=True, text=True,
                                 timeout=duration + 60).stdout
            results[page] = parse_wrk(out) | data["counts"][page]
            print(engine, page, json.dumps(results[page]), file=log, flush=True)
    finally:
        gun.terminate()
        gun.wait(timeout=30)
    return results


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--duration", type=int, default=60)
    p.add_argument("--engines", default="sqlite,postgres")
    p.add_argument("--docs", type=int, default=1_000_000)
    p.add_argument("--child-prepare", type=int, help=argparse.SUPPRESS)
    a = p.parse_args()
    if a.child_prepare:
        child_prepare(a.child_prepare)
        return
    if not shutil.which("wrk") and os.geteuid() == 0:
        subprocess.run(["apt-get", "install", "-y", "wrk"], check=True)
    S.OUT.mkdir(parents=True, exist_ok=True)
    with open(S.OUT / "load.log", "a") as log:
        for engine in a.engines.split(","):
            res = run_engine(engine, a.docs, a.duration, log)
            print(f"== {engine} ({a.docs} documents, 50 connections, {a.duration}s/page)")
            print(f"{'page':10} {'rps':>8} {'p50ms':>7} {'p99ms':>7} {'errors':>7} {'queries':>7}")
            for page, r in res.items():
                print(f"{page:10} {r.get('rps', 0):8.1f} {r.get('p50', 0):7.1f} "
                      f"{r.get('p99', 0):7.1f} {r.get('errors', -1):7d} {r['queries']:7d}")


if __name__ == "__main__":
    main()
