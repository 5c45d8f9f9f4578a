"""Check characters of Chinese identity numbers.

- 居民身份证号码 (GB 11643-1999): 17 digits and a check character (0-9 or X), ISO 7064 MOD 11-2.
- 统一社会信用代码 (GB 32100-2015): 17 characters and a check character over a 31-character
  alphabet without I, O, Z, S, V.
Pure functions; validators for forms live with the forms that use them.
"""

from __future__ import annotations

import re
from datetime import date
from enum import Enum

_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK = "10X98765432"
_ID_PATTERN = re.compile(r"^\d{17}[\dX]$")

USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_USCC_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
_USCC_PATTERN = re.compile(r"^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$")


def normalize(value: str) -> str:
    """Upper-case, without spaces; full-width digits and letters turned half-width."""
    value = (value or "").strip().replace(" ", "").replace("\u3000", "")
    value = "".join(chr(ord(c) - 0xFEE0) if "\uff01" <= c <= "\uff5e" else c for c in value)
    return value.upper()


def resident_id_check_char(first17: str) -> str:
    total = sum(int(d) * w for d, w in zip(first17, _ID_WEIGHTS, strict=True))
    return _ID_CHECK[total % 11]


def resident_id_birth_date(number: str) -> date | None:
    try:
        return date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    except ValueError:
        return None


# The earliest birth date accepted: nobody alive was born before 1900, and a digit slip in the
# year (1185 for 1985) must not pass as a date.
EARLIEST_BIRTH_DATE = date(1900, 1, 1)


class ResidentIdProblem(Enum):
    """Why a 居民身份证号码 is refused; the value is the error code forms report."""

    FORMAT = "bad_id_format"
    BIRTH_DATE = "bad_id_birth_date"
    BIRTH_DATE_IN_FUTURE = "id_birth_date_in_future"
    BIRTH_DATE_TOO_EARLY = "id_birth_date_too_early"
    CHECKSUM = "bad_id_checksum"


def resident_id_problem(value: str, *, today: date | None = None) -> ResidentIdProblem | None:
    """What is wrong with an 18-digit 居民身份证号码 (GB 11643-1999), or None if nothing.

    The birth date (digits 7–14) must be a real date, not after `today` (default: the
    system date) and not before 1900-01-01; a valid check character alone does not make a
    number real (2030-01-01 with a correct check character is still refused).
    """
    number = normalize(value)
    if not _ID_PATTERN.match(number):
        return ResidentIdProblem.FORMAT
    born = resident_id_birth_date(number)
    if born is None:
        return ResidentIdProblem.BIRTH_DATE
    if born > (today or date.today()):
        return ResidentIdProblem.BIRTH_DATE_IN_FUTURE
    if born < EARLIEST_BIRTH_DATE:
        return ResidentIdProblem.BIRTH_DATE_TOO_EARLY
    if resident_id_check_char(number[:17]) != number[17]:
        return ResidentIdProblem.CHECKSUM
    return None


def is_valid_resident_id(value: str, *, today: date | None = None) -> bool:
    """18-digit 居民身份证号码 with a plausible birth date and a valid check character."""
    return resident_id_problem(value, today=today) is None


def uscc_check_char(first17: str) -> str:
    total = sum(USCC_ALPHABET.index(c) * w for c, w in zip(first17, _USCC_WEIGHTS, strict=True))
    return USCC_ALPHABET[(31 - total % 31) % 31]


def is_valid_uscc(value: str) -> bool:
    """18-character 统一社会信用代码 with a valid check character."""
    code = normalize(value)
    if not _USCC_PATTERN.match(code):
        return False
    return uscc_check_char(code[:17]) == code[17]
