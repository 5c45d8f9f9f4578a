"""Workbench links of the audit app (see gongkai.accounts.workbench, which loads them at start-up).

Declared here only; imports nothing of ours but the roles.
"""

from django.utils.translation import gettext_lazy as _

from gongkai.agencies.models import Role

LINKS = [
    {"url_name": "audit:list", "label": _("审计日志"), "roles": (Role.SUPERVISOR,), "order": 90},
]
