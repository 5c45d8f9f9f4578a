"""Audit action codes of the privacy app (declared here only; see gongkai.audit.actions).

Loaded at start-up by `gongkai.audit.actions.autodiscover()`; the services import the
constants. Imports nothing of ours.
"""

from django.utils.translation import gettext_lazy as _

ERASE = "privacy.erase_personal_data"
ROTATE = "privacy.rotate_keys"

LABELS = {
    ERASE: _("删除保存期限届满的个人信息"),
    ROTATE: _("轮换个人信息加密密钥"),
}
