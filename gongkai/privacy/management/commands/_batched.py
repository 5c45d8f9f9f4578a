"""The options both privacy commands share: `--dry-run` and `--batch-size`."""

from __future__ import annotations

import argparse

from django.core.management.base import BaseCommand


def _positive(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        number = 0
    if number < 1:
        raise argparse.ArgumentTypeError("须为正整数")
    return number


class BatchedCommand(BaseCommand):
    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="只统计，不写入")
        parser.add_argument("--batch-size", type=_positive, default=500, help="每个事务处理的行数")
