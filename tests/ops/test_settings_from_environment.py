"""Settings read the environment: the embedded defaults, and each production switch."""

from __future__ import annotations

import json

import pytest

from .conftest import child_env, run_gongkai, run_module


def probe(**env: str) -> dict:
    return json.loads(run_module("tests.ops.settings_probe", env=child_env(**env)).stdout)


def test_without_configuration_the_site_is_embedded():
    s = probe(DATABASE_URL="", TASKS_BACKEND="")
    assert s["engine"] == "django.db.backends.sqlite3"
    assert s["conn_max_age"] == 60  # reused: a new SQLite connection per request cost 3 ms
    assert s["databases"] == ["default"]
    assert s["routers"] == []
    assert s["cache"] == "gongkai.disk_cache.SharedDiskCache"  # shared by the worker processes
    assert s["tasks"] == "django_tasks.backends.immediate.ImmediateBackend"
    assert s["django_rq"] is False
    assert s["media_storage"] == "django.core.files.storage.FileSystemStorage"
    assert s["static_storage"] == "whitenoise.storage.CompressedStaticFilesStorage"


def test_database_url_selects_postgresql_with_connection_reuse_and_health_checks():
    s = probe(DATABASE_URL="postgres://gongkai:pw@db.internal:5432/gongkai")
    assert s["engine"] == "django.db.backends.postgresql"
    assert s["conn_max_age"] == 60
    assert s["conn_health_checks"] is True


def test_replica_urls_add_one_alias_each_mirrored_in_tests():
    s = probe(DATABASE_URL="postgres://p@primary/g",
              DATABASE_REPLICA_URLS="postgres://p@replica1/g, postgres://p@replica2/g")
    assert s["databases"] == ["default", "replica_1", "replica_2"]
    assert s["replica_test"] == {"default": None, "replica_1": "default", "replica_2": "default"}
    assert s["routers"] == ["gongkai.db_router.PrimaryReplicaRouter"]


def test_redis_url_selects_the_redis_cache_and_the_redis_task_queue():
    s = probe(REDIS_URL="redis://127.0.0.1:6379/3", TASKS_BACKEND="")
    assert s["cache"] == "django.core.cache.backends.redis.RedisCache"
    assert s["session_engine"] == "django.contrib.sessions.backends.cached_db"
    assert s["tasks"] == "django_tasks_rq.RQBackend"
    assert s["rq_urls"] == {"default": "redis://127.0.0.1:6379/3"}
    assert s["django_rq"] is True


def test_tasks_can_use_their_own_redis_and_extra_queues():
    s = probe(REDIS_URL="redis://cache:6379/0", TASKS_REDIS_URL="redis://queue:6379/1",
              TASKS_QUEUES="reports,mail", TASKS_BACKEND="")
    assert s["task_queues"] == ["default", "reports", "mail"]
    assert set(s["rq_urls"].values()) == {"redis://queue:6379/1"}


def test_tasks_backend_immediate_keeps_tasks_in_process_with_redis_configured():
    s = probe(REDIS_URL="redis://127.0.0.1:6379/3", TASKS_BACKEND="immediate")
    assert s["cache"] == "django.core.cache.backends.redis.RedisCache"
    assert s["tasks"] == "django_tasks.backends.immediate.ImmediateBackend"


def test_an_unknown_tasks_backend_stops_the_site():
    with pytest.raises(AssertionError, match="TASKS_BACKEND"):
        probe(TASKS_BACKEND="celery")


def test_a_bucket_name_puts_media_on_s3_without_importing_boto3_at_startup():
    s = probe(AWS_STORAGE_BUCKET_NAME="gongkai-media", AWS_S3_ENDPOINT_URL="https://oss.example.cn",
              AWS_S3_REGION_NAME="cn-north-1", AWS_S3_ADDRESSING_STYLE="path")
    assert s["media_storage"] == "storages.backends.s3.S3Storage"
    assert s["media_options"]["bucket_name"] == "gongkai-media"
    assert s["media_options"]["endpoint_url"] == "https://oss.example.cn"
    assert s["media_options"]["addressing_style"] == "path"
    assert s["media_options"]["file_overwrite"] is False
    assert s["boto3_imported"] is False


def test_collectstatic_writes_compressed_files_with_debug_off(tmp_path):
    static_root = tmp_path / "static"
    run_gongkai("collectstatic", "--noinput", env=child_env(DEBUG="0", STATIC_ROOT=str(static_root)))
    css = static_root / "gongkai" / "css" / "site.css"
    assert css.is_file()
    assert (static_root / "gongkai" / "css" / "site.css.gz").is_file()


def test_whitenoise_serves_static_files_with_debug_off(client, settings):
    settings.DEBUG = False
    response = client.get("/static/gongkai/css/site.css")
    assert response.status_code == 200
    assert b"".join(response.streaming_content)


def test_the_worker_and_backup_defaults_are_settings_read_from_the_environment():
    assert probe()["worker_processes"] == 2 and probe()["backup_dir"] == "backups"
    s = probe(WORKER_PROCESSES="5", BACKUP_DIR="/var/backups/gongkai")
    assert (s["worker_processes"], s["backup_dir"]) == (5, "/var/backups/gongkai")


def test_the_commands_take_their_defaults_from_settings(settings):
    from gongkai.ops.management.commands import backup, worker

    settings.GONGKAI_WORKER_PROCESSES, settings.GONGKAI_BACKUP_DIR = 7, "/srv/archives"
    defaults = {}
    for command in (worker.Command(), backup.Command()):
        defaults |= vars(command.create_parser("gongkai", command.__module__).parse_args([]))
    assert (defaults["processes"], defaults["output"]) == (7, "/srv/archives")


def test_only_settings_py_reads_the_environment():
    """Deployment values are read once, in settings.py; elsewhere os.environ is only set for
    bootstrapping (DJANGO_SETTINGS_MODULE) or copied for a child process (pg_dump)."""
    import ast
    from pathlib import Path

    root = Path(__file__).resolve().parents[2] / "gongkai"
    allowed = {"settings.py", "asgi.py", "wsgi.py", "__main__.py", "ops/backup.py"}
    readers = []
    for path in root.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            is_environ = isinstance(node, ast.Attribute) and node.attr in ("environ", "getenv")
            if is_environ and str(path.relative_to(root)) not in allowed:
                readers.append(f"{path.relative_to(root)}:{node.lineno}")
    assert readers == []
