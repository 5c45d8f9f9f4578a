"""Audit action codes of the catalog app (declared here only; see gongkai.audit.actions).

Loaded at start-up by `gongkai.audit.actions.autodiscover()`; the services import the
constants. Imports nothing of ours.
"""

from django.utils.translation import gettext_lazy as _

DOCUMENT_CREATE = "catalog.document.create"
DOCUMENT_UPDATE = "catalog.document.update"
DOCUMENT_SUBMIT = "catalog.document.submit"
DOCUMENT_APPROVE = "catalog.document.approve"
DOCUMENT_RETURN = "catalog.document.return"
DOCUMENT_WITHDRAW = "catalog.document.withdraw"
DOCUMENT_VALIDITY = "catalog.document.validity"
ATTACHMENT_ADD = "catalog.attachment.add"
ATTACHMENT_REMOVE = "catalog.attachment.remove"
CATEGORY_CREATE = "catalog.category.create"
CATEGORY_CHANGE = "catalog.category.change"

LABELS = {
    DOCUMENT_CREATE: _("起草主动公开信息"),
    DOCUMENT_UPDATE: _("修改主动公开信息"),
    DOCUMENT_SUBMIT: _("提交主动公开信息审核"),
    DOCUMENT_APPROVE: _("审核通过并发布主动公开信息"),
    DOCUMENT_RETURN: _("退回主动公开信息"),
    DOCUMENT_WITHDRAW: _("撤回已发布的主动公开信息"),
    DOCUMENT_VALIDITY: _("变更主动公开信息有效性"),
    ATTACHMENT_ADD: _("上传附件"),
    ATTACHMENT_REMOVE: _("删除附件"),
    CATEGORY_CREATE: _("新建公开目录栏目"),
    CATEGORY_CHANGE: _("修改公开目录栏目"),
}
