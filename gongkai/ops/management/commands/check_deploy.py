"""`gongkai check-deploy`: Django's deployment checks plus Gongkai's own, before serving.

Exits 1 with the list of problems (Chinese and English) when any check fails at the chosen
level (errors by default); the systemd unit in README.md runs it as ExecStartPre, so a
misconfigured site does not start.
"""

from __future__ import annotations

from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import connections


class Command(BaseCommand):
    help = "部署前检查 / run Django's `check --deploy` plus Gongkai's deployment checks"
    requires_system_checks = []

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--fail-level",
            default="ERROR",
            choices=["CRITICAL", "ERROR", "WARNING", "INFO", "DEBUG"],
            help="失败级别（默认 ERROR）/ message level that fails the run (default ERROR)",
        )

    def handle(self, *args, fail_level: str, **options) -> None:
        call_command(
            "check",
            deploy=True,
            fail_level=fail_level,
            databases=list(connections),
            stdout=self.stdout,
            stderr=self.stderr,
        )
        self.stdout.write(self.style.SUCCESS("部署检查通过 / deployment checks passed"))
