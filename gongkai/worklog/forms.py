"""Forms of the work-log pages. They check input; `services` writes."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import ActivityKind, WorkActivity


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%d")


class ActivityForm(forms.ModelForm):
    class Meta:
        model = WorkActivity
        fields = ["agency", "kind", "title", "held_on", "place", "participants", "summary"]
        widgets = {"held_on": DateInput(), "summary": forms.Textarea(attrs={"rows": 5})}
        help_texts = {
            "title": _("如“《政府信息公开条例》专题学习会”“政务公开业务培训班”。"),
            "summary": _("会议、培训或检查的主要内容和结果，供年度报告“总体情况”引用。"),
        }

    def __init__(self, *args, agencies=None, **kwargs):
        super().__init__(*args, **kwargs)
        if agencies is None:  # editing: a record stays with its agency
            del self.fields["agency"]
        else:
            self.fields["agency"].queryset = agencies
            if len(agencies) == 1:
                self.fields["agency"].initial = agencies[0].pk


class MaterialForm(forms.Form):
    file = forms.FileField(label=_("材料文件"),
                           help_text=_("PDF、Word、Excel 或图片，如通知、签到表、课件、照片。"))


class ActivityFilterForm(forms.Form):
    agency = forms.ModelChoiceField(label=_("机关"), queryset=None, required=False,
                                    empty_label=_("全部"))
    kind = forms.ChoiceField(label=_("类型"), required=False,
                             choices=[("", _("全部")), *ActivityKind.choices])
    year = forms.IntegerField(label=_("年度"), required=False, min_value=2000, max_value=2100)
    q = forms.CharField(label=_("名称"), required=False, max_length=100)

    def __init__(self, *args, agencies, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = agencies

    def filter(self, qs):
        if not self.is_valid():
            return qs.none()
        data = self.cleaned_data
        if data["agency"]:
            qs = qs.filter(agency=data["agency"])
        if data["kind"]:
            qs = qs.filter(kind=data["kind"])
        if data["year"]:
            qs = qs.in_year(data["year"])
        if data["q"]:
            qs = qs.filter(title__icontains=data["q"])
        return qs
