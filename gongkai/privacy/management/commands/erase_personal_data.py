"""`gongkai erase_personal_data`: erase applicants' details once the retention period is over.

Requests (and appeal cases) closed more than PERSONAL_DATA_RETENTION_DAYS days ago lose the
applicant's name, identity number, phone, e-mail, address and account link; what the annual
report counts stays (gongkai.privacy.retention). Run it daily from cron (README).
"""

from __future__ import annotations

import datetime

from django.core.management.base import CommandError
from django.utils import timezone

from gongkai import audit
from gongkai.privacy.audit_actions import (  # noqa: F401  (re-exported for callers)
    ERASE,
)
from gongkai.privacy.retention import erase_all, retention_cutoff

from ._batched import BatchedCommand


class Command(BatchedCommand):
    help = "删除办结已超过 PERSONAL_DATA_RETENTION_DAYS 天的申请（及复议诉讼案件）中的申请人个人信息。"

    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.add_argument("--date", help="按这一天计算（YYYY-MM-DD），默认今天")

    def handle(self, *args, dry_run=False, batch_size=500, date=None, **options):
        try:
            today = datetime.date.fromisoformat(date) if date else timezone.localdate()
        except ValueError as exc:
            raise CommandError("--date 须为 YYYY-MM-DD 格式的日期。") from exc
        cutoff = retention_cutoff(today)
        counts = erase_all(closed_before=cutoff, batch_size=batch_size, dry_run=dry_run)
        verb = "将删除" if dry_run else "已删除"
        for c in counts:
            self.stdout.write(f"{c.model}：{cutoff} 前办结的 {c.erased} 件{verb}个人信息"
                              + (f"，{verb}寄给或来自申请人的文件（答复附件、补正材料）{c.files} 个。"
                                 if c.files else "。"))
        if not dry_run:
            audit.record(actor=None, action=ERASE, data={
                "closed_before": cutoff.isoformat(),
                "erased": {c.model: c.erased for c in counts},
                "files_deleted": sum(c.files for c in counts),
            })
