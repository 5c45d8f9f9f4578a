"""Audit action codes of the agencies app (declared here only; see gongkai.audit.actions).

Loaded at start-up by `gongkai.audit.actions.autodiscover()`; the services import the
constants. Imports nothing of ours.
"""

from django.utils.translation import gettext_lazy as _

AGENCY_CREATE = "agencies.agency.create"
AGENCY_UPDATE = "agencies.agency.update"
AGENCY_CHANGE = "agencies.agency.change"
MEMBERSHIP_GRANT = "agencies.membership.grant"
MEMBERSHIP_REVOKE = "agencies.membership.revoke"

LABELS = {
    AGENCY_CREATE: _("新建机构"),
    AGENCY_UPDATE: _("修改机构信息"),
    AGENCY_CHANGE: _("修改机构设置（名称、代码、上级机构等）"),
    MEMBERSHIP_GRANT: _("授予角色"),
    MEMBERSHIP_REVOKE: _("撤销角色"),
}
