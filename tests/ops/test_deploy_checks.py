"""`gongkai check-deploy` and the deployment checks gongkai_ops.E001 … E009."""

from __future__ import annotations

import datetime
import io
import sys
import zoneinfo

import pytest
import time_machine
from cryptography.fernet import Fernet
from django.core.checks import run_checks
from django.core.management import call_command
from django.core.management.base import SystemCheckError

from gongkai.ops import checks

from .conftest import child_env, run_gongkai

SHANGHAI = zoneinfo.ZoneInfo("Asia/Shanghai")
GOOD_KEY = "k" * 20 + "-production-secret-" + "z" * 20


def ids(errors) -> list[str]:
    return [e.id for e in errors]


def test_the_development_secret_key_is_an_error(settings):
    settings.SECRET_KEY = settings.DEV_SECRET_KEY
    assert ids(checks.check_secret_key()) == ["gongkai_ops.E001"]
    settings.SECRET_KEY = GOOD_KEY
    assert checks.check_secret_key() == []


def test_debug_on_is_an_error(settings):
    settings.DEBUG = True
    assert ids(checks.check_debug()) == ["gongkai_ops.E002"]
    settings.DEBUG = False
    assert checks.check_debug() == []


@pytest.mark.parametrize("hosts", [["*"], ["127.0.0.1", "localhost", "testserver"], []])
def test_allowed_hosts_must_name_the_public_site(settings, hosts):
    settings.ALLOWED_HOSTS = hosts
    assert ids(checks.check_allowed_hosts()) == ["gongkai_ops.E003"]


def test_allowed_hosts_with_the_site_name_pass(settings):
    settings.ALLOWED_HOSTS = ["gongkai.xihua.gov.cn", "127.0.0.1"]
    assert checks.check_allowed_hosts() == []


@pytest.mark.django_db
def test_a_reachable_and_migrated_database_passes():
    assert checks.check_databases() == []
    assert checks.check_migrations() == []


def test_in_december_a_missing_next_year_is_a_warning_not_a_refusal(monkeypatch):
    """Next year's holidays are often published after deadlines already reach into January:
    those deadlines are provisional (暂定), which the deploy check says without failing."""
    import gongkai.workdays

    monkeypatch.setattr(gongkai.workdays, "year_is_covered", lambda year: year == 2026)
    with time_machine.travel(datetime.datetime(2026, 12, 1, 9, tzinfo=SHANGHAI), tick=False):
        messages = checks.check_calendar()
    assert ids(messages) == ["gongkai_ops.W006"]
    assert "2027" in messages[0].msg and "暂定" in messages[0].msg
    assert not messages[0].is_serious()


def test_in_summer_only_the_current_year_is_needed(monkeypatch):
    import gongkai.workdays

    monkeypatch.setattr(gongkai.workdays, "year_is_covered", lambda year: year == 2026)
    with time_machine.travel(datetime.datetime(2026, 6, 1, 9, tzinfo=SHANGHAI), tick=False):
        assert checks.check_calendar() == []


def test_a_year_without_a_schedule_is_named_in_the_error(monkeypatch):
    import gongkai.workdays

    monkeypatch.setattr(gongkai.workdays, "year_is_covered", lambda year: False)
    with time_machine.travel(datetime.datetime(2026, 6, 1, 9, tzinfo=SHANGHAI), tick=False):
        errors = checks.check_calendar()
    assert ids(errors) == ["gongkai_ops.E006"]
    assert "2026" in errors[0].msg


def test_a_missing_calendar_service_is_reported_not_raised(monkeypatch):
    monkeypatch.setitem(sys.modules, "gongkai.workdays", None)
    errors = checks.check_calendar()
    assert ids(errors) == ["gongkai_ops.E006"]
    assert "unavailable" in errors[0].msg


def test_field_encryption_keys_must_be_set(settings):
    settings.FIELD_ENCRYPTION_KEYS = []
    assert ids(checks.check_field_encryption()) == ["gongkai_ops.E007"]
    settings.FIELD_ENCRYPTION_KEYS = ["a-key"]
    assert checks.check_field_encryption() == []


def test_an_unreachable_redis_is_an_error(settings):
    settings.REDIS_URL = "redis://127.0.0.1:1/0"
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache",
                                   "LOCATION": "redis://127.0.0.1:1/0"}}
    assert "gongkai_ops.E008" in ids(checks.check_redis())


def test_an_unwritable_disk_cache_is_an_error(settings, tmp_path):
    """Without Redis the site caches under CACHE_DIR; a folder it may not write fails every page."""
    blocker = tmp_path / "not-a-directory"
    blocker.write_text("x")
    settings.REDIS_URL = ""
    settings.CACHES = {"default": {"BACKEND": "gongkai.disk_cache.SharedDiskCache",
                                   "LOCATION": str(blocker / "cache")}}
    found = checks.check_redis()
    assert ids(found) == ["gongkai_ops.E008"]
    assert "CACHE_DIR" in found[0].hint


def test_an_unwritable_media_storage_is_an_error(settings, tmp_path):
    blocker = tmp_path / "not-a-directory"
    blocker.write_text("x")
    settings.MEDIA_ROOT = blocker
    assert ids(checks.check_media_storage()) == ["gongkai_ops.E009"]


def test_a_writable_media_storage_passes_and_keeps_nothing(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    assert checks.check_media_storage() == []
    assert list((tmp_path / "media").iterdir()) == []


def test_the_checks_run_only_as_deployment_checks(settings):
    """`make test` and `make demo` run with the development key: plain `check` stays quiet."""
    settings.SECRET_KEY = settings.DEV_SECRET_KEY
    settings.DEBUG = False
    assert not [e for e in run_checks() if e.id.startswith("gongkai_ops.")]
    deploy = [e.id for e in run_checks(include_deployment_checks=True, tags=[checks.TAG])]
    assert "gongkai_ops.E001" in deploy


@pytest.mark.django_db
def test_check_deploy_passes_on_a_configured_site(settings, monkeypatch, tmp_path):
    import gongkai.workdays

    monkeypatch.setattr(gongkai.workdays, "year_is_covered", lambda year: True)
    # Browser tests in the same process set this; a deployment must not (async.E001).
    monkeypatch.delenv("DJANGO_ALLOW_ASYNC_UNSAFE", raising=False)
    settings.SECRET_KEY = GOOD_KEY
    settings.DEBUG = False
    settings.ALLOWED_HOSTS = ["gongkai.xihua.gov.cn"]
    settings.FIELD_ENCRYPTION_KEYS = [Fernet.generate_key().decode()]
    out = io.StringIO()
    call_command("check_deploy", stdout=out, stderr=io.StringIO())
    assert "部署检查通过" in out.getvalue()


@pytest.mark.django_db
def test_check_deploy_fails_on_the_development_key(settings):
    settings.SECRET_KEY = settings.DEV_SECRET_KEY
    with pytest.raises(SystemCheckError, match="gongkai_ops.E001"):
        call_command("check_deploy", stdout=io.StringIO(), stderr=io.StringIO())


def test_gongkai_check_deploy_exits_non_zero_with_every_problem(tmp_path):
    """The console command, as systemd's ExecStartPre runs it, on an unconfigured site."""
    env = child_env(DATABASE_URL=f"sqlite:///{tmp_path / 'empty.sqlite3'}", SECRET_KEY="",
                    ALLOWED_HOSTS="", FIELD_ENCRYPTION_KEYS="", MEDIA_ROOT=str(tmp_path / "m"))
    result = run_gongkai("check-deploy", env=env, check=False)
    assert result.returncode == 1
    for code in ("E001", "E003", "E005", "E007"):
        assert f"gongkai_ops.{code}" in result.stderr
    assert "SECRET_KEY 未设置或仍是开发用密钥" in result.stderr


def test_gongkai_check_deploy_reports_an_unreachable_database(tmp_path):
    env = child_env(DATABASE_URL="postgres://postgres@127.0.0.1:1/nothing")
    result = run_gongkai("check-deploy", env=env, check=False)
    assert result.returncode == 1
    assert "gongkai_ops.E004" in result.stderr
