"""Backup and restore: one tar.gz archive holding the database, the media files and a manifest.

    gongkai-backup-20270131-020000-postgresql.tar.gz
      database/db.pgdump | database/db.sqlite3 | database/data.jsonl
      media/<every file of the default storage>
      manifest.json        versions, method, migration state, rows per model, size + SHA-256
                           of every other member (written last)

Database methods:

- ``sqlite``  — SQLite's online backup API (a consistent copy while the site runs).
- ``pg_dump`` — PostgreSQL custom format, taken from the same REPEATABLE READ snapshot as the
  row counts (``pg_dump --snapshot``); restored with ``pg_restore --single-transaction``.
- ``json``    — Django's serializers (JSON lines, full timestamp precision), portable between
  engines: used where pg_dump is missing, and to move a county from SQLite to PostgreSQL.

Restore refuses an archive whose checksums do not match, and a target database that already
has tables, or a media storage that already has files, unless ``force``; afterwards it counts
the rows of every model again and fails loudly on any difference.

The media files go through Django's storage API, so the same code backs up local disk and
S3-compatible storage. This module imports no other Gongkai app.
"""

from __future__ import annotations

import datetime
import hashlib
import io
import json
import os
import platform
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
import time
from contextlib import closing, contextmanager
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path, PurePosixPath

from django.apps import apps
from django.core import serializers
from django.core.exceptions import ValidationError
from django.core.files import File
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.core.management.color import no_style
from django.core.serializers.json import DjangoJSONEncoder
from django.db import DEFAULT_DB_ALIAS, connections, transaction
from django.db.migrations.loader import MigrationLoader
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from gongkai.audit.sqlite_guard import deletion_allowed
from gongkai.page_cache import bump_content_version

FORMAT = 1
MANIFEST = "manifest.json"
METHODS = ("sqlite", "pg_dump", "json")
DB_FILES = {"sqlite": "database/db.sqlite3", "pg_dump": "database/db.pgdump",
            "json": "database/data.jsonl"}
CHUNK = 1024 * 1024


class BackupError(ValidationError):
    """A backup or restore that cannot go on; `code` says why, the message says it in Chinese."""


@dataclass(frozen=True)
class BackupResult:
    path: Path
    manifest: dict


class PreciseJSONEncoder(DjangoJSONEncoder):
    """DjangoJSONEncoder cuts timestamps to milliseconds; a backup must keep microseconds."""

    def default(self, o):
        if isinstance(o, datetime.datetime | datetime.time):
            return o.isoformat()
        return super().default(o)


# --- what is in a database ------------------------------------------------------------------


def _stored_models(include_auto_created: bool = True) -> list:
    return [
        m for m in apps.get_models(include_auto_created=include_auto_created)
        if m._meta.managed and not m._meta.proxy
    ]


def _inventory(cursor, tables: set[str], quote) -> tuple[dict, dict]:
    """(rows per model label, applied migrations per app) read through a DB-API cursor."""
    counts = {}
    for model in _stored_models():
        if model._meta.db_table in tables:
            cursor.execute(f"SELECT COUNT(*) FROM {quote(model._meta.db_table)}")
            counts[model._meta.label_lower] = cursor.fetchone()[0]
    migrations: dict[str, list[str]] = {}
    if "django_migrations" in tables:
        cursor.execute("SELECT app, name FROM django_migrations ORDER BY app, name")
        for app, name in cursor.fetchall():
            migrations.setdefault(app, []).append(name)
    return dict(sorted(counts.items())), migrations


def _code_migrations() -> dict[str, list[str]]:
    loader = MigrationLoader(None, ignore_no_migrations=True)
    code: dict[str, list[str]] = {}
    for app, name in sorted(loader.disk_migrations):
        code.setdefault(app, []).append(name)
    return code


def _pg_env(settings_dict: dict) -> tuple[list[str], dict[str, str]]:
    """Connection arguments for pg_dump / pg_restore; the password travels in the environment."""
    env = dict(os.environ)
    if settings_dict.get("PASSWORD"):
        env["PGPASSWORD"] = str(settings_dict["PASSWORD"])
    args = ["--dbname", settings_dict["NAME"]]
    host = settings_dict.get("HOST") or settings_dict.get("OPTIONS", {}).get("host")
    if host:  # a name, an address, or a socket directory (…?host=/var/run/postgresql)
        args += ["--host", str(host)]
    if settings_dict.get("PORT"):
        args += ["--port", str(settings_dict["PORT"])]
    if settings_dict.get("USER"):
        args += ["--username", str(settings_dict["USER"])]
    sslmode = settings_dict.get("OPTIONS", {}).get("sslmode")
    if sslmode:
        env["PGSSLMODE"] = sslmode
    return args, env


def _run(cmd: list[str], env: dict[str, str]) -> None:
    result = subprocess.run(cmd, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        raise BackupError(
            _("%(program)s 失败 / failed: %(error)s"),
            code="tool_failed",
            params={"program": cmd[0], "error": result.stderr.strip()[-2000:]},
        )


def default_method(alias: str = DEFAULT_DB_ALIAS) -> str:
    vendor = connections[alias].vendor
    if vendor == "sqlite":
        return "sqlite"
    if vendor == "postgresql" and shutil.which("pg_dump"):
        return "pg_dump"
    return "json"


# --- dumping the database -------------------------------------------------------------------


def _dump_sqlite(connection, target: Path) -> tuple[dict, dict]:
    connection.ensure_connection()
    with closing(sqlite3.connect(target)) as copy:
        connection.connection.backup(copy)
    with closing(sqlite3.connect(target)) as copy:
        cursor = copy.cursor()
        cursor.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        tables = {row[0] for row in cursor.fetchall()}
        return _inventory(cursor, tables, _sqlite_quote)


def _sqlite_quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


@contextmanager
def _consistent_view(connection):
    """One view of the data for counts and dump: a REPEATABLE READ transaction on PostgreSQL."""
    if connection.in_atomic_block:
        raise BackupError(_("备份不能在事务中进行"), code="in_transaction")
    with transaction.atomic(using=connection.alias):
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
        yield


def _dump_pg(connection, target: Path) -> tuple[dict, dict]:
    with _consistent_view(connection):
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_export_snapshot()")
            snapshot = cursor.fetchone()[0]
            tables = set(connection.introspection.table_names(cursor))
            inventory = _inventory(cursor, tables, connection.ops.quote_name)
        args, env = _pg_env(connection.settings_dict)
        _run(["pg_dump", "--format=custom", "--no-owner", "--no-privileges",
              f"--snapshot={snapshot}", "--file", str(target), *args], env)
    return inventory


def _dump_json(connection, target: Path) -> tuple[dict, dict]:
    with _consistent_view(connection):
        with connection.cursor() as cursor:
            tables = set(connection.introspection.table_names(cursor))
            inventory = _inventory(cursor, tables, connection.ops.quote_name)
        with target.open("w", encoding="utf-8") as stream:
            for model in _stored_models(include_auto_created=False):
                if model._meta.db_table not in tables:
                    continue
                queryset = model._base_manager.using(connection.alias).order_by("pk")
                serializers.serialize(
                    "jsonl", queryset.iterator(chunk_size=2000), stream=stream,
                    cls=PreciseJSONEncoder,
                )
    return inventory


# --- media ----------------------------------------------------------------------------------


def _media_names(storage, prefix: str = "") -> list[str]:
    try:
        dirs, files = storage.listdir(prefix)
    except (FileNotFoundError, NotADirectoryError):
        return []
    names = [f"{prefix}{name}" for name in files]
    for directory in dirs:
        names += _media_names(storage, f"{prefix}{directory}/")
    return sorted(names)


class _HashingReader:
    def __init__(self, stream) -> None:
        self.stream, self.sha256, self.size = stream, hashlib.sha256(), 0

    def read(self, size: int = -1) -> bytes:
        data = self.stream.read(size)
        self.sha256.update(data)
        self.size += len(data)
        return data


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        while chunk := stream.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


# --- backup ---------------------------------------------------------------------------------


def backup_create(*, output_dir: Path, method: str | None = None,
                  alias: str = DEFAULT_DB_ALIAS) -> BackupResult:
    """Write one archive of database + media into `output_dir`; return its path and manifest.

    The archive appears under its final name only when complete, readable by its owner only
    (it holds applicants' personal data).
    """
    connection = connections[alias]
    method = method or default_method(alias)
    if method not in METHODS:
        raise BackupError(_("未知的备份方式 %(method)s"), code="unknown_method",
                          params={"method": method})
    if method == "sqlite" and connection.vendor != "sqlite":
        raise BackupError(_("sqlite 方式只能备份 SQLite 数据库"), code="method_mismatch")
    if method == "pg_dump" and connection.vendor != "postgresql":
        raise BackupError(_("pg_dump 方式只能备份 PostgreSQL 数据库"), code="method_mismatch")
    if method == "pg_dump" and not shutil.which("pg_dump"):
        raise BackupError(_("找不到 pg_dump 程序；可改用 --method json"), code="no_pg_dump")

    output_dir = Path(output_dir)
    output_dir.mkdir(parents=True, exist_ok=True)
    stamp = timezone.now().strftime("%Y%m%d-%H%M%S")
    final = output_dir / f"gongkai-backup-{stamp}-{connection.vendor}.tar.gz"
    with tempfile.TemporaryDirectory(dir=output_dir, prefix=".gongkai-backup-") as work:
        work = Path(work)
        db_member = DB_FILES[method]
        db_file = work / Path(db_member).name
        dump = {"sqlite": _dump_sqlite, "pg_dump": _dump_pg, "json": _dump_json}[method]
        counts, migrations = dump(connection, db_file)
        files = {db_member: {"size": db_file.stat().st_size, "sha256": _sha256(db_file)}}

        partial = work / "archive.tar.gz"
        fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as raw, tarfile.open(fileobj=raw, mode="w:gz") as tar:
            tar.add(db_file, arcname=db_member, filter=_private)
            for name in _media_names(default_storage):
                size = default_storage.size(name)
                info = tarfile.TarInfo(f"media/{name}")
                info.size, info.mode, info.mtime = size, 0o600, time.time()
                with default_storage.open(name, "rb") as stream:
                    reader = _HashingReader(stream)
                    tar.addfile(info, reader)
                files[info.name] = {"size": reader.size, "sha256": reader.sha256.hexdigest()}
            manifest = {
                "format": FORMAT,
                "created_at": timezone.now().isoformat(),
                "versions": {
                    "gongkai": _version("gongkai"),
                    "django": _version("django"),
                    "python": platform.python_version(),
                },
                "database": {"vendor": connection.vendor, "method": method, "file": db_member},
                "migrations": migrations,
                "counts": counts,
                "media_files": sum(1 for n in files if n.startswith("media/")),
                "files": files,
            }
            data = json.dumps(manifest, ensure_ascii=False, indent=2).encode()
            info = tarfile.TarInfo(MANIFEST)
            info.size, info.mode, info.mtime = len(data), 0o600, time.time()
            tar.addfile(info, io.BytesIO(data))
        os.replace(partial, final)
    return BackupResult(path=final, manifest=manifest)


def _private(info: tarfile.TarInfo) -> tarfile.TarInfo:
    info.mode, info.uid, info.gid, info.uname, info.gname = 0o600, 0, 0, "", ""
    return info


def _version(distribution: str) -> str:
    try:
        return metadata.version(distribution)
    except metadata.PackageNotFoundError:
        return "unknown"


# --- restore --------------------------------------------------------------------------------


def _read_archive(archive: Path, into: Path) -> dict:
    """Unpack safely and check every member against the manifest; return the manifest."""
    try:
        with tarfile.open(archive, "r:gz") as tar:
            tar.extractall(into, filter="data")
    except (tarfile.TarError, OSError, EOFError) as exc:
        raise BackupError(_("无法读取备份文件：%(error)s"), code="unreadable",
                          params={"error": exc}) from exc
    try:
        manifest = json.loads((into / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise BackupError(_("备份文件缺少有效的清单 manifest.json"), code="no_manifest") from exc
    if manifest.get("format") != FORMAT:
        raise BackupError(_("不支持的备份格式版本 %(format)s"), code="bad_format",
                          params={"format": manifest.get("format")})
    present = {
        str(PurePosixPath(p.relative_to(into).as_posix()))
        for p in into.rglob("*") if p.is_file()
    } - {MANIFEST}
    listed = set(manifest["files"])
    if present != listed:
        raise BackupError(_("备份文件内容与清单不符（缺少或多出 %(count)s 个文件）"),
                          code="members_mismatch", params={"count": len(present ^ listed)})
    for name, expected in manifest["files"].items():
        path = into / name
        if path.stat().st_size != expected["size"] or _sha256(path) != expected["sha256"]:
            raise BackupError(_("文件 %(name)s 的校验和不符，备份已损坏"), code="bad_checksum",
                              params={"name": name})
    return manifest


def _existing_tables(connection) -> list[str]:
    with connection.cursor() as cursor:
        return connection.introspection.table_names(cursor)


def _restore_sqlite(connection, source: Path) -> None:
    connection.close()
    connection.ensure_connection()
    with closing(sqlite3.connect(source)) as copy:
        copy.backup(connection.connection)


def _restore_pg(connection, source: Path, force: bool) -> None:
    if not shutil.which("pg_restore"):
        raise BackupError(_("找不到 pg_restore 程序"), code="no_pg_restore")
    connection.close()
    args, env = _pg_env(connection.settings_dict)
    clean = ["--clean", "--if-exists"] if force else []
    _run(["pg_restore", "--no-owner", "--no-privileges", "--single-transaction",
          "--exit-on-error", *clean, *args, str(source)], env)


def _restore_json(connection, source: Path, manifest: dict) -> None:
    code = _code_migrations()
    archived = manifest["migrations"]
    if code != archived:
        raise BackupError(
            _("备份时的数据库迁移状态与当前代码不同；请用备份时的版本恢复后再升级"),
            code="migrations_differ",
        )
    call_command("migrate", database=connection.alias, interactive=False, verbosity=0)
    with transaction.atomic(using=connection.alias):
        # The database is replaced wholesale, audit log included (SQLite's guard refuses DELETE
        # otherwise; PostgreSQL's flush is TRUNCATE).
        with deletion_allowed():
            call_command("flush", database=connection.alias, interactive=False,
                         inhibit_post_migrate=True, verbosity=0)
        with connection.constraint_checks_disabled(), source.open(encoding="utf-8") as stream:
            loaded = set()
            for obj in serializers.deserialize("jsonl", stream, using=connection.alias):
                obj.save(using=connection.alias)
                loaded.add(type(obj.object))
        connection.check_constraints()
        sql = connection.ops.sequence_reset_sql(no_style(), list(loaded))
        with connection.cursor() as cursor:
            for statement in sql:
                cursor.execute(statement)


def backup_restore(*, archive: Path, force: bool = False,
                   alias: str = DEFAULT_DB_ALIAS) -> dict:
    """Restore `archive` into the (empty) database `alias` and the default media storage.

    Refuses a database with tables or a storage with files unless `force`; verifies the row
    count of every model afterwards. Returns the archive's manifest.
    """
    connection = connections[alias]
    with tempfile.TemporaryDirectory(prefix="gongkai-restore-") as work:
        work = Path(work)
        manifest = _read_archive(Path(archive), work)
        method = manifest["database"]["method"]
        if method != "json" and manifest["database"]["vendor"] != connection.vendor:
            raise BackupError(
                _("该备份来自 %(source)s，不能恢复到 %(target)s；跨数据库请用 --method json 备份"),
                code="vendor_mismatch",
                params={"source": manifest["database"]["vendor"], "target": connection.vendor},
            )
        tables = _existing_tables(connection)
        if tables and not force:
            raise BackupError(
                _("目标数据库不是空的（已有 %(count)s 张表）；请恢复到新建的空数据库，或使用 --force 覆盖"),
                code="database_not_empty", params={"count": len(tables)},
            )
        media = [n for n in manifest["files"] if n.startswith("media/")]
        existing_media = _media_names(default_storage)
        if existing_media and not force:
            raise BackupError(
                _("附件存储不是空的（已有 %(count)s 个文件）；请使用空目录，或使用 --force 覆盖"),
                code="media_not_empty", params={"count": len(existing_media)},
            )

        source = work / manifest["database"]["file"]
        if method == "sqlite":
            _restore_sqlite(connection, source)
        elif method == "pg_dump":
            _restore_pg(connection, source, force)
        else:
            _restore_json(connection, source, manifest)

        with connection.cursor() as cursor:
            tables = set(connection.introspection.table_names(cursor))
            counts, _migrations = _inventory(cursor, tables, connection.ops.quote_name)
        wrong = {
            label: (expected, counts.get(label))
            for label, expected in manifest["counts"].items() if counts.get(label) != expected
        }
        if wrong:
            detail = ", ".join(f"{k}: {a} → {b}" for k, (a, b) in sorted(wrong.items())[:10])
            raise BackupError(_("恢复后的记录数与备份不符：%(detail)s"), code="count_mismatch",
                              params={"detail": detail})

        for member in media:
            name = member.removeprefix("media/")
            if force and default_storage.exists(name):
                default_storage.delete(name)
            with (work / member).open("rb") as stream:
                saved = default_storage.save(name, File(stream))
            if saved != name:
                raise BackupError(_("附件 %(name)s 未能按原名恢复"), code="media_renamed",
                                  params={"name": name})
    # The cache (Redis, or the disk cache) outlives restarts: no page or count of the database
    # that was replaced may be served again.
    bump_content_version()
    return manifest
