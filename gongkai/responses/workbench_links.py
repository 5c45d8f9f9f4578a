"""Workbench links of the responses app (see gongkai.accounts.workbench, which loads them at start-up).

Declared here only; imports nothing of ours but the roles.
"""

from django.utils.translation import gettext_lazy as _

from gongkai.agencies.models import Role

LINKS = [
    {"url_name": "responses:queue", "label": _("回应关切（群众留言）"), "roles": (Role.HANDLER, Role.ADMIN, Role.SUPERVISOR), "order": 35},
]
