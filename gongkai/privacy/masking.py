"""Masking of personal data for lists, exports and anyone but the handler of a request.

Pure functions; the rule for each kind keeps just enough to recognise a value:
- 居民身份证号码: first 6 (region) and last 4 → 110105********002X
- other document numbers: first 2 and last 2, the rest starred
- phone numbers: mobile 138****5678; others keep the last 4
- e-mail: first character of the local part → z***@example.cn
- postal address: the first 6 characters, then "…" (province and city, no street or number)
- person's name: the surname → 李*, 欧阳** (two-character surnames are not guessed)
"""

from __future__ import annotations

import re

MASK = "*"
_MOBILE = re.compile(r"^1\d{10}$")


def mask_id_number(value: str) -> str:
    value = (value or "").strip()
    if not value:
        return ""
    if len(value) == 18:
        return value[:6] + MASK * 8 + value[-4:]
    if len(value) <= 4:
        return MASK * len(value)
    return value[:2] + MASK * (len(value) - 4) + value[-2:]


def mask_phone(value: str) -> str:
    value = (value or "").strip()
    if not value:
        return ""
    digits = re.sub(r"\D", "", value)
    if _MOBILE.match(digits):
        return digits[:3] + MASK * 4 + digits[-4:]
    if len(digits) <= 4:
        return MASK * len(digits)
    return MASK * (len(digits) - 4) + digits[-4:]


def mask_email(value: str) -> str:
    value = (value or "").strip()
    if "@" not in value:
        return MASK * 3 if value else ""
    local, _, domain = value.partition("@")
    return (local[:1] or MASK) + MASK * 3 + "@" + domain


def mask_address(value: str, keep: int = 6) -> str:
    value = (value or "").strip()
    if len(value) <= keep:
        return value[: max(0, len(value) - 2)] + "…" if len(value) > 2 else value
    return value[:keep] + "…"


def mask_name(value: str) -> str:
    value = (value or "").strip()
    if len(value) <= 1:
        return value
    return value[0] + MASK * (len(value) - 1)
