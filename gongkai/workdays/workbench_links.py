"""Workbench links of the workdays app (see gongkai.accounts.workbench, which loads them at start-up).

Declared here only; imports nothing of ours but the roles.
"""

from django.utils.translation import gettext_lazy as _

from gongkai.agencies.models import Role

LINKS = [
    {"url_name": "workdays:year_list", "label": _("工作日历（节假日安排）"), "roles": tuple(Role.values), "order": 90},
]
