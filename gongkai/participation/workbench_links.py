"""Workbench links of the participation app (see gongkai.accounts.workbench, which loads them at start-up).

Declared here only; imports nothing of ours but the roles.
"""

from django.utils.translation import gettext_lazy as _

from gongkai.agencies.models import Role

LINKS = [
    {"url_name": "participation:staff_list", "label": _("意见征集（公众参与）"), "roles": (Role.PUBLISHER, Role.ADMIN, Role.SUPERVISOR), "order": 45},
]
