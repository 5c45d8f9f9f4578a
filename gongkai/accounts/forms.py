from django import forms
from django.utils.translation import gettext_lazy as _

_TOKEN_WIDGET = {"autocomplete": "one-time-code", "inputmode": "numeric"}
_TOKEN_ERRORS = {"invalid": _("请输入身份验证器上显示的6位数字。")}


def _token_field(label) -> forms.RegexField:
    return forms.RegexField(label=label, regex=r"^\s*\d{6}\s*$", error_messages=_TOKEN_ERRORS,
                            widget=forms.TextInput(attrs=_TOKEN_WIDGET))


class TokenForm(forms.Form):
    token = _token_field(_("动态验证码"))

    def clean_token(self) -> str:
        return self.cleaned_data["token"].strip()


class CurrentTokenForm(forms.Form):
    """A code from the authenticator in use, asked before it is replaced or removed."""

    current_token = _token_field(_("当前身份验证器上的验证码"))

    def clean_current_token(self) -> str:
        return self.cleaned_data["current_token"].strip()


class DeviceReplaceForm(CurrentTokenForm, TokenForm):
    """Replacing an authenticator: a code from the old one and a first code from the new one."""

    field_order = ["current_token", "token"]
