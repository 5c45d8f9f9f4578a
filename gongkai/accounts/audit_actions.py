"""Audit action codes of the accounts app (declared here only; see gongkai.audit.actions).

Loaded at start-up by `gongkai.audit.actions.autodiscover()`; the services import the
constants. Imports nothing of ours.
"""

from django.utils.translation import gettext_lazy as _

OTP_ENABLE = "accounts.otp.enable"
OTP_DISABLE = "accounts.otp.disable"
OTP_RESET = "accounts.otp.reset"

LABELS = {
    OTP_ENABLE: _("启用双因素登录"),
    OTP_DISABLE: _("停用双因素登录"),
    OTP_RESET: _("管理员重置双因素登录"),
}
