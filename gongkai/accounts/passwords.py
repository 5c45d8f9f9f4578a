"""Password rules with Chinese messages.

Django 5.2 changed the message of its MinimumLengthValidator to a new msgid that its zh_Hans
catalog does not translate yet, so users saw the English "This password is too short". This
subclass keeps Django's rule and gives the message in Chinese.
"""

from __future__ import annotations

from django.contrib.auth import password_validation
from django.utils.translation import gettext as _


class MinimumLengthValidator(password_validation.MinimumLengthValidator):
    def get_error_message(self) -> str:
        return _("密码长度太短，至少需要 %(min_length)d 个字符。") % {"min_length": self.min_length}

    def get_help_text(self) -> str:
        return _("密码至少需要 %(min_length)d 个字符。") % {"min_length": self.min_length}
