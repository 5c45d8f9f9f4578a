"""Who handles a request, and the audited look at the applicant's full personal data."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from gongkai import audit
from gongkai.agencies.models import Role
from gongkai.agencies.permissions import has_role

from ..models import ApplicationEvent, EventKind, Status
from ..permissions import can_assign_application, can_reveal_applicant
from ..workflow import ensure_transition
from .base import ASSIGN, REVEAL, lock, notify, require, today


@transaction.atomic
def application_assign(*, application, handler, actor, on=None):
    """Give the request to a 依申请办理员 of its agency (`on`: the day, today by default)."""
    require(can_assign_application(actor, application))
    app = lock(application)
    if not app.is_closed and not has_role(handler, app.agency_id, Role.HANDLER):
        raise ValidationError({"handler": ValidationError(
            _("只能分配给本机关的依申请办理员。"), code="not_a_handler")})
    if app.is_closed:
        raise ValidationError(_("申请已办结，不能再分配。"), code="already_closed")
    previous = app.handler
    app.handler = handler
    fields = ["handler"]
    if app.status == Status.RECEIVED:
        ensure_transition(app.status, Status.IN_PROGRESS)
        app.status = Status.IN_PROGRESS
        fields.append("status")
    app.save(update_fields=fields)
    event = ApplicationEvent.objects.record(
        app, EventKind.ASSIGNED, on=on or today(), actor=actor,
        data={"handler": str(handler), "previous": str(previous) if previous else ""},
    )
    audit.record(actor=actor, action=ASSIGN, target=app,
                 data={"handler": handler.username, "previous": previous.username if previous else ""})
    notify(app, event, applicant=False, handler=True)
    return app


@transaction.atomic
def application_reveal_applicant(*, application, actor) -> dict[str, str]:
    """The full identity number, phone, e-mail and address, for the assigned handler only;
    every look is written to the audit log."""
    require(can_reveal_applicant(actor, application))
    audit.record(actor=actor, action=REVEAL, target=application,
                 data={"fields": ["id_number", "phone", "email", "address"]})
    return {
        "id_number": application.id_number,
        "phone": application.phone,
        "email": application.email,
        "address": application.address,
    }
