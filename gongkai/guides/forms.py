"""Forms of the 办事指南 pages. They check input; `services` writes."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from gongkai.agencies.models import Agency
from gongkai.powers.models import PowerItem

from .models import GuideMaterial, ServiceGuide


class GuideForm(forms.ModelForm):
    online_url = forms.URLField(label=_("网上办理地址"), required=False, assume_scheme="https",
                                max_length=200)

    class Meta:
        model = ServiceGuide
        fields = ["agency", "power_item", "name", "code", "conditions", "steps", "legal_days",
                  "promised_days", "fees", "place", "hours", "phone", "complaint_phone",
                  "online_url"]
        widgets = {"conditions": forms.Textarea(attrs={"rows": 4}),
                   "steps": forms.Textarea(attrs={"rows": 5})}

    def __init__(self, *args, agencies=None, **kwargs):
        super().__init__(*args, **kwargs)
        if agencies is None:
            del self.fields["agency"]
            self.fields["power_item"].queryset = PowerItem.objects.active().filter(
                agency=self.instance.agency_id)
        else:
            self.fields["agency"].queryset = agencies
            self.fields["power_item"].queryset = PowerItem.objects.active().filter(
                agency__in=agencies).select_related("agency")
            if len(agencies) == 1:
                self.fields["agency"].initial = agencies[0].pk


class MaterialForm(forms.ModelForm):
    upload = forms.FileField(label=_("空白表格或示范文本"), required=False,
                             help_text=_("可选：Word、Excel 或 PDF。"))

    class Meta:
        model = GuideMaterial
        fields = ["name", "copies", "required"]


class PublicFilterForm(forms.Form):
    agency = forms.ModelChoiceField(label=_("实施机关"), queryset=Agency.objects.none(),
                                    required=False, empty_label=_("全部"))
    q = forms.CharField(label=_("事项名称"), required=False, max_length=50)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = Agency.objects.active()
