"""Workbench links of the applications app (see gongkai.accounts.workbench, which loads them at start-up).

Declared here only; imports nothing of ours but the roles.
"""

from django.utils.translation import gettext_lazy as _

from gongkai.agencies.models import Role

LINKS = [
    {"url_name": "applications:mine", "label": _("我的政府信息公开申请"), "roles": (), "order": 5},
    {"url_name": "applications:queue", "label": _("依申请公开办理（待办队列）"),
     "roles": (Role.HANDLER, Role.ADMIN, Role.SUPERVISOR), "order": 20},
    {"url_name": "applications:register", "label": _("登记信函、当面、传真、电子邮件申请"),
     "roles": (Role.HANDLER,), "order": 21},
    {"url_name": "applications:proposals", "label": _("同一信息的申请与主动公开建议（第四十四条）"),
     "roles": (Role.HANDLER, Role.ADMIN, Role.PUBLISHER, Role.SUPERVISOR), "order": 22},
]
