"""Audit action codes of the participation app (declared here only; see gongkai.audit.actions).

Loaded at start-up by `gongkai.audit.actions.autodiscover()`; the services import the
constants. Imports nothing of ours.
"""

from django.utils.translation import gettext_lazy as _

CONSULTATION_CREATE = "participation.consultation.create"
CONSULTATION_UPDATE = "participation.consultation.update"
CONSULTATION_OPEN = "participation.consultation.open"
CONSULTATION_CLOSE = "participation.consultation.close"
COMMENT_SUBMIT = "participation.comment.submit"
COMMENT_MODERATE = "participation.comment.moderate"
COMMENT_ADOPT = "participation.comment.adopt"
FEEDBACK_PUBLISH = "participation.feedback.publish"

LABELS = {
    CONSULTATION_CREATE: _("起草意见征集"),
    CONSULTATION_UPDATE: _("修改意见征集"),
    CONSULTATION_OPEN: _("发布意见征集"),
    CONSULTATION_CLOSE: _("结束意见征集"),
    COMMENT_SUBMIT: _("收到公众意见"),
    COMMENT_MODERATE: _("审核公众意见"),
    COMMENT_ADOPT: _("登记意见采纳情况"),
    FEEDBACK_PUBLISH: _("公布意见采纳情况"),
}
