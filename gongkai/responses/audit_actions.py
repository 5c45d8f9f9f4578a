"""Audit action codes of the responses app (declared here only; see gongkai.audit.actions).

Loaded at start-up by `gongkai.audit.actions.autodiscover()`; the services import the
constants. Imports nothing of ours.
"""

from django.utils.translation import gettext_lazy as _

QUESTION_SUBMIT = "responses.question.submit"
QUESTION_ANSWER = "responses.question.answer"
QUESTION_REFER = "responses.question.refer"
QUESTION_REJECT = "responses.question.reject"
ANSWER_PERIOD_SET = "responses.period.set"

LABELS = {
    QUESTION_SUBMIT: _("收到群众留言"),
    QUESTION_ANSWER: _("答复群众留言"),
    QUESTION_REFER: _("引导留言人申请政府信息公开"),
    QUESTION_REJECT: _("不予受理群众留言"),
    ANSWER_PERIOD_SET: _("设置留言答复期限"),
}
