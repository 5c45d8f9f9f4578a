"""`gongkai rotate_encryption_keys`: re-encrypt all personal data with the newest key.

Run it after putting the new key first in FIELD_ENCRYPTION_KEYS and before removing the old
one (README, 密钥轮换). Idempotent; `--dry-run` only counts.
"""

from __future__ import annotations

from django.core.management.base import CommandError

from gongkai import audit
from gongkai.privacy import crypto
from gongkai.privacy.audit_actions import (  # noqa: F401  (re-exported for callers)
    ROTATE,
)
from gongkai.privacy.rotation import rotate_all

from ._batched import BatchedCommand


class Command(BatchedCommand):
    help = "用 FIELD_ENCRYPTION_KEYS 的第一个（最新）密钥重新加密所有加密字段，并重算申请人标识。"

    def handle(self, *args, dry_run=False, batch_size=500, **options):
        if crypto.using_development_key():
            self.stdout.write(self.style.WARNING("FIELD_ENCRYPTION_KEYS 未设置，正在使用开发密钥。"))
        counts = rotate_all(batch_size=batch_size, dry_run=dry_run)
        verb = "需重新加密" if dry_run else "已重新加密"
        for c in counts:
            self.stdout.write(f"{c.model}：共 {c.rows} 行，{verb} {c.reencrypted} 行，"
                              f"重算索引 {c.reindexed} 行，无法解密 {len(c.unreadable)} 行。")
        unreadable = {c.model: c.unreadable for c in counts if c.unreadable}
        if not dry_run:
            audit.record(actor=None, action=ROTATE, data={
                "reencrypted": sum(c.reencrypted for c in counts),
                "reindexed": sum(c.reindexed for c in counts),
                "unreadable": sum(len(v) for v in unreadable.values()),
                "models": {c.model: c.reencrypted for c in counts},
            })
        if unreadable:
            raise CommandError(
                "部分数据无法用现有密钥解密（" + "；".join(
                    f"{model} 主键 {', '.join(map(str, pks[:20]))}" for model, pks in unreadable.items())
                + "）。请勿删除旧密钥，先把能解密这些数据的密钥加入 FIELD_ENCRYPTION_KEYS。")
