"""`gongkai backup [--output DIR] [--method sqlite|pg_dump|json]`: one archive, path printed last."""

from __future__ import annotations

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from gongkai.ops.backup import METHODS, BackupError, backup_create


class Command(BaseCommand):
    help = "备份数据库和附件到一个归档文件 / back up the database and media into one archive"

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--output", default=settings.GONGKAI_BACKUP_DIR,
            help="存放目录（默认 BACKUP_DIR 或 ./backups）/ directory for the archive",
        )
        parser.add_argument(
            "--method", choices=METHODS,
            help="数据库备份方式（默认：SQLite 用 sqlite，PostgreSQL 用 pg_dump，缺少 pg_dump 时用 "
            "json）/ database method (default: sqlite, pg_dump, or json without pg_dump)",
        )

    def handle(self, *args, output: str, method: str | None, **options) -> None:
        try:
            result = backup_create(output_dir=Path(output), method=method)
        except BackupError as exc:
            raise CommandError(" ".join(exc.messages)) from exc
        manifest = result.manifest
        rows = sum(manifest["counts"].values())
        self.stderr.write(
            f"备份完成 / backup written: {manifest['database']['method']}, {rows} 行 rows, "
            f"{manifest['media_files']} 个附件 media files"
        )
        self.stdout.write(str(result.path))
