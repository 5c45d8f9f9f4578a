"""Audit action codes of the workdays app (declared here only; see gongkai.audit.actions).

Loaded at start-up by `gongkai.audit.actions.autodiscover()`; the services import the
constants. Imports nothing of ours.
"""

from django.utils.translation import gettext_lazy as _

CALENDAR_YEAR_SAVE = "workdays.year.save"
CALENDAR_YEAR_DELETE = "workdays.year.delete"

LABELS = {
    CALENDAR_YEAR_SAVE: _("录入节假日安排"),
    CALENDAR_YEAR_DELETE: _("删除节假日安排"),
}
