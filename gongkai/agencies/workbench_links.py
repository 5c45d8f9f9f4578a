"""Workbench links of the agencies app (see gongkai.accounts.workbench, which loads them at start-up).

Declared here only; imports nothing of ours.
"""

from django.utils.translation import gettext_lazy as _

from .models import Role

LINKS = [
    {"url_name": "agencies:manage", "label": _("机构信息与人员管理"), "roles": (Role.ADMIN, Role.SUPERVISOR), "order": 80},
]
