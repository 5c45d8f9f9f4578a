"""Gongkai's one settings module: every deployment value comes from the environment.

Unset, the defaults give the embedded site: SQLite in the project folder, a disk cache shared by
the worker processes (var/cache), an in-process task runner, media on local disk. See README.md ("配置 / Configuration") for every variable.
App code never reads settings at import time.
"""

from __future__ import annotations

import os
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEV_SECRET_KEY = "gongkai-insecure-development-key-do-not-use-in-production"
SECRET_KEY = os.environ.get("SECRET_KEY") or DEV_SECRET_KEY
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,[::1],testserver")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000").rstrip("/")

INSTALLED_APPS = [
    "gongkai.accounts.apps.AdminConfig",  # the admin behind the two-step login
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
    "django_tasks",
    "ninja",
    "axes",
    "csp",
    "django_otp",
    "django_otp.plugins.otp_totp",
    # Gongkai: one app per statutory function.
    "gongkai.accounts",
    "gongkai.audit",
    "gongkai.agencies",
    "gongkai.workdays",
    "gongkai.catalog",
    "gongkai.search",
    "gongkai.applications",
    "gongkai.privacy",
    "gongkai.appeals",
    "gongkai.worklog",
    "gongkai.responses",
    "gongkai.participation",
    "gongkai.powers",
    "gongkai.guides",
    "gongkai.reports",
    "gongkai.supervision",
    "gongkai.demo",
    "gongkai.ops",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "gongkai.accounts.middleware.StaffTwoFactorMiddleware",
    "csp.middleware.CSPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "gongkai.urls"
WSGI_APPLICATION = "gongkai.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "gongkai" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "gongkai.agencies.context_processors.staff_roles",
                "gongkai.site_identity.context",
            ],
        },
    },
]

# --- Database ------------------------------------------------------------------------------
# DATABASE_URL unset → SQLite file in the project folder (WAL, immediate transactions so that
# concurrent writers queue instead of failing). PostgreSQL via psycopg 3 with connection reuse.
DATABASE_URL = os.environ.get("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}"
DATABASES = {
    "default": dj_database_url.parse(
        DATABASE_URL,
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Connections are reused here too (CONN_MAX_AGE): opening one and running the PRAGMAs below
    # cost 3 ms of a 7.7 ms document page (bench/load.py).
    # Tests use a file per process, not Django's shared in-memory database: its table locks fail
    # at once instead of waiting, so concurrent-publication tests need real SQLite locking.
    DATABASES["default"]["TEST"] = {
        "NAME": os.path.join(os.environ.get("TMPDIR", "/tmp"), f"gongkai-test-{os.getpid()}.sqlite3")
    }
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
            "init_command": (
                "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;"
                # INSERT OR REPLACE fires DELETE triggers (the audit log's guard) only with this.
                " PRAGMA recursive_triggers=ON;"
            ),
        }
    )
# Read replicas: DATABASE_REPLICA_URLS (comma-separated) adds aliases replica_1, replica_2 …;
# gongkai.db_router sends anonymous GET/HEAD reads there and keeps everything else (writes,
# transactions, logged-in users, a few seconds after a write) on the primary "default".
DATABASE_REPLICA_URLS = env_list("DATABASE_REPLICA_URLS")
for _number, _url in enumerate(DATABASE_REPLICA_URLS, start=1):
    DATABASES[f"replica_{_number}"] = dj_database_url.parse(
        _url,
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "60")),
        conn_health_checks=True,
        test_options={"MIRROR": "default"},
    )
DATABASE_ROUTERS = ["gongkai.db_router.PrimaryReplicaRouter"] if DATABASE_REPLICA_URLS else []
REPLICA_PIN_SECONDS = int(os.environ.get("REPLICA_PIN_SECONDS", "10"))
if DATABASE_REPLICA_URLS:
    MIDDLEWARE.insert(
        MIDDLEWARE.index("django.contrib.sessions.middleware.SessionMiddleware"),
        "gongkai.db_router.ReplicaRoutingMiddleware",
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Cache, sessions, tasks -------------------------------------------------------------------
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            # Parallel test processes each have their own database: give each its own keys.
            "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "gongkai")
            + os.environ.get("PYTEST_XDIST_WORKER", ""),
        }
    }
else:
    # One cache for every worker process of the machine (SQLite files through diskcache):
    # a page rendered by one worker serves all, and a publication, a rate limit or a session
    # seen by one is seen by all. An in-process cache held a copy per worker, which neither
    # shared pages nor kept the API's rate limit at its figure, and needed a file in /tmp to
    # invalidate the other workers' pages.
    CACHES = {
        "default": {
            "BACKEND": "gongkai.disk_cache.SharedDiskCache",
            # Parallel test processes each have their own database: give each its own cache.
            "LOCATION": str(Path(os.environ.get("CACHE_DIR") or BASE_DIR / "var" / "cache")
                            / (os.environ.get("PYTEST_XDIST_WORKER") or "default")),
            "SHARDS": 4,
            # Seconds a read waits on another process's write before it counts as a miss (the
            # page is rendered); writes and version bumps retry until they are stored.
            "DATABASE_TIMEOUT": 0.05,
            "OPTIONS": {"size_limit": int(os.environ.get("CACHE_SIZE_MB", "1024")) * 2**20},
        }
    }
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
# Public pages for anonymous visitors (gongkai/page_cache.py): seconds a page stays cached; 0 = off.
GONGKAI_PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "300"))
# Lists (catalog, API) count exactly up to this many rows; above it, PostgreSQL's estimate
# ("约 N 条", gongkai/counts.py).
# 《条例》第四十四条: requests for the same information from this many different applicants
# are proposed for proactive disclosure (the 条例 says 多个申请人; at least 2).
GONGKAI_ART44_APPLICANTS = int(os.environ.get("ART44_APPLICANTS", "3"))
GONGKAI_EXACT_COUNT_LIMIT = int(os.environ.get("EXACT_COUNT_LIMIT", "10000"))
SESSION_COOKIE_AGE = int(os.environ.get("SESSION_COOKIE_AGE", str(8 * 3600)))
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True

# Background tasks (django-tasks). Unset → in-process (ImmediateBackend): tests and the demo
# need no broker. REDIS_URL set (or TASKS_BACKEND=rq) → an RQ queue in Redis, run by the worker
# pool of `gongkai worker` (django-tasks-rq). TASKS_BACKEND=immediate forces in-process.
TASKS_BACKEND = os.environ.get("TASKS_BACKEND", "").strip().lower() or (
    "rq" if REDIS_URL else "immediate"
)
if TASKS_BACKEND == "rq":
    # TASKS_QUEUES: comma-separated extra queue names beside "default" (which every task
    # declared without a queue uses), all in one Redis database.
    RQ_QUEUES = {
        name: {
            "URL": os.environ.get("TASKS_REDIS_URL") or REDIS_URL or "redis://127.0.0.1:6379/0",
            "DEFAULT_TIMEOUT": int(os.environ.get("TASKS_TIMEOUT", "900")),
        }
        for name in dict.fromkeys(["default", *env_list("TASKS_QUEUES")])
    }
    TASKS = {"default": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": list(RQ_QUEUES)}}
    INSTALLED_APPS.append("django_rq")
elif TASKS_BACKEND == "immediate":
    TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
else:
    raise ValueError(f"TASKS_BACKEND must be 'immediate' or 'rq', not {TASKS_BACKEND!r}")
# `gongkai worker`: how many worker processes the pool runs (its --processes default).
GONGKAI_WORKER_PROCESSES = int(os.environ.get("WORKER_PROCESSES", "2"))
# `gongkai backup`: where archives go unless --output says otherwise (relative: to the cwd).
GONGKAI_BACKUP_DIR = os.environ.get("BACKUP_DIR", "backups")

# --- Authentication ---------------------------------------------------------------------------
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "accounts:home"
LOGOUT_REDIRECT_URL = "catalog:home"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "gongkai.accounts.passwords.MinimumLengthValidator",
     "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# Failed logins are limited (django-axes): after AXES_FAILURE_LIMIT failures for one user name
# from one address, further attempts are refused for AXES_COOLOFF_TIME hours.
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = float(os.environ.get("AXES_COOLOFF_HOURS", "0.5"))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False
AXES_CLIENT_IP_CALLABLE = "gongkai.client_address.client_address"

# --- Internationalisation ---------------------------------------------------------------------
LANGUAGE_CODE = "zh-hans"
LANGUAGES = [("zh-hans", _("简体中文"))]
TIME_ZONE = os.environ.get("TIME_ZONE", "Asia/Shanghai")
USE_I18N = True
USE_TZ = True
LOCALE_PATHS = [BASE_DIR / "gongkai" / "locale"]

# --- Static and media files -------------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "gongkai" / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedStaticFilesStorage"
        )
    },
}
# Media on S3-compatible storage (django-storages, `pip install gongkai[s3]`) when a bucket is
# named; the backend is a dotted path, so boto3 is imported only when a file is touched.
AWS_STORAGE_BUCKET_NAME = os.environ.get("AWS_STORAGE_BUCKET_NAME", "")
if AWS_STORAGE_BUCKET_NAME:
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": AWS_STORAGE_BUCKET_NAME,
            "endpoint_url": os.environ.get("AWS_S3_ENDPOINT_URL") or None,
            "region_name": os.environ.get("AWS_S3_REGION_NAME") or None,
            "access_key": os.environ.get("AWS_ACCESS_KEY_ID") or None,
            "secret_key": os.environ.get("AWS_SECRET_ACCESS_KEY") or None,
            "custom_domain": os.environ.get("AWS_S3_CUSTOM_DOMAIN") or None,
            "location": os.environ.get("AWS_LOCATION", "media"),
            "addressing_style": os.environ.get("AWS_S3_ADDRESSING_STYLE") or None,
            "default_acl": None,
            "file_overwrite": False,
            "querystring_auth": env_bool("AWS_QUERYSTRING_AUTH", True),
            "querystring_expire": int(os.environ.get("AWS_QUERYSTRING_EXPIRE", "3600")),
        },
    }
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = DEBUG

# Uploads: attachments are checked by content and limited in size (bytes).
GONGKAI_ATTACHMENT_MAX_BYTES = int(os.environ.get("ATTACHMENT_MAX_BYTES", str(20 * 1024 * 1024)))
# Reading report files and spreadsheets nobody vouches for (the report checks, the figures
# import) happens in a child process within these limits (gongkai.reportformat.sandbox).
REPORT_PARSE_LIMITS = {
    "memory_mb": int(os.environ.get("REPORT_PARSE_MEMORY_MB", "512")),
    "cpu_seconds": int(os.environ.get("REPORT_PARSE_CPU_SECONDS", "20")),
    "wall_seconds": int(os.environ.get("REPORT_PARSE_WALL_SECONDS", "30")),
    "max_pages": int(os.environ.get("REPORT_PARSE_MAX_PAGES", "100")),
    "max_inflated_mb": int(os.environ.get("REPORT_PARSE_MAX_INFLATED_MB", "50")),
    "concurrency": int(os.environ.get("REPORT_PARSE_CONCURRENCY", "2")),
}
# Applicants' ID numbers, phones and addresses are encrypted at rest (gongkai.privacy):
# comma-separated Fernet keys, the first encrypts, all decrypt. Unset → a development key.
FIELD_ENCRYPTION_KEYS = env_list("FIELD_ENCRYPTION_KEYS")
# Days after closing before `gongkai erase_personal_data` erases an applicant's details. Five
# years (with leap days): the longest time a reply can still be taken to court (《行政诉讼法》
# 第四十六条第二款), so the handler can still identify the applicant in any case that arrives.
PERSONAL_DATA_RETENTION_DAYS = int(os.environ.get("PERSONAL_DATA_RETENTION_DAYS", "1827"))
DATA_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024
DATA_UPLOAD_MAX_NUMBER_FIELDS = 2000

# --- Email ------------------------------------------------------------------------------------
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "gongkai@localhost")

# --- Security headers -------------------------------------------------------------------------
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", False)
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "0"))
SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", False)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
if env_bool("BEHIND_TLS_PROXY", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# Reverse proxies in front of the site that append the client's address to X-Forwarded-For
# (nginx in the deployment guide: 1). Every limit per address (API throttle, public forms,
# login lockout) keys on gongkai.client_address.client_address(), which reads it; 0 ignores
# the header, which any client can write.
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))

# Site identity, shown as Chinese government sites show it (gongkai/site_identity.py): the
# government's name in the header; 主办单位, 承办单位, 网站标识码, ICP 备案号 and 公安机关备案号 in the
# footer. Empty values are left out. See the README, "Site identity".
GONGKAI_SITE = {
    "name": os.environ.get("SITE_NAME", ""),
    "owner": os.environ.get("SITE_OWNER", ""),
    "operator": os.environ.get("SITE_OPERATOR", ""),
    "code": os.environ.get("SITE_CODE", ""),
    "icp": os.environ.get("SITE_ICP", ""),
    "police_record": os.environ.get("SITE_POLICE_RECORD", ""),
    "contact": os.environ.get("SITE_CONTACT", ""),
}

# Content-Security-Policy (django-csp): no inline scripts or styles, nothing from other hosts.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}
# Two-factor login (TOTP, django-otp): staff who have set up an authenticator must enter a code
# at login. With GONGKAI_REQUIRE_STAFF_OTP on, staff without one are sent to set it up first.
GONGKAI_REQUIRE_STAFF_OTP = env_bool("REQUIRE_STAFF_OTP", False)
# JSON API (django-ninja): page size and the largest `limit` a client may ask for.
NINJA_PAGINATION_PER_PAGE = 20
NINJA_PAGINATION_MAX_LIMIT = 100
# Supervision dashboard: a catalog column without new documents for this many days is stale.
SUPERVISION_STALE_DAYS = int(os.environ.get("SUPERVISION_STALE_DAYS", "90"))
OTP_TOTP_ISSUER = "Gongkai 公开"

# --- Logging ----------------------------------------------------------------------------------
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}
