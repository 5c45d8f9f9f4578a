"""Forms of the 双公示 pages. They check input; `services` writes."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from gongkai.agencies.models import Agency

from ..forms import DateInput
from ..models import Decision, DecisionKind, FeeRecord, PowerItem, PowerStatus, PublicationSetting
from .validators import clean_party_id


class ItemChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj: PowerItem) -> str:
        return f"{obj.agency.short_name or obj.agency.name}｜{obj.code} {obj.name}"


def _items(agencies, categories=None):
    items = PowerItem.objects.filter(agency__in=agencies, status=PowerStatus.ACTIVE)
    if categories is not None:
        items = items.filter(category__in=categories)
    return items.select_related("agency").order_by("agency__path", "category", "code")


class DecisionForm(forms.ModelForm):
    party_name = forms.CharField(label=_("行政相对人名称"), max_length=200,
                                 help_text=_("自然人的姓名公示时只显示姓氏。"))
    party_id_number = forms.CharField(
        label=_("统一社会信用代码或身份证件号码"), max_length=30,
        help_text=_("法人和非法人组织填写统一社会信用代码（随决定公示）；自然人填写居民身份证号码（不公开）。"))
    publish = forms.BooleanField(label=_("保存后立即公示"), required=False)

    class Meta:
        model = Decision
        fields = ["item", "document_no", "party_type", "party_name", "party_id_number", "facts",
                  "basis", "content", "penalty_kind", "fine_amount", "decided_on", "valid_from",
                  "valid_until", "deciding_body"]
        field_classes = {"item": ItemChoice}
        widgets = {"decided_on": DateInput(), "valid_from": DateInput(), "valid_until": DateInput(),
                   **{name: forms.Textarea(attrs={"rows": 3}) for name in ("facts", "basis", "content")}}
        help_texts = {"deciding_body": _("不填则为本机关名称。"),
                      "penalty_kind": _("仅行政处罚决定填写。"),
                      "fine_amount": _("仅行政处罚决定填写，单位为元。")}

    def __init__(self, *args, agencies, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["item"].queryset = _items(agencies, DecisionKind.values)
        self.fields["item"].label = _("权责事项（决定类别随事项类别）")
        self.fields["deciding_body"].required = False
        if self.instance.pk:
            del self.fields["publish"]
            field = self.fields["party_id_number"]
            field.required, field.initial = False, ""
            field.help_text = _("已保存：%(masked)s。留空则不变。") % {"masked": self.instance.party_id_masked}
            self.initial["party_id_number"] = ""

    def clean(self):
        data = super().clean()
        number, party_type = data.get("party_id_number"), data.get("party_type")
        if number and party_type:
            try:
                data["party_id_number"] = clean_party_id(party_type, number,
                                                         today=timezone.localdate())
            except ValidationError as exc:
                self.add_error("party_id_number", exc)
        return data

    def _post_clean(self):
        """The service builds and validates the model."""


class FeeForm(forms.ModelForm):
    class Meta:
        model = FeeRecord
        fields = ["item", "year", "name", "basis", "standard", "amount"]
        field_classes = {"item": ItemChoice}
        widgets = {"basis": forms.Textarea(attrs={"rows": 3}),
                   "standard": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, agencies, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["item"].queryset = _items(agencies)
        self.fields["item"].help_text = _("收费所依据的权责事项（通常为行政征收类）。")

    def _post_clean(self):
        """The service builds and validates the model."""


class RecordsImportForm(forms.Form):
    agency = forms.ModelChoiceField(label=_("机关"), queryset=None)
    file = forms.FileField(label=_("表格文件"), help_text=_("Excel（.xlsx）或 CSV，第一行为表头；请使用下载的模板。"))
    publish = forms.BooleanField(label=_("导入后立即公示"), required=False)

    def __init__(self, *args, agencies, what: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = agencies
        if what != "decisions":
            del self.fields["publish"]


class PublicationSettingForm(forms.ModelForm):
    class Meta:
        model = PublicationSetting
        fields = ["workdays"]


class PublicDecisionFilter(forms.Form):
    agency = forms.ModelChoiceField(label=_("机关"), queryset=Agency.objects.none(), required=False,
                                    empty_label=_("全部"))
    kind = forms.ChoiceField(label=_("类别"), required=False,
                             choices=[("", _("全部")), *DecisionKind.choices])
    year = forms.IntegerField(label=_("年度"), required=False, min_value=2008, max_value=2100)
    q = forms.CharField(label=_("决定文书号"), required=False, max_length=50)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = Agency.objects.active()

    def filter(self, records, *, with_kind: bool = True):
        """Records of the agency and everything below it (a county: all its departments)."""
        if not self.is_valid():
            return records
        data = self.cleaned_data
        if data["agency"]:
            records = records.filter(agency__path__startswith=data["agency"].path)
        if with_kind and data["kind"]:
            records = records.filter(kind=data["kind"])
        if data["year"]:
            field = "decided_on__year" if with_kind else "year"
            records = records.filter(**{field: data["year"]})
        if with_kind and data["q"]:
            records = records.filter(document_no__icontains=data["q"])
        return records
