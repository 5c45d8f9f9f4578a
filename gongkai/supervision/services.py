"""Uploading a report published elsewhere and checking it with the report engine."""

from __future__ import annotations

import hashlib

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from gongkai import audit
from gongkai.agencies.models import Agency, Role
from gongkai.agencies.permissions import has_role
from gongkai.audit.actions import register
from gongkai.catalog.files import clean_filename, inspect_upload
from gongkai.reportformat.check import check_bytes

from .models import ColumnReview, UploadedReportCheck

CHECK_UPLOAD = register("supervision.report_check.upload", "上传外部年报检查")

TEXT_EXTENSIONS = (".txt", ".htm", ".html")
MAX_BYTES_DEFAULT = 20 * 1024 * 1024


def _max_bytes() -> int:
    return getattr(settings, "GONGKAI_ATTACHMENT_MAX_BYTES", MAX_BYTES_DEFAULT)


def inspect_report_file(*, name: str, data: bytes) -> str:
    """Refuse anything but a PDF, Word (DOCX), HTML or text report; return the cleaned name."""
    clean = clean_filename(name) or "report"
    if clean.lower().endswith(TEXT_EXTENSIONS):
        if not data:
            raise ValidationError(_("文件是空的。"), code="empty_file")
        if len(data) > _max_bytes():
            raise ValidationError(_("文件过大。"), code="too_large")
        if b"\x00" in data[:65536]:
            raise ValidationError(
                _("文件扩展名表示文本或网页，但内容不是文本。"), code="extension_mismatch"
            )
        return clean
    inspected = inspect_upload(name=clean, data=data, max_bytes=_max_bytes())
    if inspected.kind not in ("pdf", "docx"):
        raise ValidationError(
            _("只能检查 PDF、Word（DOCX）、网页（HTML）或文本（TXT）格式的年度报告。"),
            code="unsupported_kind",
        )
    return inspected.name


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
    """Parse and validate the stored file; idempotent (a finished check is left as it is)."""
    check = UploadedReportCheck.objects.get(pk=check_id)
    if check.is_finished:
        return check
    UploadedReportCheck.objects.filter(pk=check.pk).update(status=UploadedReportCheck.Status.RUNNING)
    try:
        with check.file.open("rb") as handle:
            data = handle.read()
    except OSError as error:
        check.status, check.failure = UploadedReportCheck.Status.FAILED, str(error)[:300]
        check.checked_at = timezone.now()
        check.save(update_fields=["status", "failure", "checked_at"])
        return check
    outcome = check_bytes(data, check.original_name)
    check.findings = [f.to_dict() for f in outcome.findings]
    check.error_count = outcome.errors
    check.warning_count = len(outcome.findings) - outcome.errors
    check.source_format = outcome.source_format
    check.status = UploadedReportCheck.Status.DONE
    check.checked_at = timezone.now()
    check.save()
    return check


COLUMN_REVIEW = register("supervision.column_review", "确认栏目内容已审核、无需更新")


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
