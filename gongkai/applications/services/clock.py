"""The events that move the reply deadline: 补正, extension, consultations, fees.

Each writes one event, recomputes `due_on` from the log (`deadlines.compute`) and audits.
"""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from gongkai import audit

from .. import deadlines, fees
from ..models import Application, ApplicationEvent, ConsultationKind, EventKind, FeeMethod, Status
from ..permissions import can_handle_application
from ..workflow import ensure_transition
from .base import (
    CONSULT,
    CONSULT_END,
    CORRECTION_RECEIVE,
    CORRECTION_REQUEST,
    EXTEND,
    FEE_NOTIFY,
    FEE_PAY,
    check_date,
    lock,
    notify,
    refresh_deadline,
    require,
)


def _has(app: Application, kind: str) -> bool:
    return ApplicationEvent.objects.filter(application=app, kind=kind).exists()


@transaction.atomic
def application_request_correction(
    *, application, actor, on: datetime.date, period_end: datetime.date, items: str
):
    """One 补正 notice, within 7 working days of receipt (《条例》第三十条)."""
    require(can_handle_application(actor, application))
    app = lock(application)
    if _has(app, EventKind.CORRECTION_REQUESTED):
        raise ValidationError(_("补正只能一次性告知，本申请已告知过补正。"),
                              code="correction_already_requested")
    ensure_transition(app.status, Status.CORRECTION_REQUESTED)
    check_date(app, on)
    last_day = deadlines.correction_notice_last_day(app.received_on)
    if on > last_day:
        raise ValidationError(
            {"on": ValidationError(
                _("补正须在收到申请之日起7个工作日内告知（最迟 %(last)s）。"),
                code="correction_too_late", params={"last": last_day})})
    if period_end <= on:
        raise ValidationError({"period_end": ValidationError(
            _("补正期限须晚于告知日期。"), code="correction_period_invalid")})
    if not items.strip():
        raise ValidationError({"items": ValidationError(
            _("请写明需要补正的事项。"), code="correction_items_required")})
    app.status = Status.CORRECTION_REQUESTED
    app.save(update_fields=["status"])
    event = ApplicationEvent.objects.record(
        app, EventKind.CORRECTION_REQUESTED, on=on, actor=actor,
        data={"period_end": period_end.isoformat(), "items": items.strip()},
    )
    refresh_deadline(app)
    audit.record(actor=actor, action=CORRECTION_REQUEST, target=app,
                 data={"on": str(on), "period_end": str(period_end)})
    notify(app, event, handler=False)
    return app


def record_correction_received(app: Application, *, on: datetime.date, actor=None,
                               note: str = "", data: dict | None = None) -> ApplicationEvent:
    """The one step both ways of receiving a 补正 share (a handler registering the paper or
    registered one, the applicant uploading it on the status page): the request goes back to
    办理中 and the 20 working days start again from `on` (《条例》第三十条、第三十一条).
    `app` is locked by the caller; the caller audits and notifies."""
    if app.status != Status.CORRECTION_REQUESTED:
        raise ValidationError(_("本申请没有待补正的告知。"), code="no_correction_pending")
    ensure_transition(app.status, Status.IN_PROGRESS)
    check_date(app, on)
    notice = ApplicationEvent.objects.filter(
        application=app, kind=EventKind.CORRECTION_REQUESTED).latest("id")
    if on < notice.on:
        raise ValidationError({"on": ValidationError(
            _("收到补正的日期不能早于告知补正的日期（%(notice)s）。"),
            code="correction_before_notice", params={"notice": notice.on})})
    app.status = Status.IN_PROGRESS
    app.save(update_fields=["status"])
    event = ApplicationEvent.objects.record(app, EventKind.CORRECTION_RECEIVED, on=on,
                                            actor=actor, note=note, data=data)
    refresh_deadline(app)
    return event


@transaction.atomic
def application_receive_correction(*, application, actor, on: datetime.date, note: str = ""):
    """The corrected application arrived: the 20 working days start again from `on`."""
    require(can_handle_application(actor, application))
    app = lock(application)
    event = record_correction_received(app, on=on, actor=actor, note=note)
    audit.record(actor=actor, action=CORRECTION_RECEIVE, target=app, data={"on": str(on)})
    notify(app, event)
    return app


@transaction.atomic
def application_extend(
    *, application, actor, on: datetime.date, days: int, approved_by: str,
    notified_on: datetime.date, reason: str,
):
    """Extend by up to 20 working days in all, approved by the head of the disclosure office
    before the period ends and notified to the applicant (《条例》第三十三条第一款)."""
    require(can_handle_application(actor, application))
    app = lock(application)
    if app.is_closed or app.status == Status.CORRECTION_REQUESTED:
        raise ValidationError(_("当前状态（%(status)s）下不能延长答复期限。"),
                              code="invalid_transition", params={"status": app.get_status_display()})
    check_date(app, on)
    if notified_on < on:
        raise ValidationError({"notified_on": ValidationError(
            _("告知申请人的日期不能早于负责人同意的日期。"), code="notice_before_approval")})
    check_date(app, notified_on, "notified_on")
    used = sum(int(e.data.get("days", 0)) for e in
               ApplicationEvent.objects.filter(application=app, kind=EventKind.EXTENDED))
    if days < 1 or used + days > deadlines.MAX_EXTENSION_DAYS:
        raise ValidationError({"days": ValidationError(
            _("延长期限最长不得超过20个工作日（已延长 %(used)s 个工作日）。"),
            code="extension_too_long", params={"used": used})})
    if not approved_by.strip():
        raise ValidationError({"approved_by": ValidationError(
            _("请填写同意延长的政府信息公开工作机构负责人。"), code="approver_required")})
    if app.due_on is not None and on > app.due_on:
        raise ValidationError({"on": ValidationError(
            _("答复期限（%(due)s）已过，不能再延长。"), code="extension_too_late",
            params={"due": app.due_on})})
    event = ApplicationEvent.objects.record(
        app, EventKind.EXTENDED, on=on, actor=actor, note=reason,
        data={"days": days, "approved_by": approved_by.strip(), "notified_on": str(notified_on)},
    )
    result = refresh_deadline(app)
    audit.record(actor=actor, action=EXTEND, target=app, reason=reason,
                 data={"days": days, "approved_by": approved_by.strip(),
                       "due_on": str(result.due_on)})
    notify(app, event, handler=False)
    return app


@transaction.atomic
def application_start_consultation(
    *, application, actor, on: datetime.date, party: str, consulted: str, note: str = ""
):
    """Ask a third party (第三十二条) or another agency (第三十四条) in writing; 15 working days
    to answer; the time is not counted (第三十三条第二款)."""
    require(can_handle_application(actor, application))
    app = lock(application)
    ensure_transition(app.status, Status.CONSULTING)
    check_date(app, on)
    if party not in ConsultationKind.values:
        raise ValidationError({"party": ValidationError(_("请选择征求意见的对象。"), code="invalid")})
    if not consulted.strip():
        raise ValidationError({"consulted": ValidationError(
            _("请填写被征求意见的第三方或机关名称。"), code="consulted_required")})
    app.status = Status.CONSULTING
    app.save(update_fields=["status"])
    event = ApplicationEvent.objects.record(
        app, EventKind.CONSULTATION_STARTED, on=on, actor=actor, note=note,
        data={"party": party, "consulted": consulted.strip(),
              "party_label": str(ConsultationKind(party).label)},
    )
    refresh_deadline(app)
    audit.record(actor=actor, action=CONSULT, target=app,
                 data={"party": party, "consulted": consulted.strip(), "on": str(on)})
    notify(app, event, handler=False)
    return app


@transaction.atomic
def application_end_consultation(*, application, actor, on: datetime.date, note: str = ""):
    """The answer arrived (or the period ended without one): the clock runs again."""
    require(can_handle_application(actor, application))
    app = lock(application)
    if app.status != Status.CONSULTING:
        raise ValidationError(_("本申请没有正在征求的意见。"), code="no_consultation_pending")
    ensure_transition(app.status, Status.IN_PROGRESS)
    started = ApplicationEvent.objects.filter(
        application=app, kind=EventKind.CONSULTATION_STARTED).latest("id")
    check_date(app, on)
    if on < started.on:
        raise ValidationError({"on": ValidationError(
            _("日期不能早于发出征求意见的日期（%(start)s）。"), code="answer_before_request",
            params={"start": started.on})})
    app.status = Status.IN_PROGRESS
    app.save(update_fields=["status"])
    event = ApplicationEvent.objects.record(
        app, EventKind.CONSULTATION_ANSWERED, on=on, actor=actor, note=note,
        data={"party": started.data.get("party", "third_party"),
              "consulted": started.data.get("consulted", "")},
    )
    refresh_deadline(app)
    audit.record(actor=actor, action=CONSULT_END, target=app, data={"on": str(on)})
    notify(app, event, handler=False)
    return app


def applicant_month_position(application: Application) -> int:
    """This request's position among the same applicant's requests to the same agency in its
    calendar month (第四条: 同一申请人一个自然月内累计申请件数)."""
    month = Application.objects.filter(
        agency_id=application.agency_id, applicant_key=application.applicant_key,
        received_on__year=application.received_on.year,
        received_on__month=application.received_on.month,
    )
    earlier = month.filter(received_on__lt=application.received_on).count()
    same_day = month.filter(received_on=application.received_on, pk__lte=application.pk).count()
    return earlier + same_day


def fee_quote(*, application, method: str, pages: int | None = None) -> tuple[int, str, dict]:
    """(amount in yuan, explanation, data) for one of the two standards (第三条: never both)."""
    if method == FeeMethod.PER_APPLICATION:
        n = applicant_month_position(application)
        return fees.per_application_fee(n), fees.explain_per_application(n), {"position": n}
    if method == FeeMethod.PER_PAGE:
        if pages is None or pages < 0:
            raise ValidationError({"pages": ValidationError(_("请填写页数。"), code="pages_required")})
        return fees.per_page_fee(pages), fees.explain_per_page(pages), {"pages": pages}
    raise ValidationError({"method": ValidationError(_("请选择计费方式。"), code="invalid")})


@transaction.atomic
def application_notify_fee(
    *, application, actor, on: datetime.date, method: str, pages: int | None = None
):
    """Send the 收费通知; the applicant has 20 working days to pay and the time is not counted."""
    require(can_handle_application(actor, application))
    app = lock(application)
    if _has(app, EventKind.FEE_NOTIFIED):
        raise ValidationError(_("本申请已发出过收费通知。"), code="fee_already_notified")
    ensure_transition(app.status, Status.AWAITING_FEE)
    check_date(app, on)
    amount, explanation, extra = fee_quote(application=app, method=method, pages=pages)
    if amount <= 0:
        raise ValidationError(_("%(explanation)s，不收取信息处理费。"), code="fee_not_due",
                              params={"explanation": explanation})
    pay_by = deadlines.fee_payment_due(on)
    app.status = Status.AWAITING_FEE
    app.save(update_fields=["status"])
    event = ApplicationEvent.objects.record(
        app, EventKind.FEE_NOTIFIED, on=on, actor=actor, note=explanation,
        data={"method": method, "amount": amount, "pay_by": pay_by.isoformat(),
              "explanation": explanation, **extra},
    )
    refresh_deadline(app)
    audit.record(actor=actor, action=FEE_NOTIFY, target=app,
                 data={"method": method, "amount": amount, "pay_by": str(pay_by)})
    notify(app, event, handler=False)
    return app


@transaction.atomic
def application_record_payment(*, application, actor, on: datetime.date, note: str = ""):
    require(can_handle_application(actor, application))
    app = lock(application)
    if app.status != Status.AWAITING_FEE:
        raise ValidationError(_("本申请没有待缴纳的信息处理费。"), code="no_fee_pending")
    ensure_transition(app.status, Status.IN_PROGRESS)
    check_date(app, on)
    notice = ApplicationEvent.objects.filter(application=app, kind=EventKind.FEE_NOTIFIED).latest("id")
    if on < notice.on:
        raise ValidationError({"on": ValidationError(
            _("缴费日期不能早于收费通知日期（%(notice)s）。"), code="payment_before_notice",
            params={"notice": notice.on})})
    app.status = Status.IN_PROGRESS
    app.save(update_fields=["status"])
    event = ApplicationEvent.objects.record(
        app, EventKind.FEE_PAID, on=on, actor=actor, note=note,
        data={"amount": notice.data.get("amount")},
    )
    refresh_deadline(app)
    audit.record(actor=actor, action=FEE_PAY, target=app,
                 data={"on": str(on), "amount": notice.data.get("amount")})
    notify(app, event, handler=False)
    return app
