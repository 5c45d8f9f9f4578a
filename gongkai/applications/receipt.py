"""The received date of a request by its channel (《条例》第三十一条). Pure.

- 当面提交: the day it was handed in.
- 邮寄: the day the agency signed for it; an ordinary letter needing no signature: the day the
  disclosure office confirmed it with the applicant (on the day it arrived).
- 互联网渠道 (our platform, e-mail) and the office's fax: the day both sides confirmed it.
- Our own online form (our rule): the applicant submits and the platform confirms at once by
  issuing the query code, so the received date is the day of submission (Beijing time), also on
  a weekend or holiday — the period then starts with the next working day.
"""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from .models.application import Channel

POST_SIGNED = "signed"
POST_ORDINARY = "ordinary"


def received_on_for(
    channel: str,
    *,
    submitted_on: datetime.date | None = None,
    signed_on: datetime.date | None = None,
    confirmed_on: datetime.date | None = None,
    post_kind: str = POST_SIGNED,
) -> tuple[datetime.date, str]:
    """(received date, the rule applied in words). Raises ValidationError naming the date missing."""

    def need(value, field, message):
        if value is None:
            raise ValidationError({field: ValidationError(message, code="receipt_date_required")})
        return value

    if channel == Channel.ONLINE:
        day = need(submitted_on, "submitted_on", _("请填写网上提交日期。"))
        return day, "网上提交并由平台即时确认之日"
    if channel == Channel.IN_PERSON:
        day = need(submitted_on, "submitted_on", _("当面提交的申请，请填写提交日期。"))
        return day, "当面提交之日（《条例》第三十一条第（一）项）"
    if channel == Channel.LETTER:
        if post_kind == POST_ORDINARY:
            day = need(confirmed_on, "confirmed_on", _("平常信函，请填写与申请人确认的日期。"))
            return day, "平常信函与申请人确认之日（《条例》第三十一条第（二）项）"
        day = need(signed_on, "signed_on", _("邮寄的申请，请填写本机关签收日期。"))
        return day, "本机关签收之日（《条例》第三十一条第（二）项）"
    if channel in (Channel.FAX, Channel.EMAIL):
        day = need(confirmed_on, "confirmed_on", _("传真或电子邮件提交的申请，请填写双方确认日期。"))
        return day, "双方确认之日（《条例》第三十一条第（三）项）"
    raise ValidationError(_("未知的申请渠道。"), code="unknown_channel")
