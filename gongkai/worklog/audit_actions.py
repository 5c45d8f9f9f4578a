"""Audit action codes of the worklog app (declared here only; see gongkai.audit.actions).

Loaded at start-up by `gongkai.audit.actions.autodiscover()`; the services import the
constants. Imports nothing of ours.
"""

from django.utils.translation import gettext_lazy as _

ACTIVITY_CREATE = "worklog.activity.create"
ACTIVITY_UPDATE = "worklog.activity.update"
ACTIVITY_DELETE = "worklog.activity.delete"
MATERIAL_ADD = "worklog.material.add"
MATERIAL_REMOVE = "worklog.material.remove"

LABELS = {
    ACTIVITY_CREATE: _("登记政务公开工作记录"),
    ACTIVITY_UPDATE: _("修改政务公开工作记录"),
    ACTIVITY_DELETE: _("删除政务公开工作记录"),
    MATERIAL_ADD: _("上传工作记录材料"),
    MATERIAL_REMOVE: _("删除工作记录材料"),
}
