"""Forms of the 回应关切 pages. They check input; `services` writes."""

from __future__ import annotations

import re

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from gongkai.agencies.models import Agency

from .models import PublicQuestion, QuestionStatus, ResponseSetting

_PHONE = re.compile(r"^[0-9+\-() ]{7,20}$")


class AskForm(forms.ModelForm):
    agency = forms.ModelChoiceField(label=_("留言对象"), queryset=Agency.objects.none(),
                                    empty_label=_("请选择机关"))
    consent = forms.BooleanField(
        label=_("我知道：留言及答复可能在网站公开（不公开姓名和联系方式）；如需获取政府信息，应当提出政府信息公开申请。"))

    class Meta:
        model = PublicQuestion
        fields = ["agency", "subject", "body", "name", "phone", "email"]
        widgets = {
            "body": forms.Textarea(attrs={"rows": 8, "maxlength": 2000}),
            "name": forms.TextInput(attrs={"autocomplete": "name"}),
            "phone": forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
        }
        help_texts = {
            "body": _("请说明您关心的问题，不要填写身份证号码等个人信息。"),
            "phone": _("用于凭查询码查询答复，不会公开。"),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = Agency.objects.active()
        self.fields["email"].required = False

    def clean_phone(self):
        phone = (self.cleaned_data.get("phone") or "").strip()
        if not _PHONE.match(phone):
            raise ValidationError(_("联系电话格式不正确，请填写手机号码或带区号的固定电话。"),
                                  code="bad_phone")
        return phone

    def clean_email(self):
        email = (self.cleaned_data.get("email") or "").strip()
        if email:
            forms.EmailField().clean(email)
        return email


class LookupForm(forms.Form):
    code = forms.CharField(label=_("查询码"), max_length=16)
    phone = forms.CharField(label=_("联系电话"), max_length=20)


class AnswerForm(forms.Form):
    answer = forms.CharField(label=_("答复内容"), widget=forms.Textarea(attrs={"rows": 8}),
                             max_length=5000)
    public_body = forms.CharField(
        label=_("公开的留言内容"), required=False, max_length=2000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("公开前请删去留言中的姓名、电话、证件号码、住址等个人信息。"))
    publish = forms.BooleanField(label=_("在网站公开留言和答复"), required=False, initial=True)


class NoteForm(forms.Form):
    note = forms.CharField(label=_("理由（会告知留言人）"), max_length=1000,
                           widget=forms.Textarea(attrs={"rows": 3}))


class PeriodForm(forms.ModelForm):
    class Meta:
        model = ResponseSetting
        fields = ["answer_workdays"]


class QueueFilterForm(forms.Form):
    agency = forms.ModelChoiceField(label=_("机关"), queryset=None, required=False,
                                    empty_label=_("全部"))
    status = forms.ChoiceField(label=_("状态"), required=False,
                               choices=[("", _("全部")), *QuestionStatus.choices])
    overdue = forms.BooleanField(label=_("只看已超期"), required=False)

    def __init__(self, *args, agencies, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = agencies


class PublicFilterForm(forms.Form):
    agency = forms.ModelChoiceField(label=_("机关"), queryset=Agency.objects.none(),
                                    required=False, empty_label=_("全部"))
    q = forms.CharField(label=_("标题含"), required=False, max_length=50)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = Agency.objects.active()
