"""Workbench links of the supervision app (see gongkai.accounts.workbench, which loads them at start-up).

Declared here only; imports nothing of ours but the roles.
"""

from django.utils.translation import gettext_lazy as _

from gongkai.agencies.models import Role

LINKS = [
    {"url_name": "supervision:dashboard", "label": _("监督看板"), "roles": (Role.SUPERVISOR,), "order": 10},
    {"url_name": "supervision:check_list", "label": _("外部年报检查"), "roles": (Role.SUPERVISOR,), "order": 11},
    {"url_name": "supervision:columns", "label": _("栏目审核确认"), "roles": (Role.ADMIN, Role.PUBLISHER),
     "order": 12},
]
