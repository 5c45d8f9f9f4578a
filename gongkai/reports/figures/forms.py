"""Forms of the yearly-figures pages."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from ..models import FIRST_YEAR, LAST_YEAR, YearlyFigures


class FiguresForm(forms.ModelForm):
    class Meta:
        model = YearlyFigures
        fields = ["licensing_decisions", "penalty_decisions", "coercion_decisions", "fee_amount", "note"]
        widgets = {"note": forms.Textarea(attrs={"rows": 3})}
        help_texts = {"fee_amount": _("单位：万元，最多四位小数（1 元 = 0.0001 万元）。")}


class FiguresChooseForm(forms.Form):
    """Pick the agency and year to enter (the edit page is per agency and year)."""

    agency = forms.ModelChoiceField(label=_("机构"), queryset=None)
    year = forms.IntegerField(label=_("年度"), min_value=FIRST_YEAR, max_value=LAST_YEAR)

    def __init__(self, *args, agencies, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = agencies


class FiguresImportForm(forms.Form):
    file = forms.FileField(
        label=_("数据文件"),
        help_text=_("CSV（UTF-8 或 GBK 编码）或 Excel（.xlsx）文件，第一行为表头，可下载导入模板。"),
    )


class FiguresFilterForm(forms.Form):
    agency = forms.ModelChoiceField(label=_("机构"), queryset=None, required=False,
                                    empty_label=_("全部"))
    year = forms.IntegerField(label=_("年度"), required=False, min_value=FIRST_YEAR,
                              max_value=LAST_YEAR)

    def __init__(self, *args, agencies, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = agencies

    def filter(self, qs):
        if not self.is_valid():
            return qs
        if self.cleaned_data["agency"]:
            qs = qs.filter(agency=self.cleaned_data["agency"])
        if self.cleaned_data["year"]:
            qs = qs.filter(year=self.cleaned_data["year"])
        return qs
