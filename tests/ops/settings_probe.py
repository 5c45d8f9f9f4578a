"""Print, as JSON, the settings that the environment decides (run in a child process)."""

import json
import os
import sys

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "gongkai.settings")
django.setup()

from django.conf import settings  # noqa: E402

default = settings.DATABASES["default"]
print(json.dumps({
    "engine": default["ENGINE"],
    "conn_max_age": default["CONN_MAX_AGE"],
    "conn_health_checks": default["CONN_HEALTH_CHECKS"],
    "databases": sorted(settings.DATABASES),
    "replica_test": {a: c.get("TEST", {}).get("MIRROR") for a, c in settings.DATABASES.items()},
    "routers": settings.DATABASE_ROUTERS,
    "cache": settings.CACHES["default"]["BACKEND"],
    "session_engine": settings.SESSION_ENGINE,
    "tasks": settings.TASKS["default"]["BACKEND"],
    "task_queues": settings.TASKS["default"].get("QUEUES"),
    "rq_urls": {k: v["URL"] for k, v in getattr(settings, "RQ_QUEUES", {}).items()},
    "django_rq": "django_rq" in settings.INSTALLED_APPS,
    "media_storage": settings.STORAGES["default"]["BACKEND"],
    "media_options": settings.STORAGES["default"].get("OPTIONS", {}),
    "static_storage": settings.STORAGES["staticfiles"]["BACKEND"],
    "boto3_imported": "boto3" in sys.modules,
    "worker_processes": settings.GONGKAI_WORKER_PROCESSES,
    "backup_dir": settings.GONGKAI_BACKUP_DIR,
}))
