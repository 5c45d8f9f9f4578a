"""Forms of the 权责清单 pages. They check input; `services` writes."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from gongkai.agencies.models import Agency

from .models import PowerCategory, PowerItem, PowerStatus


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%d")


class DecisionFields(forms.Form):
    decision = forms.CharField(label=_("调整依据（决定文号或名称）"), max_length=200,
                               help_text=_("如“西政〔2025〕12号”，随调整一并公布。"))
    decided_on = forms.DateField(label=_("决定日期"), widget=DateInput())


class ItemForm(forms.ModelForm):
    decision = DecisionFields.base_fields["decision"]
    decided_on = DecisionFields.base_fields["decided_on"]

    class Meta:
        model = PowerItem
        fields = ["agency", "category", "code", "name", "legal_basis", "implementing_body",
                  "risk_points", "controls", "supervision_rules"]
        widgets = {name: forms.Textarea(attrs={"rows": 4})
                   for name in ("legal_basis", "risk_points", "controls", "supervision_rules")}

    def __init__(self, *args, agencies=None, **kwargs):
        super().__init__(*args, **kwargs)
        if agencies is None:
            del self.fields["agency"]
        else:
            self.fields["agency"].queryset = agencies
            if len(agencies) == 1:
                self.fields["agency"].initial = agencies[0].pk

    def validate_unique(self):
        """The service checks (agency, code); the agency is not a field when adjusting."""


class ChartForm(forms.Form):
    file = forms.FileField(label=_("权力运行流程图"), help_text=_("PDF、PNG 或 JPEG。"))


class ImportForm(DecisionFields):
    agency = forms.ModelChoiceField(label=_("机关"), queryset=None)
    file = forms.FileField(label=_("权责清单表格"),
                           help_text=_("Excel（.xlsx）或 CSV，第一行为表头：事项编码、事项名称、权力类别、设定依据、"
                                       "实施主体、廉政风险点、防控措施、监管细则。"))

    field_order = ["agency", "file", "decision", "decided_on"]

    def __init__(self, *args, agencies, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = agencies


class PublicFilterForm(forms.Form):
    agency = forms.ModelChoiceField(label=_("实施机关"), queryset=Agency.objects.none(),
                                    required=False, empty_label=_("全部"))
    category = forms.ChoiceField(label=_("权力类别"), required=False,
                                 choices=[("", _("全部")), *PowerCategory.choices])
    status = forms.ChoiceField(label=_("状态"), required=False,
                               choices=[("", _("有效")), (PowerStatus.ABOLISHED, _("已取消"))])
    q = forms.CharField(label=_("名称或编码"), required=False, max_length=50)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = Agency.objects.active()

    def filter(self, items):
        if not self.is_valid():
            return items.active()
        data = self.cleaned_data
        items = items.filter(status=data["status"] or PowerStatus.ACTIVE)
        if data["agency"]:
            items = items.filter(agency__path__startswith=data["agency"].path)
        if data["category"]:
            items = items.filter(category=data["category"])
        if data["q"]:
            from django.db.models import Q

            items = items.filter(Q(name__icontains=data["q"]) | Q(code__icontains=data["q"]))
        return items
