"""Forms of the annual-report pages (the narrative, the generate and filter forms, comments)."""

from __future__ import annotations

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .models import FIRST_YEAR, AnnualReport


def _years():
    """The current year first (its report may be drafted while it runs), then past years."""
    this_year = timezone.localdate().year
    return [(this_year, _("%(year)s年（本年度尚未结束）") % {"year": this_year})] + [
        (y, f"{y}年") for y in range(this_year - 1, FIRST_YEAR - 1, -1)
    ]


class GenerateForm(forms.Form):
    agency = forms.ModelChoiceField(label=_("机构"), queryset=None, empty_label=None)
    year = forms.TypedChoiceField(label=_("年度"), coerce=int, choices=_years)

    def __init__(self, *args, agencies, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = agencies


class NarrativeForm(forms.ModelForm):
    class Meta:
        model = AnnualReport
        fields = ["overview", "problems", "other_matters"]
        widgets = {name: forms.Textarea(attrs={"rows": 10}) for name in fields}
        help_texts = {
            "overview": _("本机关本年度政府信息公开工作的总体情况：主动公开、依申请公开、平台建设、监督保障等。"),
            "problems": _("工作中存在的主要问题和下一步的改进措施。"),
            "other_matters": _("须写明信息处理费的收取情况（如“本年度未收取信息处理费”），以及人大代表建议和政协提案办理结果公开等事项。"),
        }


class CommentForm(forms.Form):
    comment = forms.CharField(label=_("意见"), required=False, max_length=2000,
                              widget=forms.Textarea(attrs={"rows": 3}))


class ReportFilterForm(forms.Form):
    year = forms.TypedChoiceField(label=_("年度"), coerce=int, required=False,
                                  choices=lambda: [("", _("全部"))] + _years())
    status = forms.ChoiceField(label=_("状态"), required=False,
                               choices=[("", _("全部")), *AnnualReport.Status.choices])

    def filter(self, qs):
        if self.is_valid():
            if self.cleaned_data.get("year"):
                qs = qs.filter(year=self.cleaned_data["year"])
            if self.cleaned_data.get("status"):
                qs = qs.filter(status=self.cleaned_data["status"])
        return qs


class PublicFilterForm(forms.Form):
    year = forms.TypedChoiceField(label=_("年度"), coerce=int, required=False,
                                  choices=lambda: [("", _("全部"))] + _years())
    q = forms.CharField(label=_("机构名称"), required=False, max_length=50)

    def filter(self, qs):
        if self.is_valid():
            if self.cleaned_data.get("year"):
                qs = qs.filter(year=self.cleaned_data["year"])
            if self.cleaned_data.get("q"):
                qs = qs.filter(agency__name__contains=self.cleaned_data["q"])
        return qs
