"""Checking files that arrive from outside: the site's settings applied to the sandboxed reader.

Every entry point that reads an uploaded report or spreadsheet — the API's report check, the
public checker page, the supervisor's uploaded-report checks and the yearly figures import —
reads through `gongkai.reportformat.sandbox` with the limits of `settings.REPORT_PARSE_LIMITS`,
so one set of limits (and one set of messages) holds everywhere.
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from gongkai.catalog.files import clean_filename, inspect_upload, too_large
from gongkai.reportformat.check import CheckOutcome, check_untrusted
from gongkai.reportformat.limits import Limits
from gongkai.reportformat.parse import sniff_format
from gongkai.reportformat.values import Report

TEXT_EXTENSIONS = (".txt", ".htm", ".html")


def parse_limits() -> Limits:
    """The limits from settings (read at call time, so tests and deployments can change them)."""
    return Limits(**getattr(settings, "REPORT_PARSE_LIMITS", {}))


def report_check_untrusted(data: bytes, name: str, previous: Report | None = None) -> CheckOutcome:
    """Check a report file from outside within the site's limits (the one `check.py` reading)."""
    return check_untrusted(data, name, parse_limits(), previous)


def inspect_report_file(*, name: str, data: bytes) -> str:
    """Refuse anything but a PDF, Word (DOCX), HTML or text report; return the cleaned name.
    The kind is read from the content wherever it starts: a ".txt" that holds a zip or a PDF
    is refused as a mismatch rather than read as text."""
    clean = clean_filename(name) or "report"
    limit = settings.GONGKAI_ATTACHMENT_MAX_BYTES
    if clean.lower().endswith(TEXT_EXTENSIONS):
        if not data:
            raise ValidationError(_("文件是空的。"), code="empty_file")
        if len(data) > limit:
            raise too_large(limit)
        if b"\x00" in data[:65536] or sniff_format(data, clean) not in ("text", "html"):
            raise ValidationError(
                _("文件扩展名表示文本或网页，但内容不是文本。"), code="extension_mismatch"
            )
        return clean
    inspected = inspect_upload(name=clean, data=data, max_bytes=limit)
    if inspected.kind not in ("pdf", "docx"):
        raise ValidationError(
            _("只能检查 PDF、Word（DOCX）、网页（HTML）或文本（TXT）格式的年度报告。"),
            code="unsupported_kind",
        )
    return inspected.name
