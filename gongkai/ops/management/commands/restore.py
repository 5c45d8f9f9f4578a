"""`gongkai restore ARCHIVE [--force]`: restore a `gongkai backup` archive into an empty site."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from gongkai.ops.backup import BackupError, backup_restore


class Command(BaseCommand):
    help = (
        "从备份归档恢复数据库和附件（目标须为空）/ restore the database and media from an "
        "archive into an empty database and media storage"
    )
    requires_system_checks = []

    def add_arguments(self, parser) -> None:
        parser.add_argument("archive", help="gongkai backup 生成的 .tar.gz / the archive")
        parser.add_argument(
            "--force", action="store_true",
            help="覆盖已有数据（危险）/ overwrite a database or media storage that is not empty",
        )

    def handle(self, *args, archive: str, force: bool, **options) -> None:
        path = Path(archive)
        if not path.is_file():
            raise CommandError(f"找不到备份文件 / no such archive: {path}")
        try:
            manifest = backup_restore(archive=path, force=force)
        except BackupError as exc:
            raise CommandError(" ".join(exc.messages)) from exc
        rows = sum(manifest["counts"].values())
        self.stdout.write(self.style.SUCCESS(
            f"恢复完成 / restored: {rows} 行 rows in {len(manifest['counts'])} 个模型 models, "
            f"{manifest['media_files']} 个附件 media files (备份于 / taken {manifest['created_at']})"
        ))
