"""Writes to the public's questions. Staff acts check permission, validate, write and audit in
one transaction; a submission from the public is rate limited and audited without an actor.

    question_submit(agency=, data=, ip=)                     from the public form
    question_answer(actor=, question=, answer=, public_body=, publish=)
    question_refer(actor=, question=, note=)                 really a disclosure request
    question_reject(actor=, question=, note=)                abusive, unrelated, repeated
    answer_period_set(actor=, agency=, workdays=)
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from gongkai import audit
from gongkai.applications import ratelimit
from gongkai.responses.audit_actions import (  # noqa: F401  (re-exported for callers)
    ANSWER_PERIOD_SET,
    QUESTION_ANSWER,
    QUESTION_REFER,
    QUESTION_REJECT,
    QUESTION_SUBMIT,
)
from gongkai.workdays import add_workdays
from gongkai.workdays.calendar import ScheduleUnknown

from .models import DEFAULT_ANSWER_WORKDAYS, PublicQuestion, QuestionStatus, ResponseSetting
from .permissions import can_answer_question, can_set_answer_period

RATE_SCOPE = "ip"
RATE_PREFIX = "question:"


def answer_workdays(agency) -> int:
    setting = ResponseSetting.objects.filter(agency=agency).first()
    return setting.answer_workdays if setting else DEFAULT_ANSWER_WORKDAYS


def _due_on(agency, received_on):
    try:
        return add_workdays(received_on, answer_workdays(agency))
    except ScheduleUnknown:
        return None  # shown as "待定" until the year's schedule is entered


@transaction.atomic
def question_submit(*, agency, data: dict, ip: str) -> PublicQuestion:
    """A question from the public form, unless its address is over the limit."""
    key = [RATE_PREFIX + ip]
    limit = ratelimit.exceeded(RATE_SCOPE, key)
    if limit is not None:
        raise ValidationError(
            _("留言过于频繁：同一网络地址 %(hours)s 小时内最多提交 %(count)s 条，请稍后再试。") % {
                "hours": max(1, limit.seconds // 3600), "count": limit.count},
            code="rate_limited")
    today = timezone.localdate()
    question = PublicQuestion(
        agency=agency, subject=data["subject"], body=data["body"], public_body=data["body"],
        name=data["name"], phone=data["phone"], email=data.get("email", ""),
        received_on=today, due_on=_due_on(agency, today),
    )
    question.full_clean()
    question.save()
    ratelimit.hit(RATE_SCOPE, key)
    audit.record(actor=None, action=QUESTION_SUBMIT, target=question,
                 data={"subject": question.subject})
    return question


def _locked_open(actor, question: PublicQuestion) -> PublicQuestion:
    if not can_answer_question(actor, question):
        raise PermissionDenied
    question = PublicQuestion.objects.select_for_update().get(pk=question.pk)
    if not question.is_open:
        raise ValidationError(_("这条留言已经处理（%(status)s），不能再次处理。"), code="closed",
                              params={"status": question.get_status_display()})
    return question


@transaction.atomic
def question_answer(*, actor, question: PublicQuestion, answer: str, public_body: str,
                    publish: bool) -> PublicQuestion:
    question = _locked_open(actor, question)
    answer, public_body = (answer or "").strip(), (public_body or "").strip()
    if not answer:
        raise ValidationError(_("请填写答复内容。"), code="answer_required")
    if publish and not public_body:
        raise ValidationError(_("公开答复时须填写公开的留言内容（可删去其中的个人信息）。"),
                              code="public_body_required")
    question.answer, question.public_body, question.published = answer, public_body, publish
    question.status = QuestionStatus.ANSWERED
    question.answered_by, question.answered_on = actor, timezone.localdate()
    question.full_clean()
    question.save()
    audit.record(actor=actor, action=QUESTION_ANSWER, target=question,
                 data={"published": publish,
                       "late": bool(question.due_on and question.answered_on > question.due_on)})
    return question


def _close_with_note(actor, question, note: str, status: str, *, action: str) -> PublicQuestion:
    question = _locked_open(actor, question)
    note = (note or "").strip()
    if not note:
        raise ValidationError(_("请填写理由，它会告知留言人。"), code="note_required")
    question.note, question.status = note, status
    question.answered_by, question.answered_on = actor, timezone.localdate()
    question.published = False
    question.save()
    audit.record(actor=actor, action=action, target=question, reason=note)
    return question


@transaction.atomic
def question_refer(*, actor, question: PublicQuestion, note: str) -> PublicQuestion:
    """The question asks for government information: the asker is pointed to 依申请公开."""
    return _close_with_note(actor, question, note, QuestionStatus.REFERRED, action=QUESTION_REFER)


@transaction.atomic
def question_reject(*, actor, question: PublicQuestion, note: str) -> PublicQuestion:
    return _close_with_note(actor, question, note, QuestionStatus.REJECTED, action=QUESTION_REJECT)


@transaction.atomic
def answer_period_set(*, actor, agency, workdays: int) -> ResponseSetting:
    if not can_set_answer_period(actor, agency):
        raise PermissionDenied
    setting, _created = ResponseSetting.objects.select_for_update().get_or_create(agency=agency)
    before = setting.answer_workdays
    setting.answer_workdays, setting.updated_by = workdays, actor
    setting.full_clean()
    setting.save()
    audit.record(actor=actor, action=ANSWER_PERIOD_SET, target=agency,
                 data={"before": before, "after": workdays})
    return setting
