"""区分处理 (《条例》第三十七条): marking a reply file, submitting the marks, and a second person's
approval, which produces the redacted PDF the applicant receives. The original stays with the
agency. Every step is audited: who marked which page on which ground, who approved.

The marked text itself is kept on the mark (the agency holds the original anyway) but never
copied into the audit log, which supervisors outside the request read.
"""

from __future__ import annotations

import hashlib
from collections import Counter

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from gongkai import audit
from gongkai.applications.audit_actions import (  # noqa: F401  (re-exported for callers)
    REDACTION_APPROVE,
    REDACTION_MARK,
    REDACTION_RETURN,
    REDACTION_START,
    REDACTION_SUBMIT,
    REDACTION_UNMARK,
)
from gongkai.catalog import file_writes

from .. import pdf_redaction
from ..models import (
    GROUND_CHOICES,
    MarkKind,
    Redaction,
    RedactionMark,
    RedactionStatus,
    ReplyFile,
)
from ..permissions import can_approve_redaction, can_redact
from .base import refuse, require

_UNUSABLE = {
    "damaged": _("文件已损坏，无法进行区分处理。"),
    "encrypted": _("文件已加密，请上传未加密的PDF。"),
    "empty": _("文件没有页面。"),
    "too_many_pages": _("文件超过%(max)s页，请拆分后上传。"),
    "not_pdf_or_docx": _("只能对PDF或DOCX文件进行区分处理。"),
}
_GROUNDS = dict(GROUND_CHOICES)


def _lock(redaction: Redaction) -> Redaction:
    return Redaction.objects.select_for_update().select_related(
        "reply_file__application__agency").get(pk=redaction.pk)


def _require_marking(redaction: Redaction) -> None:
    if redaction.status != RedactionStatus.MARKING:
        raise refuse(_("区分处理已提交审批或已生成，不能再修改标注。"), "not_marking")


def _check_ground(ground: str) -> None:
    if ground not in _GROUNDS:
        raise ValidationError({"ground": ValidationError(_("请选择不予公开的理由。"),
                                                         code="invalid_ground")})


def _areas(redaction: Redaction) -> list[pdf_redaction.Area]:
    return [pdf_redaction.Area(m.page, *m.rect) for m in redaction.marks.all()]


def _save_file(field, data: bytes) -> str:
    sha256 = hashlib.sha256(data).hexdigest()
    field.save(sha256, ContentFile(data), save=False)
    file_writes.written(field.storage, field.name)
    return sha256


@transaction.atomic
@file_writes.removed_on_failure()
def redaction_start(*, reply_file: ReplyFile, actor) -> Redaction:
    """Begin 区分处理 of a PDF or DOCX reply file (a DOCX is converted to PDF first)."""
    application = reply_file.application
    require(can_redact(actor, application))
    if Redaction.objects.filter(reply_file=reply_file).exists():
        raise refuse(_("该文件已在区分处理中。"), "already_started")
    try:
        with reply_file.file.open("rb") as handle:
            source = pdf_redaction.source_pdf(data=handle.read(),
                                              content_type=reply_file.content_type)
        pages = pdf_redaction.page_count(source)
    except pdf_redaction.UnusableFile as exc:
        raise refuse(_UNUSABLE[exc.code], exc.code, max=pdf_redaction.MAX_PAGES) from exc
    redaction = Redaction(reply_file=reply_file, page_count=pages, started_by=actor)
    _save_file(redaction.source, source)
    redaction.save()
    audit.record(actor=actor, action=REDACTION_START, target=application,
                 data={"file": reply_file.original_name, "redaction": redaction.pk,
                       "pages": pages})
    return redaction


@transaction.atomic
def redaction_mark_text(*, redaction: Redaction, actor, term: str, ground: str
                        ) -> list[RedactionMark]:
    """Mark every occurrence of `term` in the file, each with `ground`."""
    redaction = _lock(redaction)
    require(can_redact(actor, redaction.application))
    _require_marking(redaction)
    _check_ground(ground)
    term = term.strip()
    if not term:
        raise ValidationError({"term": ValidationError(_("请输入要查找的文字。"),
                                                       code="term_required")})
    with redaction.source.open("rb") as handle:
        found = pdf_redaction.find_text(handle.read(), term)
    if not found:
        raise ValidationError({"term": ValidationError(
            _("文件中没有找到“%(term)s”。"), code="term_not_found", params={"term": term})})
    marks = RedactionMark.objects.bulk_create([
        RedactionMark(redaction=redaction, kind=MarkKind.TEXT, page=a.page, x0=a.x0, y0=a.y0,
                      x1=a.x1, y1=a.y1, ground=ground, term=term, created_by=actor)
        for a in found
    ])
    audit.record(actor=actor, action=REDACTION_MARK, target=redaction.application,
                 data={"redaction": redaction.pk, "kind": MarkKind.TEXT, "ground": ground,
                       "occurrences": len(found),
                       "pages": sorted({a.page + 1 for a in found})})
    return marks


@transaction.atomic
def redaction_mark_area(*, redaction: Redaction, actor, page: int, left: float, top: float,
                        right: float, bottom: float, ground: str) -> RedactionMark:
    """Mark a rectangle drawn on one page (`page` from 0); the edges are fractions (0–1) of the
    page's width and height from its top-left corner, as drawn on the page image."""
    redaction = _lock(redaction)
    require(can_redact(actor, redaction.application))
    _require_marking(redaction)
    _check_ground(ground)
    if not 0 <= page < redaction.page_count:
        raise refuse(_("页码超出范围。"), "bad_page")
    with redaction.source.open("rb") as handle:
        width, height = pdf_redaction.page_size(handle.read(), page)
    x0, x1 = sorted(max(0.0, min(v, 1.0)) * width for v in (left, right))
    y0, y1 = sorted(max(0.0, min(v, 1.0)) * height for v in (top, bottom))
    if x1 - x0 < 1 or y1 - y0 < 1:
        raise refuse(_("框选的区域太小，请在页面上拖动画出矩形。"), "area_too_small")
    mark = RedactionMark.objects.create(
        redaction=redaction, kind=MarkKind.AREA, page=page, x0=x0, y0=y0, x1=x1, y1=y1,
        ground=ground, created_by=actor)
    audit.record(actor=actor, action=REDACTION_MARK, target=redaction.application,
                 data={"redaction": redaction.pk, "kind": MarkKind.AREA, "ground": ground,
                       "page": page + 1, "rect": [round(v, 1) for v in mark.rect]})
    return mark


@transaction.atomic
def redaction_unmark(*, mark: RedactionMark, actor) -> None:
    redaction = _lock(mark.redaction)
    require(can_redact(actor, redaction.application))
    _require_marking(redaction)
    audit.record(actor=actor, action=REDACTION_UNMARK, target=redaction.application,
                 data={"redaction": redaction.pk, "kind": mark.kind, "page": mark.page + 1,
                       "ground": mark.ground})
    mark.delete()


@transaction.atomic
def redaction_submit(*, redaction: Redaction, actor) -> Redaction:
    """Hand the marks to a second person for approval."""
    redaction = _lock(redaction)
    require(can_redact(actor, redaction.application))
    _require_marking(redaction)
    count = redaction.marks.count()
    if count == 0:
        raise refuse(_("还没有任何标注；全部公开的文件无需区分处理。"), "no_marks")
    redaction.status = RedactionStatus.SUBMITTED
    redaction.submitted_by, redaction.submitted_at = actor, timezone.now()
    redaction.return_reason = ""
    redaction.save(update_fields=["status", "submitted_by", "submitted_at", "return_reason"])
    audit.record(actor=actor, action=REDACTION_SUBMIT, target=redaction.application,
                 data={"redaction": redaction.pk, "marks": count})
    return redaction


def _require_second_person(redaction: Redaction, actor) -> None:
    require(can_approve_redaction(actor, redaction.application))
    if redaction.status != RedactionStatus.SUBMITTED:
        raise refuse(_("区分处理尚未提交审批。"), "not_submitted")
    if actor.pk in redaction.marker_ids():
        raise refuse(_("区分处理须由标注人以外的另一人审批。"), "same_person")


@transaction.atomic
def redaction_return(*, redaction: Redaction, actor, reason: str) -> Redaction:
    """The approver sends the marks back with what to change."""
    redaction = _lock(redaction)
    _require_second_person(redaction, actor)
    if not reason.strip():
        raise ValidationError({"reason": ValidationError(_("请写明退回意见。"),
                                                         code="reason_required")})
    redaction.status, redaction.return_reason = RedactionStatus.MARKING, reason.strip()[:500]
    redaction.save(update_fields=["status", "return_reason"])
    audit.record(actor=actor, action=REDACTION_RETURN, target=redaction.application,
                 reason=redaction.return_reason, data={"redaction": redaction.pk})
    return redaction


@transaction.atomic
@file_writes.removed_on_failure()
def redaction_approve(*, redaction: Redaction, actor) -> Redaction:
    """Approve and produce the redacted PDF, with the text and images under the marks removed."""
    redaction = _lock(redaction)
    _require_second_person(redaction, actor)
    with redaction.source.open("rb") as handle:
        output = pdf_redaction.apply(handle.read(), _areas(redaction))
    redaction.output_sha256 = _save_file(redaction.output, output)
    redaction.status = RedactionStatus.APPROVED
    redaction.approved_by, redaction.approved_at = actor, timezone.now()
    redaction.save(update_fields=["status", "approved_by", "approved_at", "output",
                                  "output_sha256"])
    grounds = Counter(redaction.marks.values_list("ground", flat=True))
    audit.record(actor=actor, action=REDACTION_APPROVE, target=redaction.application,
                 data={"redaction": redaction.pk, "file": redaction.reply_file.original_name,
                       "sha256": redaction.output_sha256, "grounds": dict(grounds)})
    return redaction
