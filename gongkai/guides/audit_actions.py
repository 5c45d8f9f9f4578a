"""Audit action codes of the guides app (declared here only; see gongkai.audit.actions).

Loaded at start-up by `gongkai.audit.actions.autodiscover()`; the services import the
constants. Imports nothing of ours.
"""

from django.utils.translation import gettext_lazy as _

GUIDE_SAVE = "guides.guide.save"
GUIDE_PUBLISH = "guides.guide.publish"
GUIDE_WITHDRAW = "guides.guide.withdraw"
MATERIAL_ADD = "guides.material.add"
MATERIAL_REMOVE = "guides.material.remove"

LABELS = {
    GUIDE_SAVE: _("编辑办事指南"),
    GUIDE_PUBLISH: _("发布办事指南"),
    GUIDE_WITHDRAW: _("停办办事事项"),
    MATERIAL_ADD: _("添加申请材料"),
    MATERIAL_REMOVE: _("删除申请材料"),
}
