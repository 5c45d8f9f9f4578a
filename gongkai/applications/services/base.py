"""Shared steps of the request services: locking, the clock from the log, notifications."""

from __future__ import annotations

import contextlib
import contextvars
import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from gongkai.applications.audit_actions import (  # noqa: F401  (re-exported for callers)
    ASSIGN,
    ATTACH,
    CLOSE,
    CONSULT,
    CONSULT_END,
    CORRECTION_RECEIVE,
    CORRECTION_REQUEST,
    DELIVER,
    EXPORT,
    EXTEND,
    FEE_NOTIFY,
    FEE_PAY,
    FILE_DOWNLOAD,
    LETTER,
    REGISTER,
    REVEAL,
    SUBMIT_ONLINE,
    WITHDRAW,
)

from .. import deadlines
from ..models import Application, ApplicationEvent

ApplicationError = ValidationError  # refusals carry a code, e.g. "correction_too_late"



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
    return deadlines.compute(
        application.received_on, facts_of(application, up_to=up_to),
        receipt_basis=application.receipt_basis,
    )


def refresh_deadline(application: Application) -> deadlines.Deadline:
    """Recompute `due_on` / `wait_until` (and whether they are 暂定) from the log and store
    them. Only services call this: right after writing an event, or after a holiday schedule
    changed."""
    result = deadline_of(application)
    application.due_on = result.due_on
    application.wait_until = result.wait_until
    application.due_on_provisional = result.provisional
    application.provisional_reason = result.provisional_reason[:200]
    Application.objects.filter(pk=application.pk).update(
        due_on=application.due_on,
        wait_until=application.wait_until,
        due_on_provisional=application.due_on_provisional,
        provisional_reason=application.provisional_reason,
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
