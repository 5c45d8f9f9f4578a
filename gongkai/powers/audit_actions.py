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

LABELS = {
    ITEM_CREATE: _("新增权责事项"),
    ITEM_ADJUST: _("调整权责事项"),
    ITEM_ABOLISH: _("取消权责事项"),
    ITEM_CHART: _("上传权力运行流程图"),
    ITEMS_IMPORT: _("导入权责清单"),
}
