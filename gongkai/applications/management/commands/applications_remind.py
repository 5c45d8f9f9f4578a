"""`gongkai applications_remind`: the daily reminder of requests about to fall due.

Open requests whose reply is due within 3 working days, or already overdue, get one e-mail to
their handler (or, unassigned, to the agency's handlers) per day: `reminded_on` makes a second
run on the same day send nothing. Run it from cron once a working day. It first recomputes, from their logs, the due dates that
could not be computed before (a holiday schedule entered since).
"""

from __future__ import annotations

import datetime

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from gongkai.applications.models import Application
from gongkai.applications.selectors import DUE_SOON_WORKDAYS, due_soon_limit
from gongkai.applications.services import refresh_deadline
from gongkai.applications.tasks import remind_handler_task


class Command(BaseCommand):
    help = "提醒办理人：答复期限在3个工作日内或已逾期的依申请公开申请（每天每件最多一次）。"

    def add_arguments(self, parser):
        parser.add_argument("--date", help="按这一天计算（YYYY-MM-DD），默认今天")

    def handle(self, *args, date=None, **options):
        today = datetime.date.fromisoformat(date) if date else timezone.localdate()
        # Requests whose due date could not be computed (a year without a holiday schedule)
        # are recomputed from their log: an administrator may have entered the schedule since.
        for application in Application.objects.open().exclude(deadline_problem=""):
            with transaction.atomic():
                refresh_deadline(application)
        limit = due_soon_limit(today, DUE_SOON_WORKDAYS)
        if limit is None:
            raise CommandError(
                f"{today} 之后的工作日安排未知，无法判断哪些申请即将到期。请先录入节假日安排。"
            )
        due = (
            Application.objects.due_by(limit)
            .exclude(reminded_on=today)
            .order_by("due_on", "id")
        )
        sent = 0
        for application in due:
            overdue = application.is_overdue(today)
            with transaction.atomic():
                Application.objects.filter(pk=application.pk).update(reminded_on=today)
                transaction.on_commit(
                    lambda pk=application.pk, o=overdue: remind_handler_task.enqueue(pk, o)
                )
            sent += 1
        unknown = Application.objects.open().exclude(deadline_problem="").count()
        self.stdout.write(f"{today}：提醒 {sent} 件（截至 {limit} 到期或已逾期）。")
        if unknown:
            self.stdout.write(self.style.WARNING(
                f"另有 {unknown} 件申请的答复期限因缺少节假日安排无法计算，请录入后重新计算。"))
