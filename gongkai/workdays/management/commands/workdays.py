"""`gongkai workdays due RECEIVED_DATE [--days N]` and `gongkai workdays covers YEAR`."""

from __future__ import annotations

import datetime

from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError

from gongkai.workdays import ScheduleUnknown, due_period, year_is_covered


class Command(BaseCommand):
    help = "工作日历：计算答复期限（due），或检查某年度是否有节假日安排（covers）。"

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True, metavar="{due,covers}")
        due = sub.add_parser("due", help="打印收到申请后第N个工作日（期限届满日）及说明")
        due.add_argument("received", metavar="RECEIVED_DATE", help="收到申请的日期，如 2021-09-27")
        due.add_argument("--days", type=int, default=20, help="工作日数，默认20")
        covers = sub.add_parser("covers", help="检查年度是否有法定节假日安排；没有时退出码为1")
        covers.add_argument("year", type=int, metavar="YEAR")

    def handle(self, *args, action, **options):
        if action == "due":
            return self._due(options["received"], options["days"])
        return self._covers(options["year"])

    def _due(self, received_text: str, days: int) -> None:
        try:
            received = datetime.date.fromisoformat(received_text)
        except ValueError:
            raise CommandError(
                f"日期格式不正确：{received_text}（应为 YYYY-MM-DD，如 2021-09-27）"
            ) from None
        if days < 0:
            raise CommandError("工作日数不能为负数。")
        try:
            period = due_period(received, days)
        except ScheduleUnknown as error:
            raise CommandError(str(error)) from None
        except DatabaseError as error:
            raise CommandError(
                f"无法读取管理员录入的节假日安排（{error}）。请先运行 gongkai migrate。"
            ) from None
        self.stdout.write(period.due.isoformat())
        self.stdout.write(period.explanation())

    def _covers(self, year: int) -> None:
        if year_is_covered(year):
            self.stdout.write(f"{year}年：已有法定节假日安排。")
            return
        raise CommandError(
            f"{year}年：没有法定节假日安排，涉及该年度的期限无法计算。请管理员录入。"
        )
