"""Workbench links of the guides app (see gongkai.accounts.workbench, which loads them at start-up).

Declared here only; imports nothing of ours but the roles.
"""

from django.utils.translation import gettext_lazy as _

from gongkai.agencies.models import Role

LINKS = [
    {"url_name": "guides:staff_list", "label": _("办事指南"), "roles": (Role.ADMIN, Role.PUBLISHER, Role.SUPERVISOR), "order": 56},
]
