"""Workbench links of the powers app (see gongkai.accounts.workbench, which loads them at start-up).

Declared here only; imports nothing of ours but the roles.
"""

from django.utils.translation import gettext_lazy as _

from gongkai.agencies.models import Role

LINKS = [
    {"url_name": "powers:staff_list", "label": _("权责清单"), "roles": (Role.ADMIN, Role.PUBLISHER, Role.SUPERVISOR), "order": 55},
    {"url_name": "powers:decision_list", "label": _("行政决定和收费（双公示）"), "roles": (Role.ADMIN, Role.PUBLISHER, Role.SUPERVISOR), "order": 56},
]
