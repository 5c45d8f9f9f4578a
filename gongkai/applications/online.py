"""Online entry points shared by the public pages and the JSON API: submission under the
per-address and per-applicant limits, the look-up by query code and phone number, and the
补正 uploaded on the status page (per-address limit).

All raise ValidationError with a code (`rate_limited`, `lookup_failed`) and a Chinese message,
so a form shows it as a form error and the API as a JSON error.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils.crypto import constant_time_compare
from django.utils.translation import gettext as _

from . import ratelimit
from .models import Application
from .services import application_submit, application_submit_correction
from .services.intake import applicant_key


def rate_message(limit: ratelimit.Limit) -> str:
    hours = max(1, limit.seconds // 3600)
    if limit.scope == "ip":
        return _("提交过于频繁：同一网络地址 %(hours)s 小时内最多提交 %(count)s 件申请，请稍后再试。"
                 "如需提交大量申请，请通过信函或到政府信息公开工作机构当面提交。") % {
            "hours": hours, "count": limit.count}
    return _("提交过于频繁：同一申请人（证件号码或联系电话）%(hours)s 小时内最多在线提交 %(count)s 件申请，"
             "请稍后再试。") % {"hours": hours, "count": limit.count}


def _digits(value: str) -> str:
    return "".join(ch for ch in value or "" if ch.isdigit())


def application_submit_online(*, data: dict, ip: str, user=None) -> Application:
    """Submit a validated online request unless its address or applicant is over the limit."""
    applicant_values = [applicant_key(data["id_type"], data["id_number"]), "phone:" + _digits(data["phone"])]
    limit = ratelimit.exceeded("ip", [ip]) or ratelimit.exceeded("applicant", applicant_values)
    if limit is not None:
        raise ValidationError(rate_message(limit), code="rate_limited")
    application = application_submit(agency=data["agency"], data=data, user=user)
    ratelimit.hit("ip", [ip])
    ratelimit.hit("applicant", applicant_values)
    return application


def application_lookup(*, code: str, phone: str, ip: str) -> Application:
    """The request with this query code, if `phone` is the phone number given with it."""
    if ratelimit.exceeded("ip", ["lookup:" + ip]) is not None:
        raise ValidationError(_("查询过于频繁，请稍后再试。"), code="rate_limited")
    application = Application.objects.select_related("agency").filter(query_code=code).first()
    stored = _digits(application.phone) if application else ""
    if application is not None and _digits(phone) and constant_time_compare(stored, _digits(phone)):
        return application
    # An erased request (no phone left to match) answers exactly as an unknown code: telling
    # them apart would confirm that a guessed code exists and is old.
    ratelimit.hit("ip", ["lookup:" + ip])
    raise ValidationError(_("查询码或联系电话不正确，请核对后重试。"), code="lookup_failed")


def application_correct_online(*, application: Application, files: list[tuple[str, bytes]],
                               note: str, ip: str) -> Application:
    """补正 material from the status page, under the per-address limit. Every attempt counts
    (an upload costs the site the same whether or not it is accepted)."""
    if ratelimit.exceeded("ip", ["correction:" + ip]) is not None:
        raise ValidationError(_("上传过于频繁，请稍后再试。"), code="rate_limited")
    ratelimit.hit("ip", ["correction:" + ip])
    return application_submit_correction(application=application, files=files, note=note)
