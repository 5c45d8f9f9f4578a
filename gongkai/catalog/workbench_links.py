"""Workbench links of the catalog app (see gongkai.accounts.workbench, which loads them at start-up).

Declared here only; imports nothing of ours but the roles.
"""

from django.utils.translation import gettext_lazy as _

from gongkai.agencies.models import Role

LINKS = [
    {"url_name": "catalog:staff_documents", "label": _("主动公开信息管理"),
     "roles": (Role.PUBLISHER, Role.REVIEWER, Role.SUPERVISOR), "order": 10},
    {"url_name": "catalog:staff_document_create", "label": _("起草主动公开信息"),
     "roles": (Role.PUBLISHER,), "order": 11},
    {"url_name": "catalog:staff_review_queue", "label": _("主动公开信息审核"),
     "roles": (Role.REVIEWER,), "order": 12},
]
