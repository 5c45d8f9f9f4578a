"""Submission limits for the public form (and password-reset e-mails), kept in Django's cache
(no third-party service).

Per network address and per applicant (identity number, and separately phone number): a fixed
window counter. Limits can be changed in settings (read at call time):
GONGKAI_APPLY_LIMIT_PER_IP = (count, seconds), GONGKAI_APPLY_LIMIT_PER_APPLICANT = (count, seconds),
GONGKAI_PASSWORD_RESET_LIMIT = (count, seconds).
Keys hold only hashes, never the numbers themselves.
"""

from __future__ import annotations

import hashlib
import time
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache

DEFAULT_PER_IP = (10, 3600)  # 10 requests an hour from one address
DEFAULT_PER_APPLICANT = (5, 86400)  # 5 requests a day from one applicant
DEFAULT_PASSWORD_RESET = (5, 3600)  # 5 reset e-mails an hour per address and per e-mail typed


@dataclass(frozen=True)
class Limit:
    scope: str  # "ip" | "applicant"
    count: int
    seconds: int


def limits() -> dict[str, Limit]:
    ip = getattr(settings, "GONGKAI_APPLY_LIMIT_PER_IP", DEFAULT_PER_IP)
    applicant = getattr(settings, "GONGKAI_APPLY_LIMIT_PER_APPLICANT", DEFAULT_PER_APPLICANT)
    reset = getattr(settings, "GONGKAI_PASSWORD_RESET_LIMIT", DEFAULT_PASSWORD_RESET)
    return {"ip": Limit("ip", *ip), "applicant": Limit("applicant", *applicant),
            "password_reset": Limit("password_reset", *reset)}


def client_ip(request) -> str:
    """The client's address. Behind a trusted proxy settings.GONGKAI_TRUST_X_FORWARDED_FOR
    makes the first X-Forwarded-For entry count; otherwise REMOTE_ADDR."""
    if getattr(settings, "GONGKAI_TRUST_X_FORWARDED_FOR", False):
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        if forwarded:
            return forwarded.split(",")[0].strip()
    return request.META.get("REMOTE_ADDR", "")


def _key(scope: str, value: str, seconds: int) -> str:
    window = int(time.time()) // seconds
    digest = hashlib.sha256(f"{scope}:{value}".encode()).hexdigest()[:32]
    return f"applications:rate:{scope}:{digest}:{window}"


def exceeded(scope: str, values: list[str]) -> Limit | None:
    """The limit already reached for any of `values`, or None."""
    limit = limits()[scope]
    for value in values:
        if value and (cache.get(_key(scope, value, limit.seconds)) or 0) >= limit.count:
            return limit
    return None


def hit(scope: str, values: list[str]) -> None:
    limit = limits()[scope]
    for value in values:
        if not value:
            continue
        key = _key(scope, value, limit.seconds)
        if cache.add(key, 1, timeout=limit.seconds + 60):
            continue
        try:
            cache.incr(key)
        except ValueError:
            cache.set(key, 1, timeout=limit.seconds + 60)
