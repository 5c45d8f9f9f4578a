"""The end of a request: the reply with exactly one outcome of table 三, the files disclosed,
delivery, and withdrawal by the applicant."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from gongkai import audit
from gongkai.catalog import file_writes
from gongkai.catalog.files import inspect_upload
from gongkai.reportformat.template import OUTCOME_CODES, OUTCOME_GROUPS, OUTCOMES

from ..legal import WITHDRAWN_TEXT
from ..models import ApplicationEvent, Delivery, EventKind, ReplyFile, Status
from ..permissions import can_handle_application
from ..workflow import ensure_transition
from .base import (
    ATTACH,
    CLOSE,
    DELIVER,
    FILE_DOWNLOAD,
    WITHDRAW,
    check_date,
    lock,
    notify,
    require,
    today,
)

OUTCOME_OTHER = "other"
# Outcomes that only follow from a particular state of the request.
NO_CORRECTION = "other_no_correction"
UNPAID_FEE = "other_unpaid_fee"
UNCLEAR_AFTER_CORRECTION = "unable_unclear"
PARTIAL = "partial"
# 部分公开 and every row of （三）不予公开: the letter must say why (《条例》第三十六条第（三）项,
# 第三十七条 "对不予公开的内容说明理由"); the standard paragraph alone promises reasons it does not give.
WITHHELD_GROUP = OUTCOME_GROUPS[2]  # "（三）不予公开", the heading as the template spells it
REASONS_REQUIRED = frozenset(
    row.code for row in OUTCOMES if row.code == PARTIAL or WITHHELD_GROUP in row.group
)


def _check_outcome_preconditions(app, outcome: str, on: datetime.date) -> None:
    if outcome == NO_CORRECTION:
        if app.status != Status.CORRECTION_REQUESTED:
            raise ValidationError({"outcome": ValidationError(
                _("只有已告知补正、尚未收到补正的申请才能按“逾期不补正”办结。"),
                code="no_correction_pending")})
        if app.wait_until is not None and on <= app.wait_until:
            raise ValidationError({"outcome": ValidationError(
                _("补正期限（%(end)s）尚未届满。"), code="correction_period_running",
                params={"end": app.wait_until})})
        return
    if outcome == UNPAID_FEE:
        if app.status != Status.AWAITING_FEE:
            raise ValidationError({"outcome": ValidationError(
                _("只有已发出收费通知、尚未缴费的申请才能按“逾期未缴费”办结。"),
                code="no_fee_pending")})
        notice = ApplicationEvent.objects.filter(
            application=app, kind=EventKind.FEE_NOTIFIED).latest("id")
        pay_by = datetime.date.fromisoformat(notice.data["pay_by"])
        if on <= pay_by:
            raise ValidationError({"outcome": ValidationError(
                _("缴费期限（%(end)s）尚未届满。"), code="fee_period_running",
                params={"end": pay_by})})
        return
    if app.status == Status.CORRECTION_REQUESTED:
        raise ValidationError({"outcome": ValidationError(
            _("申请正等待补正：请先登记收到补正，或在补正期限届满后按“逾期不补正”办结。"),
            code="correction_pending")})
    if app.status == Status.AWAITING_FEE:
        raise ValidationError({"outcome": ValidationError(
            _("申请正等待缴费：请先登记缴费，或在缴费期限届满后按“逾期未缴费”办结。"),
            code="fee_pending")})
    if app.status == Status.CONSULTING:
        raise ValidationError({"outcome": ValidationError(
            _("正在征求意见：请先登记收到意见（或期限届满）。"), code="consultation_pending")})
    if outcome == UNCLEAR_AFTER_CORRECTION and not ApplicationEvent.objects.filter(
        application=app, kind=EventKind.CORRECTION_RECEIVED
    ).exists():
        raise ValidationError({"outcome": ValidationError(
            _("“补正后申请内容仍不明确”须先告知补正并收到补正。"), code="no_correction_made")})


@transaction.atomic
def application_close(
    *, application, actor, outcome: str, on: datetime.date, reply_text: str = ""
):
    """Reply and close with exactly one outcome code of table 三."""
    require(can_handle_application(actor, application))
    app = lock(application)
    if outcome not in OUTCOME_CODES:
        raise ValidationError({"outcome": ValidationError(_("请选择处理结果。"), code="invalid_outcome")})
    ensure_transition(app.status, Status.CLOSED)
    check_date(app, on)
    _check_outcome_preconditions(app, outcome, on)
    if outcome == OUTCOME_OTHER and not reply_text.strip():
        raise ValidationError({"reply_text": ValidationError(
            _("“其他处理”须写明处理情况。"), code="reply_text_required")})
    if outcome in REASONS_REQUIRED and not reply_text.strip():
        raise ValidationError({"reply_text": ValidationError(
            _("部分公开或不予公开的，须在答复内容中写明不予公开的内容、理由和依据"
              "（《政府信息公开条例》第三十六条、第三十七条），告知书将载明这些理由。"),
            code="reasons_required")})
    app.status, app.outcome, app.closed_on = Status.CLOSED, outcome, on
    app.reply_text = reply_text.strip()
    app.full_clean()
    app.save(update_fields=["status", "outcome", "closed_on", "reply_text"])
    event = ApplicationEvent.objects.record(
        app, EventKind.CLOSED, on=on, actor=actor,
        data={"outcome": outcome, "outcome_label": app.get_outcome_display(),
              "due_on": str(app.due_on) if app.due_on else "",
              "on_time": bool(app.due_on is None or on <= app.due_on)},
    )
    audit.record(actor=actor, action=CLOSE, target=app,
                 data={"outcome": outcome, "closed_on": str(on)})
    notify(app, event)
    return app


@transaction.atomic
def application_withdraw(*, application, actor=None, on: datetime.date | None = None,
                         note: str = "", by_applicant_online: bool = False):
    """The applicant withdraws (撤回申请). Recorded by a handler (letter, phone, in person), or
    done online by the applicant on the status page. Counted in table 三 as （六）其他处理 3.其他."""
    if not by_applicant_online:
        require(can_handle_application(actor, application))
    app = lock(application)
    if app.is_closed:
        raise ValidationError(_("申请已办结，不能撤回。"), code="already_closed")
    on = on or today()
    check_date(app, on)
    app.status, app.outcome, app.closed_on = Status.CLOSED, OUTCOME_OTHER, on
    app.reply_text = WITHDRAWN_TEXT + (f"（{note.strip()}）" if note.strip() else "")
    app.full_clean()
    app.save(update_fields=["status", "outcome", "closed_on", "reply_text"])
    event = ApplicationEvent.objects.record(
        app, EventKind.WITHDRAWN, on=on, actor=None if by_applicant_online else actor, note=note,
        data={"online": by_applicant_online, "outcome": OUTCOME_OTHER},
    )
    if not by_applicant_online:
        audit.record(actor=actor, action=WITHDRAW, target=app, data={"on": str(on)})
    notify(app, event, applicant=not by_applicant_online)
    return app


@transaction.atomic
def application_record_delivery(*, application, actor, on: datetime.date, method: str,
                                note: str = ""):
    """送达 of the reply: how and when."""
    require(can_handle_application(actor, application))
    app = lock(application)
    if not app.is_closed:
        raise ValidationError(_("申请尚未答复，不能登记送达。"), code="not_closed")
    if method not in Delivery.values:
        raise ValidationError({"method": ValidationError(_("请选择送达方式。"), code="invalid")})
    check_date(app, on)
    if on < app.closed_on:
        raise ValidationError({"on": ValidationError(
            _("送达日期不能早于答复日期（%(closed)s）。"), code="delivery_before_reply",
            params={"closed": app.closed_on})})
    event = ApplicationEvent.objects.record(
        app, EventKind.DELIVERED, on=on, actor=actor, note=note,
        data={"method": method, "method_label": str(Delivery(method).label)},
    )
    audit.record(actor=actor, action=DELIVER, target=app, data={"method": method, "on": str(on)})
    return event


@transaction.atomic
@file_writes.removed_on_failure()
def application_attach_file(*, application, actor, name: str, data: bytes) -> ReplyFile:
    """A disclosed file, checked by its content (gongkai.catalog.files, shared with the catalog)."""
    require(can_handle_application(actor, application))
    app = lock(application)
    if ApplicationEvent.objects.filter(application=app, kind=EventKind.DELIVERED).exists():
        raise ValidationError(_("答复已送达，不能再添加附件。"), code="already_delivered")
    inspected = inspect_upload(name=name, data=data,
                               max_bytes=settings.GONGKAI_ATTACHMENT_MAX_BYTES)
    reply_file = ReplyFile(
        application=app, original_name=inspected.name, content_type=inspected.content_type,
        size=inspected.size, sha256=inspected.sha256, uploaded_by=actor,
    )
    reply_file.file.save(inspected.sha256, ContentFile(data), save=False)
    file_writes.written(reply_file.file.storage, reply_file.file.name)
    reply_file.save()
    audit.record(actor=actor, action=ATTACH, target=app,
                 data={"file": inspected.name, "sha256": inspected.sha256})
    return reply_file



@transaction.atomic
def reply_file_open(*, reply_file: ReplyFile, actor):
    """A disclosed file, opened for a staff member who may see its request: each download is
    audited (the files are addressed to one applicant). Returns the open file."""
    from ..permissions import can_view_application

    require(can_view_application(actor, reply_file.application))
    audit.record(actor=actor, action=FILE_DOWNLOAD, target=reply_file.application,
                 data={"file_id": reply_file.pk})
    return reply_file.file.open("rb")
