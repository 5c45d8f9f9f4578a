"""Gongkai's deployment checks (ids `gongkai_ops.E001` …).

Each check is a small function returning `Error`s with a Chinese + English message. All are
registered as *deployment* checks: they run under `manage.py check --deploy` and
`gongkai check-deploy`, and never during `check`, `migrate`, the test suite or `make demo`,
which run with the development key on purpose. Several of them touch the outside world
(database, Redis, media storage): that is the point of checking before serving.

Settings are read when a check runs, never at import.
"""

from __future__ import annotations

import datetime

from django.core.checks import CheckMessage, Error, Warning, register

TAG = "gongkai"
LOCAL_HOSTS = {"127.0.0.1", "localhost", "[::1]", "::1", "testserver"}
# Deadlines reach up to 40 working days ahead (20 + a 20-day extension, 《条例》第三十三条),
# about 60 calendar days, more across the Spring Festival: the calendar must know every day
# of the next 90.
CALENDAR_HORIZON_DAYS = 90


def _error(msg: str, hint: str, number: int) -> Error:
    return Error(msg, hint=hint, id=f"gongkai_ops.E{number:03d}")


def _warning(msg: str, hint: str, number: int) -> Warning:
    return Warning(msg, hint=hint, id=f"gongkai_ops.W{number:03d}")


def check_secret_key(app_configs=None, **kwargs) -> list[Error]:
    """E001: SECRET_KEY must be set and must not be the development key."""
    from django.conf import settings

    key = getattr(settings, "SECRET_KEY", "")
    dev_key = getattr(settings, "DEV_SECRET_KEY", None)
    if not key or key == dev_key or key.startswith("django-insecure"):
        return [
            _error(
                "SECRET_KEY 未设置或仍是开发用密钥 / SECRET_KEY is unset or still the "
                "development key.",
                "在环境变量 SECRET_KEY 中设置至少 50 个随机字符 / set SECRET_KEY to 50+ random "
                "characters, e.g. `python -c 'import secrets; print(secrets.token_urlsafe(64))'`.",
                1,
            )
        ]
    return []


def check_debug(app_configs=None, **kwargs) -> list[Error]:
    """E002: DEBUG must be off in production (it shows source code and settings on errors)."""
    from django.conf import settings

    if settings.DEBUG:
        return [
            _error(
                "DEBUG 处于开启状态 / DEBUG is on.",
                "删除环境变量 DEBUG 或设为 0 / unset DEBUG or set DEBUG=0.",
                2,
            )
        ]
    return []


def check_allowed_hosts(app_configs=None, **kwargs) -> list[Error]:
    """E003: ALLOWED_HOSTS must name the site's public host names, without a wildcard."""
    from django.conf import settings

    hosts = set(settings.ALLOWED_HOSTS)
    if "*" in hosts:
        return [
            _error(
                "ALLOWED_HOSTS 含有通配符 * / ALLOWED_HOSTS contains the wildcard '*'.",
                "列出站点的域名，如 ALLOWED_HOSTS=gongkai.example.gov.cn / list the site's "
                "host names.",
                3,
            )
        ]
    if not hosts - LOCAL_HOSTS:
        return [
            _error(
                "ALLOWED_HOSTS 未设置站点域名（只有本机地址）/ ALLOWED_HOSTS names no public "
                "host (only local addresses).",
                "设置 ALLOWED_HOSTS=站点域名（逗号分隔）/ set ALLOWED_HOSTS to the site's host "
                "names, comma-separated.",
                3,
            )
        ]
    return []


def check_databases(app_configs=None, **kwargs) -> list[Error]:
    """E004: every configured database (primary and replicas) answers."""
    from django.db import connections

    errors = []
    for alias in connections:
        try:
            connections[alias].ensure_connection()
        except Exception as exc:  # any driver error means "not reachable"; report it verbatim
            errors.append(
                _error(
                    f"无法连接数据库 “{alias}” / database '{alias}' is not reachable: {exc}",
                    "检查 DATABASE_URL / DATABASE_REPLICA_URLS 以及数据库服务是否运行 / check "
                    "DATABASE_URL, DATABASE_REPLICA_URLS and that the server runs.",
                    4,
                )
            )
    return errors


def check_migrations(app_configs=None, **kwargs) -> list[Error]:
    """E005: the primary database has every migration of this code applied."""
    from django.db import DEFAULT_DB_ALIAS, connections
    from django.db.migrations.executor import MigrationExecutor

    connection = connections[DEFAULT_DB_ALIAS]
    try:
        connection.ensure_connection()
    except Exception:
        return []  # E004 already says so
    executor = MigrationExecutor(connection)
    plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
    if plan:
        names = ", ".join(f"{m.app_label}.{m.name}" for m, _backwards in plan[:5])
        return [
            _error(
                f"有 {len(plan)} 个数据库迁移尚未执行 / {len(plan)} migration(s) not applied: "
                f"{names}",
                "先备份（gongkai backup），再执行 gongkai migrate / back up first "
                "(`gongkai backup`), then run `gongkai migrate`.",
                5,
            )
        ]
    return []


def check_calendar(app_configs=None, **kwargs) -> list[CheckMessage]:
    """E006: the working-day calendar knows every day of the current year. W006: a later year
    within the coming CALENDAR_HORIZON_DAYS has no schedule yet.

    The State Council publishes next year's holidays in late autumn, often after the site must
    already compute deadlines that reach into January. Those deadlines are computed with an
    assumed year (weekends and fixed-date holidays) and shown as 暂定 (workdays, provisional),
    so a missing *next* year is a warning to act on, not a reason to refuse to deploy; a
    missing *current* year would make every deadline provisional and stays an error.
    """
    from django.utils import timezone

    try:
        from gongkai.workdays import year_is_covered
    except ImportError as exc:
        return [
            _error(
                f"工作日历服务不可用 / the working-day calendar is unavailable: {exc}",
                "确认 gongkai.workdays 已安装且提供 year_is_covered() / make sure "
                "gongkai.workdays provides year_is_covered().",
                6,
            )
        ]
    today = timezone.localdate()
    last = today + datetime.timedelta(days=CALENDAR_HORIZON_DAYS)
    messages: list[CheckMessage] = []
    for year in range(today.year, last.year + 1):
        try:
            covered = year_is_covered(year)
        except Exception as exc:  # e.g. the overrides table is unreachable
            covered, detail = False, f" ({exc})"
        else:
            detail = ""
        if covered:
            continue
        hint = (
            f"升级 chinesecalendar，或由管理员在“工作日历”中录入 {year} 年的安排 / "
            f"upgrade chinesecalendar or enter the {year} schedule as an administrator."
        )
        if year == today.year:
            messages.append(_error(
                f"工作日历缺少 {year} 年的节假日安排，本年的办理期限都只能暂定{detail} / the "
                f"working-day calendar has no schedule for {year}: every deadline this year "
                "would be provisional.",
                hint, 6,
            ))
        else:
            messages.append(_warning(
                f"工作日历尚无 {year} 年的节假日安排，跨入 {year} 年的办理期限按双休日和固定节日"
                f"暂定计算，并标注“暂定”{detail} / the working-day calendar has no schedule for "
                f"{year} yet: deadlines reaching into {year} are provisional (weekends and "
                "fixed-date holidays) and marked as such.",
                hint + " 国务院办公厅通知发布后即录入 / enter it once the State Council publishes it.",
                6,
            ))
    return messages


def check_field_encryption(app_configs=None, **kwargs) -> list[Error]:
    """E007: applicants' personal data must be encrypted with the site's own keys."""
    from django.conf import settings

    if not getattr(settings, "FIELD_ENCRYPTION_KEYS", None):
        return [
            _error(
                "FIELD_ENCRYPTION_KEYS 未设置，申请人个人信息将用开发密钥加密 / "
                "FIELD_ENCRYPTION_KEYS is not set: personal data would be encrypted with the "
                "development key.",
                "生成密钥并妥善备份 / generate a key and keep a copy apart from the backups: "
                "`python -c 'from cryptography.fernet import Fernet; "
                "print(Fernet.generate_key().decode())'`.",
                7,
            )
        ]
    return []


def check_redis(app_configs=None, **kwargs) -> list[Error]:
    """E008: the cache answers (Redis with REDIS_URL, else the disk cache in CACHE_DIR), and so
    does the task queue's Redis when the RQ backend is configured."""
    from django.conf import settings
    from django.core.cache import cache

    errors = []
    try:
        cache.set("gongkai:deploy-check", "ok", 10)
        ok, detail = cache.get("gongkai:deploy-check") == "ok", ""
    except Exception as exc:  # redis-py's ConnectionError family; OSError from the disk cache
        ok, detail = False, str(exc)
    if not ok and getattr(settings, "REDIS_URL", ""):
        errors.append(_error(
            f"缓存 Redis 无法使用 / the Redis cache does not answer: {detail}",
            "检查 REDIS_URL 与 Redis 服务 / check REDIS_URL and the Redis server.",
            8,
        ))
    elif not ok:
        errors.append(_error(
            f"磁盘缓存不可写 / the disk cache is not writable: {detail}",
            "把 CACHE_DIR 设为站点用户可写的目录（systemd 的 ProtectSystem=strict 下须在 "
            "ReadWritePaths 之内）/ set CACHE_DIR to a folder the site's user may write "
            "(inside ReadWritePaths under ProtectSystem=strict).",
            8,
        ))
    if getattr(settings, "RQ_QUEUES", None):
        import django_rq

        try:
            django_rq.get_connection().ping()
        except Exception as exc:
            errors.append(
                _error(
                    f"任务队列 Redis 无法连接 / the task queue's Redis does not answer: {exc}",
                    "检查 TASKS_REDIS_URL / REDIS_URL / check TASKS_REDIS_URL or REDIS_URL.",
                    8,
                )
            )
    return errors


def check_media_storage(app_configs=None, **kwargs) -> list[Error]:
    """E009: uploaded files can be written to and removed from the media storage."""
    from django.core.files.base import ContentFile
    from django.core.files.storage import default_storage

    try:
        name = default_storage.save(".gongkai-deploy-check", ContentFile(b"ok"))
        default_storage.delete(name)
    except Exception as exc:  # OSError locally, botocore errors on S3
        return [
            _error(
                f"附件存储不可写 / the media storage is not writable: {exc}",
                "检查 MEDIA_ROOT 的权限，或 AWS_* / S3 设置 / check MEDIA_ROOT permissions or "
                "the AWS_* (S3) settings.",
                9,
            )
        ]
    return []


ALL_CHECKS = [
    check_secret_key,
    check_debug,
    check_allowed_hosts,
    check_databases,
    check_migrations,
    check_calendar,
    check_field_encryption,
    check_redis,
    check_media_storage,
]


def register_all() -> None:
    for check in ALL_CHECKS:
        register(check, TAG, deploy=True)
