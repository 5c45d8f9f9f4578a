"""`gongkai workdays due RECEIVED_DATE [--days N]`, `gongkai workdays covers YEAR`, and the
administrator's entry of a year: `gongkai workdays save YEAR --user NAME --holiday LINE …
[--makeup LINE …] [--notice 文号] [--complete]` / `gongkai workdays delete YEAR --user NAME`.

`save` and `delete` write through `gongkai.workdays.services` like the staff page and the
admin: permission check, audit entry, and stored due dates recomputed in the same transaction.
"""

from __future__ import annotations

import datetime
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError

from gongkai.workdays import due_period, year_is_covered
from gongkai.workdays.entry import parse_holidays, parse_makeup_days
from gongkai.workdays.models import CalendarYear
from gongkai.workdays.services import calendar_year_delete, calendar_year_save


class Command(BaseCommand):
    help = "工作日历：计算答复期限（due），检查年度安排（covers），录入或删除年度安排（save、delete）。"

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True,
                                    metavar="{due,covers,save,delete}")
        due = sub.add_parser("due", help="打印收到申请后第N个工作日（期限届满日）及说明")
        due.add_argument("received", metavar="RECEIVED_DATE", help="收到申请的日期，如 2021-09-27")
        due.add_argument("--days", type=int, default=20, help="工作日数，默认20")
        covers = sub.add_parser("covers", help="检查年度是否有法定节假日安排；没有时退出码为1")
        covers.add_argument("year", type=int, metavar="YEAR")
        save = sub.add_parser("save", help="按国务院办公厅通知录入（或替换）某年度的放假和调休安排")
        save.add_argument("year", type=int, metavar="YEAR")
        save.add_argument("--user", required=True, help="录入人的用户名（须有录入节假日安排的权限）")
        save.add_argument("--notice", default="", help="放假通知文号，如 国办发明电〔2026〕7号")
        save.add_argument("--holiday", action="append", default=[], metavar="LINE",
                          help="放假安排一行，如“春节 2027-02-05 至 2027-02-12”，可重复")
        save.add_argument("--makeup", action="append", default=[], metavar="LINE",
                          help="调休上班日一行，如“春节 2027-02-20”，可重复")
        save.add_argument("--holidays-file", type=Path, help="放假安排文件，每行一个节日")
        save.add_argument("--makeup-file", type=Path, help="调休上班日文件，每行一个节日")
        save.add_argument("--complete", action="store_true", help="已按通知完整录入，启用本年度安排")
        delete = sub.add_parser("delete", help="删除管理员录入的某年度安排")
        delete.add_argument("year", type=int, metavar="YEAR")
        delete.add_argument("--user", required=True, help="操作人的用户名")
        delete.add_argument("--reason", default="", help="删除原因（写入审计记录）")

    def handle(self, *args, action, **options):
        if action == "due":
            return self._due(options["received"], options["days"])
        if action == "covers":
            return self._covers(options["year"])
        try:
            if action == "save":
                return self._save(**options)
            return self._delete(**options)
        except PermissionDenied:
            raise CommandError(f"用户 {options['user']} 没有录入节假日安排的权限。") from None
        except ValidationError as error:
            raise CommandError("；".join(error.messages)) from None

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
            period = due_period(received, days, provisional=True)
        except DatabaseError as error:
            raise CommandError(
                f"无法读取管理员录入的节假日安排（{error}）。请先运行 gongkai migrate。"
            ) from None
        if period.is_provisional:
            self.stdout.write(f"{period.due.isoformat()}（暂定：{period.provisional_reason}）")
        else:
            self.stdout.write(period.due.isoformat())
        self.stdout.write(period.explanation())

    def _covers(self, year: int) -> None:
        if year_is_covered(year):
            self.stdout.write(f"{year}年：已有法定节假日安排。")
            return
        raise CommandError(
            f"{year}年：没有法定节假日安排，涉及该年度的期限只能暂定。请管理员录入。"
        )

    def _user(self, username: str):
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"没有用户 {username}。")
        return user

    def _save(self, *, year, user, notice, holiday, makeup, holidays_file, makeup_file, complete,
              **_options) -> None:
        holidays_text = "\n".join(holiday) + "\n" + _read(holidays_file)
        makeup_text = "\n".join(makeup) + "\n" + _read(makeup_file)
        days = parse_holidays(holidays_text, year) + parse_makeup_days(makeup_text, year)
        calendar_year = calendar_year_save(
            actor=self._user(user), year=year, notice=notice, days=days, is_complete=complete,
            via="cli",
        )
        state = "已启用" if calendar_year.is_complete else "草稿，未启用"
        self.stdout.write(f"{year}年节假日安排已保存（{state}，{len(days)} 天）。")

    def _delete(self, *, year, user, reason, **_options) -> None:
        calendar_year = CalendarYear.objects.filter(year=year).first()
        if calendar_year is None:
            raise CommandError(f"{year}年没有管理员录入的安排。")
        calendar_year_delete(actor=self._user(user), calendar_year=calendar_year, reason=reason,
                             via="cli")
        self.stdout.write(f"{year}年节假日安排已删除。")


def _read(path: Path | None) -> str:
    if path is None:
        return ""
    try:
        return path.read_text(encoding="utf-8")
    except OSError as error:
        raise CommandError(f"无法读取 {path}：{error.strerror}") from None
