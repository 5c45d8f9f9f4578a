"""Uploading a report published elsewhere and checking it with the report engine."""

from __future__ import annotations

import hashlib
from datetime import datetime, timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from gongkai import audit
from gongkai.agencies.models import Agency, Role
from gongkai.agencies.permissions import has_role
from gongkai.reports.untrusted import inspect_report_file, parse_limits, report_check_untrusted
from gongkai.supervision.audit_actions import (  # noqa: F401  (re-exported for callers)
    CHECK_UPLOAD,
    COLUMN_REVIEW,
)

from .models import ColumnReview, UploadedReportCheck


@transaction.atomic
def report_check_upload(
    *, agency: Agency, year: int, name: str, data: bytes, actor, source_url: str = ""
) -> UploadedReportCheck:
    """Store an uploaded report and queue its check (a supervisor of the agency only)."""
    if not has_role(actor, agency, Role.SUPERVISOR):
        raise PermissionDenied
    clean = inspect_report_file(name=name, data=data)
    digest = hashlib.sha256(data).hexdigest()
    check = UploadedReportCheck(
        agency=agency, year=year, original_name=clean, sha256=digest, source_url=source_url,
        uploaded_by=actor,
    )
    check.file.save(digest, ContentFile(data), save=False)
    check.save()
    audit.record(actor=actor, action=CHECK_UPLOAD, target=check, agency=agency,
                 data={"file": clean, "year": year})
    from .tasks import report_check_run_task

    transaction.on_commit(lambda: report_check_run_task.enqueue(check.pk))
    return check


def report_check_run(*, check_id: int) -> UploadedReportCheck:
    """Parse and validate the stored file within the parse limits; idempotent (a finished
    check is left as it is). A file stopped by a limit fails the check with the limit's message."""
    check = UploadedReportCheck.objects.get(pk=check_id)
    if check.is_finished:
        return check
    started = timezone.now()
    UploadedReportCheck.objects.filter(pk=check.pk).update(
        status=UploadedReportCheck.Status.RUNNING, started_at=started)
    check.started_at = started
    try:
        with check.file.open("rb") as handle:
            data = handle.read()
    except OSError as error:
        return _fail(check, str(error))
    outcome = report_check_untrusted(data, check.original_name)
    if outcome.resources is not None and not outcome.resources.ok:
        return _fail(check, outcome.resources.failure.message)
    check.findings = [f.to_dict() for f in outcome.findings]
    check.error_count = outcome.errors
    check.warning_count = outcome.warnings
    check.notice_count = outcome.notices
    check.cells = {key: (value if isinstance(value, int) else str(value))
                   for key, value in outcome.report.numbers().items()}
    check.source_format = outcome.source_format
    check.status = UploadedReportCheck.Status.DONE
    check.checked_at = timezone.now()
    check.save()
    return check


def _fail(check: UploadedReportCheck, message: str) -> UploadedReportCheck:
    check.status, check.failure = UploadedReportCheck.Status.FAILED, message[:300]
    check.checked_at = timezone.now()
    check.save(update_fields=["status", "failure", "checked_at", "started_at"])
    return check


PENDING_GRACE = timedelta(hours=1)
RUNNING_GRACE = timedelta(seconds=60)


def report_checks_fail_stale(*, now: datetime | None = None) -> int:
    """Fail checks whose reading can no longer finish; return how many.

    A reading is killed at the wall-time limit, so a check still running well after it (the
    worker process died, the server restarted mid-way) never will; one still queued after an
    hour was lost with its queue. Either would say "checking" for ever. Idempotent."""
    now = now or timezone.now()
    wall = timedelta(seconds=parse_limits().wall_seconds)
    Status = UploadedReportCheck.Status
    stale_running = Q(status=Status.RUNNING) & (
        Q(started_at__lt=now - wall - RUNNING_GRACE)
        | Q(started_at__isnull=True, uploaded_at__lt=now - wall - RUNNING_GRACE))
    stale_pending = Q(status=Status.PENDING, uploaded_at__lt=now - PENDING_GRACE)
    running = UploadedReportCheck.objects.filter(stale_running).update(
        status=Status.FAILED, checked_at=now,
        failure=_("检查进程意外中止（超时或服务器重启），未能完成。请重新上传该文件。"))
    pending = UploadedReportCheck.objects.filter(stale_pending).update(
        status=Status.FAILED, checked_at=now,
        failure=_("检查在队列中等待过久，未能开始。请重新上传该文件。"))
    return running + pending




def can_confirm_column(user, agency: Agency) -> bool:
    """The agency's 机构管理员 or 信息发布员 answers for its columns being current."""
    return has_role(user, agency, Role.ADMIN, Role.PUBLISHER)


@transaction.atomic
def column_review_confirm(*, agency: Agency, category, actor, note: str = "") -> ColumnReview:
    """Confirm a column as reviewed today: its content is current though nothing new was
    published (the dashboard stops counting it as stale for one period)."""
    if not can_confirm_column(actor, agency):
        raise PermissionDenied
    if not category.is_active:
        raise ValidationError(_("该栏目已停用。"), code="inactive_category")
    review = ColumnReview.objects.create(
        agency=agency, category=category, reviewed_on=timezone.localdate(), reviewed_by=actor,
        note=note.strip()[:200],
    )
    audit.record(actor=actor, action=COLUMN_REVIEW, target=review, agency=agency,
                 data={"category": category.name, "reviewed_on": str(review.reviewed_on)})
    return review
