"""Benchmark: the annual report computed by aggregate queries vs. row by row in Python.

    .venv/bin/python bench/report_compute.py                 # SQLite, then PostgreSQL
    .venv/bin/python bench/report_compute.py --backend sqlite
    .venv/bin/python bench/report_compute.py --rebuild       # regenerate the cached data

Data: 1,000,000 requests, 100,000 documents and 10,000 appeal cases across 50 agencies (a
county government and 49 departments), spread over 2019–2025, plus yearly figures. Generated
once with a fixed seed by bulk inserts (SQLite: executemany in one transaction; PostgreSQL:
COPY) and cached: SQLite in bench/out/report_compute.sqlite3, PostgreSQL in the database
`gongkai_bench_compute` on $BENCH_PG_URL (default postgres://postgres@127.0.0.1:5432).

Timed, for one agency-year report and for the county roll-up (year 2024 and, as the worst
case for carry-overs, the first year): the aggregate computation (`gongkai.reports.compute`,
best and median of several runs) and the row-by-row Python reference in the same run; the
two must give identical tables (asserted). Target: ≤ 1 s for each aggregate computation.
The wall-clock time depends on what else the machine runs, so the load average and, for
SQLite (which runs in this process), the CPU time spent are printed too. The queries rely on
the covering indexes of gongkai/reports/migrations/0002 and 0003 (applied to cached data by
`migrate` at the start of each run).

Each backend runs in its own subprocess (Django settings take one database URL).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"
SQLITE_PATH = OUT / "report_compute.sqlite3"
PG_BASE = os.environ.get("BENCH_PG_URL", "postgres://postgres@127.0.0.1:5432")
PG_NAME = "gongkai_bench_compute"

N_AGENCIES = 50
N_REQUESTS = 1_000_000
N_DOCUMENTS = 100_000
N_CASES = 10_000
YEARS = range(2019, 2026)
SEED = 20261128
DATA_VERSION = "1"  # bump when the generated data changes


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--backend", choices=["sqlite", "postgres", "both"], default="both")
    parser.add_argument("--rebuild", action="store_true", help="regenerate the cached data")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--requests", type=int, default=N_REQUESTS)
    args = parser.parse_args()
    if args.backend == "both":
        for backend in ("sqlite", "postgres"):
            cmd = [sys.executable, __file__, "--backend", backend, "--repeat", str(args.repeat),
                   "--requests", str(args.requests)]
            if args.rebuild:
                cmd.append("--rebuild")
            code = subprocess.call(cmd)
            if code:
                sys.exit(code)
        return
    run(args.backend, rebuild=args.rebuild, repeat=args.repeat, n_requests=args.requests)


# --- set-up --------------------------------------------------------------------------------


def setup_django(backend: str, n_requests: int) -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    suffix = "" if n_requests == N_REQUESTS else f"_{n_requests}"
    if backend == "sqlite":
        path = SQLITE_PATH.with_name(SQLITE_PATH.stem + suffix + SQLITE_PATH.suffix)
        os.environ["DATABASE_URL"] = f"sqlite:///{path}"
    else:
        os.environ["DATABASE_URL"] = f"{PG_BASE}/{PG_NAME}{suffix}"
        _ensure_pg_database(f"{PG_NAME}{suffix}")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "gongkai.settings")
    os.environ.setdefault("CONN_MAX_AGE", "600")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def _ensure_pg_database(name: str) -> None:
    import psycopg

    with psycopg.connect(f"{PG_BASE}/postgres", autocommit=True) as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if not exists:
            conn.execute(f'CREATE DATABASE "{name}"')


def data_ready(n_requests: int) -> bool:
    from django.db import connection

    from gongkai.applications.models import Application

    if "applications_application" not in connection.introspection.table_names():
        return False
    try:
        return Application.objects.filter(query_code=f"BENCH-V{DATA_VERSION}").exists() and (
            Application.objects.count() == n_requests
        )
    except Exception:  # noqa: BLE001 - a half-built database is rebuilt
        return False


def reset_schema(backend: str, n_requests: int) -> None:
    from django.db import connection

    connection.close()
    if backend == "sqlite":
        path = Path(connection.settings_dict["NAME"])
        for p in (path, Path(str(path) + "-wal"), Path(str(path) + "-shm")):
            p.unlink(missing_ok=True)
    else:
        with connection.cursor() as cursor:
            cursor.execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public;")
    from django.core.management import call_command

    call_command("migrate", verbosity=0, interactive=False)


# --- data ----------------------------------------------------------------------------------


def _row_template(model, values: dict) -> tuple[list[str], list]:
    """Columns and constant values of every concrete field except the primary key; fields not
    in `values` get a neutral value (NULL, '', 0, now, an encrypted '' for encrypted text)."""
    from django.db import models
    from django.utils import timezone

    from gongkai.privacy.fields import EncryptedTextField

    columns, constants = [], []
    now = timezone.now()
    encrypted_blank = EncryptedTextField().get_prep_value("")
    for field in model._meta.concrete_fields:
        if field.primary_key:
            continue
        columns.append(field.column)
        if field.name in values or field.attname in values:
            constants.append(None)
        elif field.null:
            constants.append(None)
        elif isinstance(field, EncryptedTextField):
            constants.append(encrypted_blank)
        elif isinstance(field, models.DateTimeField):
            constants.append(now)
        elif isinstance(field, models.JSONField):
            constants.append("{}")
        elif isinstance(field, models.BooleanField):
            constants.append(False)
        elif isinstance(field, (models.IntegerField, models.DecimalField)):
            constants.append(0)
        elif field.has_default() and not callable(field.default):
            constants.append(field.default)
        else:
            constants.append("")
    return columns, constants


def bulk_insert(backend: str, model, varying: list[str], rows) -> int:
    """Insert rows giving `varying` columns (attnames); the others take neutral values."""
    from django.db import connection

    connection.ensure_connection()
    fields = {f.attname: f for f in model._meta.concrete_fields}
    columns, constants = _row_template(model, {name: True for name in varying})
    positions = [columns.index(fields[name].column) for name in varying]
    table = model._meta.db_table
    count = 0

    def full_rows():
        nonlocal count
        for row in rows:
            values = list(constants)
            for pos, value in zip(positions, row, strict=True):
                values[pos] = value
            count += 1
            yield values

    if backend == "postgres":
        raw = connection.connection
        cols = ", ".join(f'"{c}"' for c in columns)
        with raw.cursor() as cursor, cursor.copy(f'COPY "{table}" ({cols}) FROM STDIN') as copy:
            for values in full_rows():
                copy.write_row(values)
    else:
        cols = ", ".join(f'"{c}"' for c in columns)
        marks = ", ".join(["?"] * len(columns))
        raw = connection.connection
        batch = []
        for values in full_rows():
            batch.append([v.isoformat() if isinstance(v, dt.date | dt.datetime) else v
                          for v in values])
            if len(batch) == 20000:
                raw.executemany(f'INSERT INTO "{table}" ({cols}) VALUES ({marks})', batch)
                batch.clear()
        if batch:
            raw.executemany(f'INSERT INTO "{table}" ({cols}) VALUES ({marks})', batch)
    return count


def generate(backend: str, n_requests: int) -> None:
    from django.db import connection, transaction

    from gongkai.agencies.models import Agency
    from gongkai.appeals.models import AppealCase
    from gongkai.applications.models import Application
    from gongkai.catalog.models import Category, Document
    from gongkai.id_numbers import uscc_check_char
    from gongkai.reportformat import template
    from gongkai.reports.models import YearlyFigures

    rng = random.Random(SEED)
    started = time.perf_counter()
    with transaction.atomic():
        def code(n: int) -> str:
            body = f"1141162290{n:07d}"
            return body + uscc_check_char(body)

        county = Agency.objects.create(name="基准县人民政府", slug="bench-county", code=code(0),
                                       level="county")
        agencies = [county]
        for i in range(1, N_AGENCIES):
            parent = county if i <= 40 else agencies[1 + (i % 5)]  # a few second-level units
            agencies.append(Agency.objects.create(
                name=f"基准县第{i}部门", slug=f"bench-{i}", code=code(i), parent=parent,
                level="department",
            ))
        ids = [a.pk for a in agencies]
        weights = [rng.uniform(0.3, 2.0) for _ in ids]
        category = Category.objects.order_by("pk").first() or Category.objects.create(
            name="政策文件", slug="bench-policies")

        first, last = dt.date(YEARS[0], 1, 1), dt.date(YEARS[-1], 12, 31)
        span = (last - first).days
        outcomes = list(template.OUTCOME_CODES)
        outcome_weights = [40, 15, 1, 1, 1, 2, 1, 3, 1, 1, 12, 3, 2, 2, 2, 1, 1, 1, 3, 1, 6]
        applicants = [c.code for c in template.APPLICANT_TYPES]
        applicant_weights = [70, 15, 2, 2, 6, 5]

        def requests():
            agency_choice = rng.choices(ids, weights, k=n_requests)
            outcome_choice = rng.choices(outcomes, outcome_weights, k=n_requests)
            applicant_choice = rng.choices(applicants, applicant_weights, k=n_requests)
            for i in range(n_requests):
                received = first + dt.timedelta(days=rng.randrange(span + 1))
                roll = rng.random()
                if roll < 0.004:  # stuck for a long time or never answered
                    closed = received + dt.timedelta(days=rng.randrange(200, 900))
                elif roll < 0.97:
                    closed = received + dt.timedelta(days=rng.randrange(1, 45))
                else:
                    closed = None
                if closed is not None and closed > dt.date(2026, 6, 30):
                    closed = None
                query = f"BENCH-V{DATA_VERSION}" if i == 0 else f"B{i:011d}"
                yield (agency_choice[i], query, "closed" if closed else "in_progress",
                       applicant_choice[i], f"申请人{i}", "other", f"k{i}", "electronic", "email",
                       received, received + dt.timedelta(days=28),
                       outcome_choice[i] if closed else "", closed)

        n = bulk_insert(backend, Application, [
            "agency_id", "query_code", "status", "applicant_type", "applicant_name", "id_type",
            "applicant_key", "info_form", "delivery", "received_on", "due_on", "outcome",
            "closed_on",
        ], requests())
        print(f"  requests: {n:,}", flush=True)

        kinds = ["rule", "normative", "other", "notice", "work", "interpretation"]
        kind_weights = [5, 30, 25, 20, 15, 5]

        def documents():
            for i in range(N_DOCUMENTS):
                agency_id = rng.choices(ids, weights)[0]
                written = first + dt.timedelta(days=rng.randrange(span + 1))
                published = written + dt.timedelta(days=rng.randrange(0, 30))
                has_written = rng.random() < 0.85
                roll = rng.random()
                validity, changed = "valid", None
                if roll < 0.12:
                    validity = "repealed"
                elif roll < 0.18:
                    validity = "expired"
                if validity != "valid":
                    changed = written + dt.timedelta(days=rng.randrange(30, 1500))
                status = "published" if rng.random() < 0.92 else rng.choice(["draft", "withdrawn"])
                yield (agency_id, f"B-{i:07d}" if status != "draft" else "",
                       f"基准文件{i}", written if has_written else None, published,
                       category.pk, "general", rng.choices(kinds, kind_weights)[0], validity,
                       changed, status)

        n = bulk_insert(backend, Document, [
            "agency_id", "index_no", "title", "written_on", "published_on", "category_id",
            "topic", "kind", "validity", "validity_changed_on", "status",
        ], documents())
        print(f"  documents: {n:,}", flush=True)

        appeal_kinds = [c.code for c in template.APPEAL_KINDS]
        finals = ["upheld", "corrected", "other"]

        def cases():
            for i in range(N_CASES):
                filed = first + dt.timedelta(days=rng.randrange(span + 1))
                closed = filed + dt.timedelta(days=rng.randrange(20, 400))
                if closed > dt.date(2026, 6, 30) or rng.random() < 0.05:
                    closed, result = None, "pending"
                else:
                    result = rng.choices(finals, [60, 25, 15])[0]
                yield (rng.choices(ids, weights)[0], rng.choice(appeal_kinds), f"基准案〔{i}〕号",
                       filed, result, closed)

        n = bulk_insert(backend, AppealCase, [
            "agency_id", "kind", "case_number", "filed_on", "result", "closed_on",
        ], cases())
        print(f"  appeal cases: {n:,}", flush=True)

        from decimal import Decimal

        YearlyFigures.objects.bulk_create([
            YearlyFigures(agency_id=agency_id, year=year,
                          licensing_decisions=rng.randrange(0, 3000),
                          penalty_decisions=rng.randrange(0, 500),
                          coercion_decisions=rng.randrange(0, 50),
                          fee_amount=Decimal(rng.randrange(0, 10_000_000)) / 10000)
            for agency_id in ids for year in YEARS
        ])
    with connection.cursor() as cursor:
        # PostgreSQL: VACUUM sets the visibility map so the covering indexes serve index-only
        # scans (it cannot run in a transaction; Django's cursor is in autocommit here).
        cursor.execute("VACUUM ANALYZE" if connection.vendor == "postgresql" else "ANALYZE")
    print(f"  generated in {time.perf_counter() - started:.1f} s", flush=True)


# --- timing --------------------------------------------------------------------------------


def timed(fn, repeat: int):
    """Wall-clock times of `repeat` runs, and the CPU time this process spent in them (for
    SQLite, which runs in-process, that is the query work itself, whatever the machine's load)."""
    times, result = [], None
    cpu_started = time.process_time()
    for _ in range(repeat):
        started = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - started)
    return result, times, (time.process_time() - cpu_started) / repeat


class _Counter:
    """An execute wrapper that records each SQL statement (queries per computation)."""

    def __init__(self, log: list[str]):
        self.log = log

    def __call__(self, execute, sql, params, many, context):
        self.log.append(sql)
        return execute(sql, params, many, context)


def run(backend: str, *, rebuild: bool, repeat: int, n_requests: int) -> None:
    setup_django(backend, n_requests)
    from django.db import connection

    print(f"== {backend}: {connection.vendor} {connection.settings_dict['NAME']}; "
          f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs", flush=True)
    if rebuild or not data_ready(n_requests):
        print("generating data …", flush=True)
        reset_schema(backend, n_requests)
        generate(backend, n_requests)
    else:
        from django.core.management import call_command

        call_command("migrate", verbosity=0, interactive=False)  # new indexes on cached data
        print("using cached data", flush=True)

    from gongkai.agencies.models import Agency
    from gongkai.applications.models import Application
    from gongkai.reports import compute

    county = Agency.objects.get(slug="bench-county")
    subtree_ids = list(Agency.objects.filter(path__startswith=county.path).values_list("pk", flat=True))
    one = Agency.objects.get(slug="bench-7")
    print(f"agencies {len(subtree_ids)}, requests {Application.objects.count():,}", flush=True)
    failures = 0
    for year in (2024, YEARS[0]):
        print(f"-- year {year}", flush=True)
        for label, agg, ref in (
            ("one agency-year report", lambda y=year: compute.compute_report(one, y),
             lambda y=year: compute.compute_reports_python([one.pk], y)[one.pk]),
            ("county roll-up (50 agencies)", lambda y=year: compute.compute_subtree(county, y),
             lambda y=year: compute.compute_rollup_python(subtree_ids, y, name=county.name)),
        ):
            queries: list[str] = []
            with connection.execute_wrapper(_Counter(queries)):
                agg()
            report, times, cpu = timed(agg, repeat)
            started = time.perf_counter()
            reference = ref()
            python_time = time.perf_counter() - started
            same = report.numbers() == reference.numbers()
            best, median = min(times), statistics.median(times)
            ok = "OK " if median <= 1.0 else "SLOW"
            print(f"{ok} {label}: aggregate best {best * 1000:.0f} ms, median {median * 1000:.0f} ms"
                  f" (CPU in this process {cpu * 1000:.0f} ms; {len(queries)} queries); "
                  f"row-by-row Python {python_time * 1000:.0f} ms; "
                  f"ratio {python_time / median:.1f}×; identical tables: {same}", flush=True)
            if not same:
                diff = {k: (v, reference.numbers().get(k)) for k, v in report.numbers().items()
                        if reference.numbers().get(k) != v}
                print(f"   DIFFERENCES: {diff}", flush=True)
                failures += 1
    assert failures == 0, "aggregate and Python computations differ"


if __name__ == "__main__":
    main()
