"""Audit action codes of the reports app (declared here only; see gongkai.audit.actions).

Loaded at start-up by `gongkai.audit.actions.autodiscover()`; the services import the
constants. Imports nothing of ours.
"""

from django.utils.translation import gettext_lazy as _

REPORT_GENERATE = "reports.annual.generate"
REPORT_NARRATIVE = "reports.annual.narrative"
REPORT_SUBMIT = "reports.annual.submit"
REPORT_RETURN = "reports.annual.return"
REPORT_APPROVE = "reports.annual.approve"
REPORT_PUBLISH = "reports.annual.publish"
FIGURES_SAVE = "reports.figures.save"
FIGURES_IMPORT = "reports.figures.import"

LABELS = {
    REPORT_GENERATE: _("生成年度报告草稿"),
    REPORT_NARRATIVE: _("修改年度报告文字部分"),
    REPORT_SUBMIT: _("报送年度报告"),
    REPORT_RETURN: _("退回年度报告"),
    REPORT_APPROVE: _("审定年度报告"),
    REPORT_PUBLISH: _("发布年度报告"),
    FIGURES_SAVE: _("填报年度业务数据"),
    FIGURES_IMPORT: _("导入年度业务数据"),
}
