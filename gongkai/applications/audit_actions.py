"""Audit action codes of the applications app (declared here only; see gongkai.audit.actions).

Loaded at start-up by `gongkai.audit.actions.autodiscover()`; the services import the
constants. Imports nothing of ours.
"""

from django.utils.translation import gettext_lazy as _

REGISTER = "applications.register"
ASSIGN = "applications.assign"
REVEAL = "applications.reveal"
CORRECTION_REQUEST = "applications.correction_request"
CORRECTION_RECEIVE = "applications.correction_receive"
EXTEND = "applications.extend"
CONSULT = "applications.consult"
CONSULT_END = "applications.consult_end"
FEE_NOTIFY = "applications.fee_notify"
FEE_PAY = "applications.fee_pay"
CLOSE = "applications.close"
DELIVER = "applications.deliver"
WITHDRAW = "applications.withdraw"
ATTACH = "applications.attach"
LETTER = "applications.letter"
EXPORT = "applications.export"
SUBMIT_ONLINE = "applications.submit_online"
FILE_DOWNLOAD = "applications.file_download"
PUBLISH = "applications.publish"
UNPUBLISH = "applications.unpublish"
REDACTION_START = "applications.redaction_start"
REDACTION_MARK = "applications.redaction_mark"
REDACTION_UNMARK = "applications.redaction_unmark"
REDACTION_SUBMIT = "applications.redaction_submit"
REDACTION_RETURN = "applications.redaction_return"
REDACTION_APPROVE = "applications.redaction_approve"
SAME_INFORMATION_LINK = "applications.same_information_link"
SAME_INFORMATION_UNLINK = "applications.same_information_unlink"
PROPOSAL_DISMISS = "applications.proposal_dismiss"
PROPOSAL_DRAFT = "applications.proposal_draft"
CORRECTION_ONLINE = "applications.correction_online"
CORRECTION_FILE_DOWNLOAD = "applications.correction_file_download"


LABELS = {
    REGISTER: _("登记政府信息公开申请"),
    ASSIGN: _("分配申请办理人"),
    REVEAL: _("查看申请人完整个人信息"),
    CORRECTION_REQUEST: _("告知申请人补正"),
    CORRECTION_RECEIVE: _("登记收到补正"),
    EXTEND: _("延长答复期限"),
    CONSULT: _("征求第三方或其他机关意见"),
    CONSULT_END: _("登记收到征求意见答复"),
    FEE_NOTIFY: _("发出信息处理费收费通知"),
    FEE_PAY: _("登记缴纳信息处理费"),
    CLOSE: _("答复并办结申请"),
    DELIVER: _("登记答复送达"),
    WITHDRAW: _("登记申请人撤回申请"),
    ATTACH: _("上传答复附件"),
    LETTER: _("下载答复告知书（含完整个人信息）"),
    EXPORT: _("导出申请清单（个人信息已遮盖）"),
    SUBMIT_ONLINE: _("在线提交政府信息公开申请"),
    FILE_DOWNLOAD: _("工作人员下载答复附件"),
    PUBLISH: _("在答复公开栏目发布申请及答复"),
    UNPUBLISH: _("撤下已公开的申请及答复"),
    REDACTION_START: _("发起区分处理"),
    REDACTION_MARK: _("标注不予公开的内容"),
    REDACTION_UNMARK: _("删除区分处理标注"),
    REDACTION_SUBMIT: _("提交区分处理审批"),
    REDACTION_RETURN: _("退回区分处理"),
    REDACTION_APPROVE: _("批准区分处理并生成公开文本"),
    SAME_INFORMATION_LINK: _("认定申请为同一信息（第四十四条）"),
    SAME_INFORMATION_UNLINK: _("取消同一信息的认定"),
    PROPOSAL_DISMISS: _("不予采纳纳入主动公开的建议"),
    PROPOSAL_DRAFT: _("将同一信息的申请转为主动公开草稿"),
    CORRECTION_ONLINE: _("申请人在线提交补正材料"),
    CORRECTION_FILE_DOWNLOAD: _("工作人员下载申请人的补正材料"),
}
