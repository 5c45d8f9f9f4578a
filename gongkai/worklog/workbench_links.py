"""Workbench links of the worklog app (see gongkai.accounts.workbench, which loads them at start-up).

Declared here only; imports nothing of ours but the roles.
"""

from django.utils.translation import gettext_lazy as _

from gongkai.agencies.models import Role

LINKS = [
    {"url_name": "worklog:list", "label": _("政务公开工作记录（会议、培训、检查）"), "roles": (Role.ADMIN, Role.PUBLISHER, Role.SUPERVISOR), "order": 65},
]
