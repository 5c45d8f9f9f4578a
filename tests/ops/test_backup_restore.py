"""`gongkai backup` / `gongkai restore`: an archive restored into an empty database and an empty
media folder gives back every record and every file, on SQLite and on PostgreSQL.

The backup runs in this process against the test database; the restore runs in a child
`gongkai` process pointed at a new database, as an operator would run it.
"""

from __future__ import annotations

import io
import json
import stat
import tarfile
from pathlib import Path

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.db import connection

from gongkai import audit
from gongkai.agencies.models import Role
from gongkai.audit import actions
from gongkai.ops.backup import BackupError, backup_create, backup_restore

from .conftest import child_env, run_gongkai, run_module
from .snapshot import snapshot

pytestmark = pytest.mark.django_db(transaction=True)

MEDIA = {
    "attachments/2026/关于做好政务公开工作的通知.pdf": b"%PDF-1.4 \xe5\x85\xac\xe5\xbc\x80" * 200,
    "attachments/2026/11/附件一.docx": b"PK\x03\x04" + bytes(range(256)) * 50,
    "reports/xihua-2025.txt": "西华县商务局2025年政府信息公开工作年度报告".encode(),
}


@pytest.fixture
def site_data(agency, other_agency, make_staff):
    """A little of everything: agencies, staff with roles, groups with permissions, audit log,
    attachments in nested folders with Chinese names."""
    actions.register("ops.test_backup", "测试备份")
    publisher = make_staff(agency, Role.PUBLISHER, Role.REVIEWER)
    supervisor = make_staff(agency.parent, Role.SUPERVISOR)
    group = Group.objects.create(name="信息发布员")
    group.permissions.set(Permission.objects.all()[:3])
    publisher.groups.add(group)
    for n in range(3):
        audit.record(actor=publisher, action="ops.test_backup", target=agency,
                     reason=f"第{n}次", data={"n": n, "说明": "备份测试"})
    audit.record(actor=supervisor, action="ops.test_backup", target=other_agency)
    for name, content in MEDIA.items():
        assert default_storage.save(name, ContentFile(content)) == name


def media_of(root: Path) -> dict[str, bytes]:
    return {
        p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()
    }


def restore_and_snapshot(archive: Path, database_url: str, media_root: Path, *extra: str):
    env = child_env(DATABASE_URL=database_url, MEDIA_ROOT=str(media_root))
    run_gongkai("restore", str(archive), *extra, env=env)
    return json.loads(run_module("tests.ops.snapshot", env=env).stdout)


def target_url(tmp_path, pg_databases) -> str:
    """A new, empty database of the engine under test."""
    if connection.vendor == "postgresql":
        return pg_databases("restore")
    return f"sqlite:///{tmp_path / 'restored.sqlite3'}"


def test_restore_into_an_empty_database_finds_every_record_and_file(
    site_data, tmp_path, pg_databases_or_none
):
    archive = Path(call_command_output("backup", "--output", str(tmp_path / "backups")))
    media_root = tmp_path / "restored-media"

    restored = restore_and_snapshot(archive, target_url(tmp_path, pg_databases_or_none),
                                    media_root)

    source = snapshot()
    assert restored == source
    assert len(source["audit.auditentry"]) == 4
    assert len(source["agencies.membership"]) == 3
    assert media_of(media_root) == MEDIA


def test_a_json_backup_moves_a_site_onto_a_new_postgresql_database(
    site_data, tmp_path, pg_databases
):
    archive = backup_create(output_dir=tmp_path / "backups", method="json").path
    media_root = tmp_path / "restored-media"

    restored = restore_and_snapshot(archive, pg_databases("json"), media_root)

    assert restored == snapshot()
    assert media_of(media_root) == MEDIA


def test_a_json_backup_restores_into_a_new_sqlite_database(site_data, tmp_path):
    archive = backup_create(output_dir=tmp_path / "backups", method="json").path
    media_root = tmp_path / "restored-media"

    restored = restore_and_snapshot(archive, f"sqlite:///{tmp_path / 'new.sqlite3'}", media_root)

    assert restored == snapshot()
    assert media_of(media_root) == MEDIA


def test_force_restores_over_a_database_that_has_data(
    site_data, tmp_path, pg_databases_or_none
):
    archive = backup_create(output_dir=tmp_path / "backups").path
    target = target_url(tmp_path, pg_databases_or_none)
    media_root = tmp_path / "restored-media"
    restore_and_snapshot(archive, target, media_root)
    env = child_env(DATABASE_URL=target, MEDIA_ROOT=str(media_root))

    refused = run_gongkai("restore", str(archive), env=env, check=False)
    assert refused.returncode == 1
    assert "不是空的" in refused.stderr

    restored = restore_and_snapshot(archive, target, media_root, "--force")
    assert restored == snapshot()
    assert media_of(media_root) == MEDIA


def test_a_restore_invalidates_every_cached_page(site_data, tmp_path, pg_databases_or_none):
    """The cache outlives restarts: pages of the database that was replaced are not served."""
    archive = backup_create(output_dir=tmp_path / "backups").path
    env = child_env(DATABASE_URL=target_url(tmp_path, pg_databases_or_none),
                    MEDIA_ROOT=str(tmp_path / "restored-media"), CACHE_DIR=str(tmp_path / "cache"))

    def site_version() -> str:
        return run_gongkai("shell", "-c", "from gongkai.page_cache import SITE, versions; "
                           "print(versions(SITE)[0])", env=env).stdout.strip()

    before = site_version()
    assert site_version() == before
    run_gongkai("restore", str(archive), env=env)
    assert site_version() != before


def test_the_manifest_lists_versions_migrations_counts_and_checksums(site_data, tmp_path):
    result = backup_create(output_dir=tmp_path / "backups")
    manifest = result.manifest

    assert manifest["database"]["vendor"] == connection.vendor
    assert manifest["counts"]["audit.auditentry"] == 4
    assert manifest["counts"]["auth.group_permissions"] == 3
    assert "0001_initial" in manifest["migrations"]["audit"]
    assert manifest["media_files"] == len(MEDIA)
    assert set(manifest["versions"]) == {"gongkai", "django", "python"}
    with tarfile.open(result.path) as tar:
        members = {m.name for m in tar.getmembers()}
    assert members == set(manifest["files"]) | {"manifest.json"}
    assert all(len(entry["sha256"]) == 64 for entry in manifest["files"].values())


def test_the_archive_is_readable_by_its_owner_only(site_data, tmp_path):
    path = backup_create(output_dir=tmp_path / "backups").path
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert [p.name for p in path.parent.iterdir()] == [path.name]  # no leftovers


def test_restore_refuses_a_database_that_is_not_empty(site_data, tmp_path):
    archive = backup_create(output_dir=tmp_path / "backups").path
    with pytest.raises(BackupError) as error:
        backup_restore(archive=archive)
    assert error.value.code == "database_not_empty"


def test_restore_refuses_a_tampered_archive(site_data, tmp_path):
    archive = backup_create(output_dir=tmp_path / "backups").path
    tampered = tmp_path / "tampered.tar.gz"
    with tarfile.open(archive) as source, tarfile.open(tampered, "w:gz") as target:
        for member in source.getmembers():
            data = source.extractfile(member).read()
            if member.name.startswith("media/reports/"):
                data = data.replace(b"2025", b"2024")
            target.addfile(member, io.BytesIO(data))
    with pytest.raises(BackupError) as error:
        backup_restore(archive=tampered)
    assert error.value.code == "bad_checksum"


def test_restore_refuses_a_file_that_is_not_an_archive(tmp_path, db):
    junk = tmp_path / "junk.tar.gz"
    junk.write_bytes(b"not a backup")
    with pytest.raises(BackupError) as error:
        backup_restore(archive=junk)
    assert error.value.code == "unreadable"


def test_the_backup_command_prints_the_archive_path(site_data, tmp_path):
    path = Path(call_command_output("backup", "--output", str(tmp_path / "backups")))
    assert path.parent == tmp_path / "backups"
    assert path.name.startswith("gongkai-backup-") and path.name.endswith(".tar.gz")


def call_command_output(*args: str) -> str:
    out = io.StringIO()
    call_command(*args, stdout=out, stderr=io.StringIO())
    return out.getvalue().strip().splitlines()[-1]
