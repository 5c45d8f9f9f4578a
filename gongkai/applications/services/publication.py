"""The disclosure log: publishing a closed request's question, outcome and disclosed files
without the applicant's identity, and taking it down again. Both are audited."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from gongkai import audit
from gongkai.applications.audit_actions import (  # noqa: F401  (re-exported for callers)
    PUBLISH,
    UNPUBLISH,
)

from ..models import Application, EventKind, PublishedRequest
from ..models.publication import applicant_identity
from ..permissions import can_handle_application
from .base import lock, refuse, require


def _check_text(application: Application, field: str, text: str) -> None:
    for value in applicant_identity(application):
        if value in text:
            raise ValidationError({field: ValidationError(
                _("公开的文字含有申请人的个人信息（%(value)s），请删去。"),
                code="personal_data", params={"value": value})})


def _check_files(application: Application, disclosed) -> None:
    """A file goes into the log only if its text names none of the applicant's identity: a reply
    addressed to the applicant must first go through 区分处理. PDF and DOCX are read."""
    from ..pdf_redaction import UnusableFile, plain_text

    identity = ["".join(v.split()) for v in applicant_identity(application)]
    for item in disclosed:
        with item.open() as handle:
            data = handle.read()
        try:
            text = plain_text(data=data, content_type=item.content_type)
        except (UnusableFile, ValueError, KeyError):
            text = None
        if text is None:
            continue
        found = next((v for v in identity if v in text), None)
        if found is not None:
            raise ValidationError({"files": ValidationError(
                _("文件“%(name)s”含有申请人的个人信息（%(value)s），请先作区分处理再公开。"),
                code="file_personal_data", params={"name": item.name, "value": found})})


@transaction.atomic
def published_request_publish(*, application: Application, actor, question: str,
                              reply: str = "", files=()) -> PublishedRequest:
    """Publish a closed request in the disclosure log. Files must be disclosed as they are
    (no 区分处理) or through an approved redaction."""
    from ..selectors import disclosed_files

    require(can_handle_application(actor, application))
    app = lock(application)
    if not app.is_closed:
        raise refuse(_("申请尚未办结，不能公开。"), "not_closed")
    if app.events.filter(kind=EventKind.WITHDRAWN).exists():
        raise refuse(_("申请人已撤回的申请不公开。"), "withdrawn")
    if PublishedRequest.objects.filter(application=app).exists():
        raise refuse(_("该申请已经公开。"), "already_published")
    question, reply = question.strip(), reply.strip()
    if not question:
        raise ValidationError({"question": ValidationError(_("请填写公开的申请内容。"),
                                                           code="required")})
    _check_text(app, "question", question)
    _check_text(app, "reply", reply)
    disclosed = {f.reply_file_id for f in disclosed_files(app)}
    files = list(files)
    if any(f.application_id != app.pk or f.pk not in disclosed for f in files):
        raise ValidationError({"files": ValidationError(
            _("只能公开已提供给申请人的文件；区分处理尚未批准的文件不能公开。"),
            code="file_not_disclosed")})
    _check_files(app, [d for d in disclosed_files(app) if d.reply_file_id in {f.pk for f in files}])
    publication = PublishedRequest.objects.create(application=app, question=question,
                                                  reply=reply, published_by=actor)
    publication.files.set(files)
    audit.record(actor=actor, action=PUBLISH, target=app,
                 data={"publication": publication.pk, "files": [f.pk for f in files]})
    return publication


@transaction.atomic
def published_request_withdraw(*, publication: PublishedRequest, actor) -> None:
    require(can_handle_application(actor, publication.application))
    audit.record(actor=actor, action=UNPUBLISH, target=publication.application,
                 data={"publication": publication.pk})
    publication.delete()
