"""Writes to consultations and comments. Staff acts check permission, the workflow table,
validate, write and audit in one transaction; a comment from the public is rate limited and
audited without an actor.

    consultation_create(actor=, agency=, data=)         a draft
    consultation_update(actor=, consultation=, data=)   while a draft
    consultation_open(actor=, consultation=)            征集中; fixes the feedback deadline
    consultation_close(actor=, consultation=)           before the closing date, if need be
    comment_submit(consultation=, data=, ip=)           from the public page
    comment_moderate(actor=, comment=, approve=)
    comment_adopt(actor=, comment=, adoption=, reason=)
    feedback_publish(actor=, consultation=, feedback=, final_document=None)
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from gongkai import audit
from gongkai.applications import ratelimit
from gongkai.catalog.page_scopes import document_scope
from gongkai.page_cache import bump_on_commit
from gongkai.participation.audit_actions import (  # noqa: F401  (re-exported for callers)
    COMMENT_ADOPT,
    COMMENT_MODERATE,
    COMMENT_SUBMIT,
    CONSULTATION_CLOSE,
    CONSULTATION_CREATE,
    CONSULTATION_OPEN,
    CONSULTATION_UPDATE,
    FEEDBACK_PUBLISH,
)
from gongkai.workdays import add_workdays
from gongkai.workdays.calendar import ScheduleUnknown

from .models import (
    FEEDBACK_WORKDAYS,
    Adoption,
    Comment,
    CommentStatus,
    Consultation,
    ConsultationStatus,
)
from .permissions import can_edit_consultation, can_run_consultation
from .workflow import ensure_action

FIELDS = ("title", "summary", "opens_on", "closes_on")
RATE_PREFIX = "consultation:"


def _locked(actor, consultation: Consultation) -> Consultation:
    if not can_edit_consultation(actor, consultation):
        raise PermissionDenied
    return Consultation.objects.select_for_update().get(pk=consultation.pk)


def _snapshot(c: Consultation) -> dict:
    return {f: (v.isoformat() if hasattr(v, "isoformat") else v)
            for f, v in ((f, getattr(c, f)) for f in FIELDS)}


@transaction.atomic
def consultation_create(*, actor, agency, data: dict) -> Consultation:
    if not can_run_consultation(actor, agency):
        raise PermissionDenied
    consultation = Consultation(agency=agency, created_by=actor,
                                **{f: data[f] for f in FIELDS if f in data})
    consultation.full_clean()
    consultation.save()
    audit.record(actor=actor, action=CONSULTATION_CREATE, target=consultation,
                 data=_snapshot(consultation))
    return consultation


@transaction.atomic
def consultation_update(*, actor, consultation: Consultation, data: dict) -> Consultation:
    consultation = _locked(actor, consultation)
    if consultation.status != ConsultationStatus.DRAFT:
        raise ValidationError(_("意见征集已经发布，不能再修改征求意见稿和期限。"), code="not_draft")
    before = _snapshot(consultation)
    for field in FIELDS:
        if field in data:
            setattr(consultation, field, data[field])
    consultation.full_clean()
    consultation.save()
    after = _snapshot(consultation)
    audit.record(actor=actor, action=CONSULTATION_UPDATE, target=consultation,
                 data={"changed": [f for f in FIELDS if before[f] != after[f]]})
    return consultation


@transaction.atomic
def consultation_open(*, actor, consultation: Consultation) -> Consultation:
    """Publish the draft for comments. The 采纳情况 is due FEEDBACK_WORKDAYS working days after
    the closing date (left open while that year's holiday schedule is unknown)."""
    consultation = _locked(actor, consultation)
    consultation.status = ensure_action("open", consultation.status)
    if consultation.closes_on < timezone.localdate():
        raise ValidationError(_("截止日期已过，请先修改征集期限。"), code="period_over")
    try:
        consultation.feedback_due_on = add_workdays(consultation.closes_on, FEEDBACK_WORKDAYS)
    except ScheduleUnknown:
        consultation.feedback_due_on = None
    consultation.save()
    audit.record(actor=actor, action=CONSULTATION_OPEN, target=consultation,
                 data={"closes_on": consultation.closes_on.isoformat()})
    return consultation


@transaction.atomic
def consultation_close(*, actor, consultation: Consultation) -> Consultation:
    consultation = _locked(actor, consultation)
    consultation.status = ensure_action("close", consultation.status)
    consultation.save()
    audit.record(actor=actor, action=CONSULTATION_CLOSE, target=consultation)
    return consultation


@transaction.atomic
def comment_submit(*, consultation: Consultation, data: dict, ip: str) -> Comment:
    today = timezone.localdate()
    if not consultation.accepts_comments(today):
        raise ValidationError(_("本次意见征集不在征集期内，不能提交意见。"), code="not_open")
    key = [RATE_PREFIX + ip]
    limit = ratelimit.exceeded("ip", key)
    if limit is not None:
        raise ValidationError(
            _("提交过于频繁：同一网络地址 %(hours)s 小时内最多提交 %(count)s 条意见，请稍后再试。") % {
                "hours": max(1, limit.seconds // 3600), "count": limit.count}, code="rate_limited")
    comment = Comment(consultation=consultation, body=data["body"], name=data["name"],
                      contact=data.get("contact", ""), submitted_on=today)
    comment.full_clean()
    comment.save()
    ratelimit.hit("ip", key)
    audit.record(actor=None, action=COMMENT_SUBMIT, target=consultation,
                 agency=consultation.agency, data={"comment": comment.pk})
    return comment


@transaction.atomic
def comment_moderate(*, actor, comment: Comment, approve: bool) -> Comment:
    _locked(actor, comment.consultation)
    comment.status = CommentStatus.APPROVED if approve else CommentStatus.REJECTED
    comment.save(update_fields=["status"])
    audit.record(actor=actor, action=COMMENT_MODERATE, target=comment.consultation,
                 data={"comment": comment.pk, "status": comment.status})
    return comment


@transaction.atomic
def comment_adopt(*, actor, comment: Comment, adoption: str, reason: str) -> Comment:
    consultation = _locked(actor, comment.consultation)
    if consultation.status == ConsultationStatus.CONCLUDED:
        raise ValidationError(_("采纳情况已经公布，不能再修改。"), code="concluded")
    reason = (reason or "").strip()
    if adoption in (Adoption.NOT_ADOPTED, Adoption.PARTLY) and not reason:
        raise ValidationError(_("未采纳或部分采纳的意见，须说明理由。"), code="reason_required")
    comment.adoption, comment.reason = adoption, reason
    comment.full_clean()
    comment.save(update_fields=["adoption", "reason"])
    audit.record(actor=actor, action=COMMENT_ADOPT, target=consultation,
                 data={"comment": comment.pk, "adoption": adoption})
    return comment


@transaction.atomic
def feedback_publish(*, actor, consultation: Consultation, feedback: str,
                     final_document=None) -> Consultation:
    """公布采纳情况: every published comment has a decision, with reasons where not taken.
    The final decision, if given, must be a published document of the same agency."""
    consultation = _locked(actor, consultation)
    today = timezone.localdate()
    if consultation.status == ConsultationStatus.OPEN and today <= consultation.closes_on:
        raise ValidationError(_("征集期尚未结束，不能公布采纳情况。"), code="still_open")
    consultation.status = ensure_action("conclude", consultation.status)
    feedback = (feedback or "").strip()
    if not feedback:
        raise ValidationError(_("请填写意见采纳情况说明。"), code="feedback_required")
    undecided = consultation.comments.filter(status=CommentStatus.APPROVED,
                                             adoption=Adoption.UNDECIDED).count()
    pending = consultation.comments.filter(status=CommentStatus.PENDING).count()
    if undecided or pending:
        raise ValidationError(
            _("还有 %(pending)s 条意见待审核、%(undecided)s 条公开的意见未登记采纳情况。"),
            code="comments_open", params={"pending": pending, "undecided": undecided})
    if final_document is not None:
        if final_document.agency_id != consultation.agency_id or not final_document.is_published:
            raise ValidationError(_("正式文件须是本机关已发布的公开信息。"), code="bad_document")
        consultation.final_document = final_document
        bump_on_commit(document_scope(final_document.pk))
    consultation.feedback, consultation.feedback_published_on = feedback, today
    consultation.save()
    audit.record(actor=actor, action=FEEDBACK_PUBLISH, target=consultation,
                 data={"final_document": final_document.pk if final_document else None,
                       "late": bool(consultation.feedback_due_on
                                    and today > consultation.feedback_due_on)})
    return consultation
