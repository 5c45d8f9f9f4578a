"""Checking files that arrive from outside: the site's settings applied to the sandboxed reader.

Every entry point that reads an uploaded report or spreadsheet — the API's report check, the
public checker page, the supervisor's uploaded-report checks and the yearly figures import —
reads through `gongkai.reportformat.sandbox` with the limits of `settings.REPORT_PARSE_LIMITS`,
so one set of limits (and one set of messages) holds everywhere.
"""

from __future__ import annotations

from django.conf import settings

from gongkai.reportformat.check import CheckOutcome, check_untrusted
from gongkai.reportformat.limits import Limits
from gongkai.reportformat.values import Report


def parse_limits() -> Limits:
    """The limits from settings (read at call time, so tests and deployments can change them)."""
    return Limits(**getattr(settings, "REPORT_PARSE_LIMITS", {}))


def report_check_untrusted(data: bytes, name: str, previous: Report | None = None) -> CheckOutcome:
    """Check a report file from outside within the site's limits (the one `check.py` reading)."""
    return check_untrusted(data, name, parse_limits(), previous)
