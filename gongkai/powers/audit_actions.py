"""Audit action codes of the powers app (declared here only; see gongkai.audit.actions).

Loaded at start-up by `gongkai.audit.actions.autodiscover()`; the services import the
constants. Imports nothing of ours.
"""

from django.utils.translation import gettext_lazy as _

ITEM_CREATE = "powers.item.create"
ITEM_ADJUST = "powers.item.adjust"
ITEM_ABOLISH = "powers.item.abolish"
ITEM_CHART = "powers.item.chart"
ITEMS_IMPORT = "powers.items.import"

DECISION_CREATE = "powers.decision.create"
DECISION_UPDATE = "powers.decision.update"
DECISION_PUBLISH = "powers.decision.publish"
DECISIONS_IMPORT = "powers.decisions.import"
FEE_CREATE = "powers.fee.create"
FEE_UPDATE = "powers.fee.update"
FEES_IMPORT = "powers.fees.import"
PUBLICATION_DEADLINE_SET = "powers.publication.deadline"

LABELS = {
    ITEM_CREATE: _("新增权责事项"),
    ITEM_ADJUST: _("调整权责事项"),
    ITEM_ABOLISH: _("取消权责事项"),
    ITEM_CHART: _("上传权力运行流程图"),
    ITEMS_IMPORT: _("导入权责清单"),
    DECISION_CREATE: _("登记行政决定"),
    DECISION_UPDATE: _("更正行政决定"),
    DECISION_PUBLISH: _("公示行政决定"),
    DECISIONS_IMPORT: _("导入行政决定"),
    FEE_CREATE: _("登记行政事业性收费"),
    FEE_UPDATE: _("更正行政事业性收费"),
    FEES_IMPORT: _("导入行政事业性收费"),
    PUBLICATION_DEADLINE_SET: _("设置双公示期限"),
}
