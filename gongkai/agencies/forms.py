from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from gongkai.richtext import rich_textarea

from .models import Agency, Role
from .services import AGENCY_INFO_FIELDS


class AgencyInfoForm(forms.ModelForm):
    class Meta:
        model = Agency
        fields = AGENCY_INFO_FIELDS
        widgets = {
            "functions": forms.Textarea(attrs={"rows": 5}),
            "internal_units": forms.Textarea(attrs={"rows": 4}),
            "leaders": forms.Textarea(attrs={"rows": 4}),
            "guide": rich_textarea(rows=12),
        }


class MembershipGrantForm(forms.Form):
    """Offers only the roles the signed-in user may grant here (`permissions.grantable_roles`)."""

    username = forms.CharField(label=_("用户名"), max_length=150)
    role = forms.ChoiceField(label=_("角色"), choices=Role.choices)

    def __init__(self, *args, roles: list[str], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["role"].choices = [(value, label) for value, label in Role.choices if value in roles]

    def clean_username(self):
        username = self.cleaned_data["username"].strip()
        try:
            return get_user_model().objects.get(username=username, is_active=True)
        except get_user_model().DoesNotExist:
            raise forms.ValidationError(
                _("没有用户名为 %(name)s 的有效用户"), code="unknown_user", params={"name": username}
            ) from None
