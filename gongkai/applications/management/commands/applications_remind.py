"""`gongkai applications_remind`: the daily reminder of requests about to fall due.

Open requests whose reply is due within 3 working days, or already overdue, get one e-mail to
their handler (or, unassigned, to the agency's handlers) per day: `reminded_on` makes a second
run on the same day send nothing. Applicants who gave an e-mail address are told too, once per
request, kind (due soon / overdue) and due date (`services.applicant_reminders_send`, recorded in
`ApplicantNotice`). Run it from cron once a working day. It first recomputes, from their logs, the due dates that
could not be computed before (a holiday schedule entered since).
"""

from __future__ import annotations

import datetime

from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from gongkai.applications.models import Application
from gongkai.applications.selectors import DUE_SOON_WORKDAYS, due_soon_limit
from gongkai.applications.services import applicant_reminders_send, refresh_deadline
from gongkai.applications.tasks import remind_handler_task
from gongkai.workdays.reminders import remind_missing_schedule


class Command(BaseCommand):
    help = ("提醒办理人：答复期限在3个工作日内或已逾期的依申请公开申请（每天每件最多一次）；"
            "并告知留有邮箱的申请人（同一答复期限每类提醒只发一次）。")

    def add_arguments(self, parser):
        parser.add_argument("--date", help="按这一天计算（YYYY-MM-DD），默认今天")

    def handle(self, *args, date=None, **options):
        today = datetime.date.fromisoformat(date) if date else timezone.localdate()
        for application in Application.objects.open().filter(due_on_provisional=True):
            with transaction.atomic():
                refresh_deadline(application)
        limit = due_soon_limit(today, DUE_SOON_WORKDAYS)
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
        told = applicant_reminders_send(today=today, soon=limit)
        provisional = Application.objects.open().filter(due_on_provisional=True).count()
        self.stdout.write(f"{today}：提醒 {sent} 件（截至 {limit} 到期或已逾期）；"
                          f"告知申请人 {told} 件。")
        if provisional:
            self.stdout.write(self.style.WARNING(
                f"另有 {provisional} 件申请的答复期限为暂定（节假日安排尚未录入），录入后自动重新计算。"))
        with transaction.atomic():
            years = remind_missing_schedule(today)
        if years:
            self.stdout.write(self.style.WARNING(
                f"{'、'.join(map(str, years))}年节假日安排尚未录入：已发邮件提醒系统管理员。"))
