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
    LETTER,
    REGISTER,
    REVEAL,
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


def facts_of(application: Application) -> list[deadlines.Fact]:
    return [
        deadlines.Fact(kind=e.kind, on=e.on, data=e.data)
        for e in ApplicationEvent.objects.filter(application=application).order_by("id")
    ]


def deadline_of(application: Application) -> deadlines.Deadline:
    """The deadline with its explanation, from the log (reads only)."""
    return deadlines.compute_or_problem(
        application.received_on, facts_of(application), receipt_basis=application.receipt_basis
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
