"""Audit action codes of the appeals app (declared here only; see gongkai.audit.actions).

Loaded at start-up by `gongkai.audit.actions.autodiscover()`; the services import the
constants. Imports nothing of ours.
"""

from django.utils.translation import gettext_lazy as _

APPEAL_CREATE = "appeals.case.create"
APPEAL_UPDATE = "appeals.case.update"
APPEAL_RESULT = "appeals.case.result"

LABELS = {
    APPEAL_CREATE: _("登记复议诉讼案件"),
    APPEAL_UPDATE: _("修改复议诉讼案件"),
    APPEAL_RESULT: _("登记复议诉讼案件结果"),
}
