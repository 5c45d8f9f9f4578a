"""Forms of the appeal-case pages. They check input; `services` writes."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from gongkai.reportformat import template

from .models import AppealCase


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%d")


class AppealCaseForm(forms.ModelForm):
    application = forms.CharField(
        label=_("所涉申请编号"), required=False, max_length=40,
        help_text=_("本机关的申请编号，如“依申请〔2022〕第12号”；涉及本平台以外办理的申请时留空。"),
    )

    class Meta:
        model = AppealCase
        fields = [
            "agency", "kind", "case_number", "forum", "applicant_name", "application",
            "filed_on", "result", "closed_on", "notes",
        ]
        widgets = {
            "filed_on": DateInput(),
            "closed_on": DateInput(),
            "notes": forms.Textarea(attrs={"rows": 4}),
        }

    def __init__(self, *args, agencies=None, **kwargs):
        super().__init__(*args, **kwargs)
        if agencies is None:  # editing: a case stays with its agency
            del self.fields["agency"]
        else:
            self.fields["agency"].queryset = agencies
            if len(agencies) == 1:
                self.fields["agency"].initial = agencies[0].pk
        if self.instance.application_id and not self.is_bound:
            self.initial["application"] = self.instance.application.reference

    def clean_application(self):
        from gongkai.applications.selectors import application_by_reference

        raw = (self.cleaned_data.get("application") or "").strip()
        if not raw:
            return None
        agency = self.cleaned_data.get("agency") if "agency" in self.fields else self.instance.agency
        application = (
            application_by_reference(agency_id=agency.pk, text=raw) if agency is not None else None
        )
        if application is None:
            raise ValidationError(_("找不到编号为“%(ref)s”的申请。"), code="no_such_application",
                                  params={"ref": raw})
        return application


class AppealResultForm(forms.ModelForm):
    """Record the result of a case (or reopen it by choosing 尚未审结)."""

    class Meta:
        model = AppealCase
        fields = ["result", "closed_on", "notes"]
        widgets = {"closed_on": DateInput(), "notes": forms.Textarea(attrs={"rows": 3})}


class AppealFilterForm(forms.Form):
    agency = forms.ModelChoiceField(label=_("机关"), queryset=None, required=False,
                                    empty_label=_("全部"))
    kind = forms.ChoiceField(label=_("案件类型"), required=False,
                             choices=[("", _("全部")), *template.APPEAL_KIND_CHOICES])
    result = forms.ChoiceField(label=_("结果"), required=False,
                               choices=[("", _("全部")), *template.APPEAL_RESULT_CHOICES])
    year = forms.IntegerField(label=_("立案年度"), required=False, min_value=2000, max_value=2100)
    q = forms.CharField(label=_("案号或申请人"), required=False, max_length=100)

    def __init__(self, *args, agencies, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = agencies

    def filter(self, qs):
        if not self.is_valid():
            return qs
        data = self.cleaned_data
        if data["agency"]:
            qs = qs.filter(agency=data["agency"])
        if data["kind"]:
            qs = qs.filter(kind=data["kind"])
        if data["result"]:
            qs = qs.filter(result=data["result"])
        if data["year"]:
            qs = qs.filter(filed_on__year=data["year"])
        if data["q"]:
            from django.db.models import Q

            qs = qs.filter(Q(case_number__icontains=data["q"]) | Q(applicant_name__icontains=data["q"]))
        return qs
