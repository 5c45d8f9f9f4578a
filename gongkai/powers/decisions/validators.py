"""The party's identity number, checked by the kind of party (pure; forms, the import and the
services share it)."""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from gongkai.id_numbers import is_valid_uscc, normalize, resident_id_problem

from ..models import PartyType


def clean_party_id(party_type: str, value: str, *, today: datetime.date) -> str:
    """The number normalised, or ValidationError: a natural person's 居民身份证号码, an
    organisation's 统一社会信用代码 (both with their check character)."""
    number = normalize(value)
    if not number:
        raise ValidationError(_("请填写统一社会信用代码或身份证件号码。"), code="party_id_required")
    if party_type == PartyType.NATURAL:
        if resident_id_problem(number, today=today) is not None:
            raise ValidationError(_("自然人的居民身份证号码不正确（18位，出生日期和校验位须正确），请核对。"),
                                  code="bad_id_number")
    elif not is_valid_uscc(number):
        raise ValidationError(_("统一社会信用代码不正确：应为18位，最后一位校验码须正确，请核对。"),
                              code="bad_uscc")
    return number
