"""Requests come in: online through the public form, or registered by a handler when they
arrive by letter, in person, fax or e-mail. The received date follows 《条例》第三十一条
(`gongkai.applications.receipt`)."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from gongkai import audit
from gongkai.id_numbers import normalize

from ..models import Application, Channel, EventKind, IdType, number_issue
from ..models.application import applicant_key
from ..models.event import ApplicationEvent
from ..permissions import can_register_for
from ..receipt import received_on_for
from .base import REGISTER, SUBMIT_ONLINE, check_date, notify, refresh_deadline, require, today

# The actor of an online submission in the audit log (stored, so not passed through gettext).
ONLINE_APPLICANT = "申请人（在线提交）"

APPLICANT_FIELDS = (
    "applicant_type", "applicant_name", "id_type", "id_number", "legal_representative",
    "contact_person", "phone", "email", "address", "postal_code", "title", "document_number",
    "description", "info_form", "delivery",
)


def _build(*, agency, data: dict, channel: str, received_on, basis: str, user=None,
           registered_by=None) -> Application:
    values = {field: data.get(field, "") for field in APPLICANT_FIELDS}
    if values["id_type"] in (IdType.RESIDENT_ID, IdType.USCC):
        values["id_number"] = normalize(values["id_number"])
    if values["applicant_type"] == "natural":
        values["legal_representative"] = ""
    application = Application(
        agency=agency, channel=channel, received_on=received_on, receipt_basis=basis,
        user=user, registered_by=registered_by,
        applicant_key=applicant_key(values["id_type"], values["id_number"]), **values,
    )
    application.full_clean()
    # Numbered last, once nothing can refuse the request any more: its transaction holds the
    # sequence row until it commits, and a rollback gives the number back (no gaps).
    application.number_year = received_on.year
    application.number = number_issue(agency_id=agency.pk, year=received_on.year)
    application.save()
    return application


@transaction.atomic
def application_submit(*, agency, data: dict, user=None, submitted_on=None) -> Application:
    """An online request (the public form). Received on the day it is submitted: the platform
    confirms it at once by giving the query code (《条例》第三十一条第（三）项).
    `submitted_on` is only for loading past submissions (demo, migration from an old system)."""
    submitted_on = submitted_on or today()
    received_on, basis = received_on_for(Channel.ONLINE, submitted_on=submitted_on)
    owner = user if user is not None and user.is_authenticated else None
    application = _build(agency=agency, data=data, channel=Channel.ONLINE,
                         received_on=received_on, basis=basis, user=owner)
    event = ApplicationEvent.objects.record(
        application, EventKind.RECEIVED, on=received_on, data={"basis": basis, "channel": "online"}
    )
    refresh_deadline(application)
    # The applicant is not named (an account's name would outlive the erasure of personal data).
    audit.record(actor=None, actor_name=ONLINE_APPLICANT, action=SUBMIT_ONLINE, target=application,
                 data={"channel": Channel.ONLINE, "received_on": str(received_on),
                       "with_account": owner is not None})
    notify(application, event)
    return application


@transaction.atomic
def application_register(
    *, actor, agency, data: dict, channel: str, submitted_on=None, signed_on=None,
    confirmed_on=None, post_kind: str = "signed", note: str = "",
) -> Application:
    """A request that arrived by 信函, 当面, 传真 or 电子邮件, entered by a handler of `agency`."""
    require(can_register_for(actor, agency))
    received_on, basis = received_on_for(
        channel, submitted_on=submitted_on, signed_on=signed_on, confirmed_on=confirmed_on,
        post_kind=post_kind,
    )
    if received_on > today():
        raise ValidationError(_("收到日期不能晚于今天。"), code="date_in_future")
    application = _build(agency=agency, data=data, channel=channel, received_on=received_on,
                         basis=basis, registered_by=actor)
    check_date(application, received_on)
    event = ApplicationEvent.objects.record(
        application, EventKind.RECEIVED, on=received_on, actor=actor, note=note,
        data={"basis": basis, "channel": channel,
              "dates": {k: str(v) for k, v in (("submitted_on", submitted_on),
                                               ("signed_on", signed_on),
                                               ("confirmed_on", confirmed_on)) if v}},
    )
    refresh_deadline(application)
    audit.record(actor=actor, action=REGISTER, target=application,
                 data={"channel": channel, "received_on": str(received_on), "basis": basis})
    notify(application, event, applicant=True, handler=False)
    return application
