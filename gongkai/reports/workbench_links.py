"""Workbench links of the reports app (see gongkai.accounts.workbench, which loads them at start-up).

Declared here only; imports nothing of ours but the roles.
"""

from django.utils.translation import gettext_lazy as _

from gongkai.agencies.models import Role

LINKS = [
    {"url_name": "reports:figures_list", "label": _("年度报告业务数据（许可、处罚、强制、收费）"),
     "roles": (Role.ADMIN, Role.PUBLISHER, Role.SUPERVISOR), "order": 60},
    {"url_name": "reports:staff_list", "label": _("政府信息公开工作年度报告（生成、报送、审定、发布）"),
     "roles": (Role.ADMIN, Role.PUBLISHER, Role.REVIEWER, Role.SUPERVISOR), "order": 60},
]
