"""Audit action codes of the supervision app (declared here only; see gongkai.audit.actions).

Loaded at start-up by `gongkai.audit.actions.autodiscover()`; the services import the
constants. Imports nothing of ours.
"""

from django.utils.translation import gettext_lazy as _

CHECK_UPLOAD = "supervision.report_check.upload"
COLUMN_REVIEW = "supervision.column_review"

LABELS = {
    CHECK_UPLOAD: _("上传外部年报检查"),
    COLUMN_REVIEW: _("确认栏目内容已审核、无需更新"),
}
