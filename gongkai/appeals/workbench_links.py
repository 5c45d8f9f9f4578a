"""Workbench links of the appeals app (see gongkai.accounts.workbench, which loads them at start-up).

Declared here only; imports nothing of ours but the roles.
"""

from django.utils.translation import gettext_lazy as _

from gongkai.agencies.models import Role

LINKS = [
    {"url_name": "appeals:list", "label": _("行政复议和行政诉讼案件"),
     "roles": (Role.HANDLER, Role.SUPERVISOR), "order": 30},
]
