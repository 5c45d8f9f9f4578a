"""What the applicant does and is told from their status page, without a staff account:
补正 material uploaded online, and the e-mails when the reply is due soon or overdue.

The online 补正 goes through the very step a handler uses for a paper 补正
(`clock.record_correction_received`): same transition, same restart of the 20 working days,
same event; the files pass the same content check as every upload (`catalog.files`).
"""

from __future__ import annotations

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from gongkai import audit
from gongkai.applications.audit_actions import CORRECTION_FILE_DOWNLOAD, CORRECTION_ONLINE
from gongkai.catalog import file_writes
from gongkai.catalog.files import inspect_upload

from ..models import ApplicantNotice, Application, CorrectionFile, EventKind, NoticeKind, Status
from ..permissions import can_view_application
from .base import lock, notify, require, today
from .clock import record_correction_received

# The actor of an online 补正 in the audit log (stored, so not passed through gettext).
ONLINE_CORRECTION = "申请人（在线补正）"
MAX_CORRECTION_FILES = 5
NOTE_MAX = 1000


@transaction.atomic
@file_writes.removed_on_failure()
def application_submit_correction(
    *, application: Application, files: list[tuple[str, bytes]], note: str = ""
) -> Application:
    """The applicant's corrected application, uploaded on the status page (《条例》第三十条).
    Received the day it is uploaded: the platform confirms it at once (第三十一条第（三）项), and
    the reply period starts again from that day. The caller has checked that the request is the
    applicant's (query code and phone, or the owner's account)."""
    app = lock(application)
    if app.is_closed:
        if app.events.filter(kind=EventKind.WITHDRAWN).exists():
            raise ValidationError(_("申请已撤回，不能再提交补正材料。"), code="application_withdrawn")
        raise ValidationError(_("申请已办结，不能再提交补正材料。"), code="application_closed")
    if app.status != Status.CORRECTION_REQUESTED:
        raise ValidationError(
            _("本申请目前不需要补正：只有收到补正通知、尚未补正的申请才能在线提交补正材料。"),
            code="no_correction_pending")
    if not files:
        raise ValidationError(_("请选择要上传的补正材料。"), code="correction_files_required")
    if len(files) > MAX_CORRECTION_FILES:
        raise ValidationError(_("一次最多上传 %(max)s 个文件，请合并后再上传。"),
                              code="too_many_files", params={"max": MAX_CORRECTION_FILES})
    if len(note) > NOTE_MAX:
        raise ValidationError(_("补正说明最多 %(max)s 字。"), code="note_too_long",
                              params={"max": NOTE_MAX})
    checked = [(inspect_upload(name=name, data=data, max_bytes=settings.GONGKAI_ATTACHMENT_MAX_BYTES),
                data) for name, data in files]
    on = today()
    # The event keeps no file names (the log outlives the erasure of personal data; the files
    # themselves are erased with the request's other personal data).
    event = record_correction_received(app, on=on, note=note.strip(),
                                       data={"online": True, "files": len(checked)})
    for inspected, data in checked:
        stored = CorrectionFile(
            application=app, event=event, original_name=inspected.name,
            content_type=inspected.content_type, size=inspected.size, sha256=inspected.sha256)
        stored.file.save(inspected.sha256, ContentFile(data), save=False)
        file_writes.written(stored.file.storage, stored.file.name)
        stored.save()
    audit.record(actor=None, actor_name=ONLINE_CORRECTION, action=CORRECTION_ONLINE, target=app,
                 data={"on": str(on), "sha256": [inspected.sha256 for inspected, _data in checked]})
    notify(app, event)
    return app


def applicant_reminders_send(*, today: datetime.date, soon: datetime.date) -> int:
    """E-mail applicants who gave an address when their reply is due by `soon` (the daily
    command passes 3 working days ahead) or overdue. One notice per request, kind and due date,
    recorded in `ApplicantNotice` before it is enqueued: a second run sends nothing, a due date
    moved by an extension or a 补正 earns a new notice. Returns the number of notices."""
    from ..tasks import remind_applicant_task

    candidates = (Application.objects.due_by(soon).filter(personal_data_erased_at__isnull=True)
                  .order_by("due_on", "id"))
    sent = 0
    for application in candidates:
        if not application.email:  # encrypted at rest: tested here, not in SQL
            continue
        kind = NoticeKind.OVERDUE if application.is_overdue(today) else NoticeKind.DUE_SOON
        with transaction.atomic():
            notice, created = ApplicantNotice.objects.get_or_create(
                application=application, kind=kind, due_on=application.due_on,
                defaults={"sent_on": today})
            if created:
                transaction.on_commit(lambda pk=notice.pk: remind_applicant_task.enqueue(pk))
        sent += created
    return sent


@transaction.atomic
def correction_file_open(*, correction_file: CorrectionFile, actor):
    """补正 material, opened for a staff member who may see its request; each download is
    audited (the material is the applicant's). Returns the open file."""
    require(can_view_application(actor, correction_file.application))
    audit.record(actor=actor, action=CORRECTION_FILE_DOWNLOAD, target=correction_file.application,
                 data={"correction_file_id": correction_file.pk})
    return correction_file.file.open("rb")
