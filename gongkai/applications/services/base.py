"""Shared steps of the request services: locking, the clock from the log, notifications."""

from __future__ import annotations

import contextlib
import contextvars
import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from gongkai.audit.actions import register

from .. import deadlines
from ..models import Application, ApplicationEvent

ApplicationError = ValidationError  # refusals carry a code, e.g. "correction_too_late"

REGISTER = register("applications.register", "登记政府信息公开申请")
ASSIGN = register("applications.assign", "分配申请办理人")
REVEAL = register("applications.reveal", "查看申请人完整个人信息")
CORRECTION_REQUEST = register("applications.correction_request", "告知申请人补正")
CORRECTION_RECEIVE = register("applications.correction_receive", "登记收到补正")
EXTEND = register("applications.extend", "延长答复期限")
CONSULT = register("applications.consult", "征求第三方或其他机关意见")
CONSULT_END = register("applications.consult_end", "登记收到征求意见答复")
FEE_NOTIFY = register("applications.fee_notify", "发出信息处理费收费通知")
FEE_PAY = register("applications.fee_pay", "登记缴纳信息处理费")
CLOSE = register("applications.close", "答复并办结申请")
DELIVER = register("applications.deliver", "登记答复送达")
WITHDRAW = register("applications.withdraw", "登记申请人撤回申请")
ATTACH = register("applications.attach", "上传答复附件")
LETTER = register("applications.letter", "下载答复告知书（含完整个人信息）")
EXPORT = register("applications.export", "导出申请清单（个人信息已遮盖）")


def today() -> datetime.date:
    return timezone.localdate()


def refuse(message, code: str, **params) -> ValidationError:
    return ValidationError(message, code=code, params=params or None)


def lock(application: Application) -> Application:
    return Application.objects.select_for_update().get(pk=application.pk)


def require(allowed: bool) -> None:
    if not allowed:
        raise PermissionDenied


def facts_of(application: Application, *, up_to: int | None = None) -> list[deadlines.Fact]:
    """The clock's facts from the log; `up_to` an event id: only the log as it stood then."""
    events = ApplicationEvent.objects.filter(application=application)
    if up_to is not None:
        events = events.filter(pk__lte=up_to)
    return [deadlines.Fact(kind=e.kind, on=e.on, data=e.data) for e in events.order_by("id")]


def deadline_of(application: Application, *, up_to: int | None = None) -> deadlines.Deadline:
    """The deadline with its explanation, from the log (reads only); `up_to` an event id: the
    deadline as it stood right after that event (what a letter sent then announced)."""
    return deadlines.compute_or_problem(
        application.received_on, facts_of(application, up_to=up_to),
        receipt_basis=application.receipt_basis,
    )


def refresh_deadline(application: Application) -> deadlines.Deadline:
    """Recompute `due_on` / `wait_until` from the log and store them. Only services call this,
    right after writing an event."""
    result = deadline_of(application)
    application.due_on = result.due_on
    application.wait_until = result.wait_until
    application.deadline_problem = result.problem[:300]
    Application.objects.filter(pk=application.pk).update(
        due_on=application.due_on,
        wait_until=application.wait_until,
        deadline_problem=application.deadline_problem,
    )
    return result


def check_date(application: Application, on: datetime.date, field: str = "on") -> None:
    """A fact cannot predate receipt or lie in the future."""
    if on < application.received_on:
        raise ValidationError(
            {field: ValidationError(_("日期不能早于收到申请的日期（%(received)s）。"),
                                    code="date_before_receipt",
                                    params={"received": application.received_on})}
        )
    if on > today():
        raise ValidationError(
            {field: ValidationError(_("日期不能晚于今天。"), code="date_in_future")}
        )


_QUIET: contextvars.ContextVar[bool] = contextvars.ContextVar("applications_quiet", default=False)


@contextlib.contextmanager
def quiet():
    """Write events without e-mailing anyone (bulk loads of past requests, e.g. the demo)."""
    token = _QUIET.set(True)
    try:
        yield
    finally:
        _QUIET.reset(token)


def notify(application: Application, event: ApplicationEvent, *, applicant=True, handler=True):
    """Send the e-mails about `event` after the transaction commits (background tasks)."""
    from ..tasks import notify_applicant_task, notify_handler_task

    if _QUIET.get():
        return
    app_id, event_id = application.pk, event.pk
    if applicant:
        transaction.on_commit(lambda: notify_applicant_task.enqueue(app_id, event_id))
    if handler:
        transaction.on_commit(lambda: notify_handler_task.enqueue(app_id, event_id))
