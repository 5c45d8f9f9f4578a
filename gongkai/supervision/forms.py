import datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from gongkai.agencies.models import Agency, Role
from gongkai.agencies.permissions import agencies_with_role
from gongkai.catalog.models import Category

from .selectors import default_year

STALE_DAYS_DEFAULT = 90


class DashboardForm(forms.Form):
    year = forms.IntegerField(label=_("年度"), min_value=2008, max_value=2100, required=False)
    root = forms.ModelChoiceField(
        label=_("机构范围"), queryset=Agency.objects.none(), required=False, empty_label=_("全部")
    )
    stale_days = forms.IntegerField(
        label=_("栏目未更新天数"), min_value=7, max_value=3650, required=False,
        help_text=_("栏目超过这么多天没有发布新信息即视为长期未更新"),
    )

    def __init__(self, *args, agencies=None, default_stale_days=STALE_DAYS_DEFAULT, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["root"].queryset = agencies if agencies is not None else Agency.objects.none()
        self.default_stale_days = default_stale_days

    def values(self) -> tuple[int, Agency | None, int]:
        today = timezone.localdate()
        data = self.cleaned_data if self.is_valid() else {}
        year = data.get("year") or default_year(today)
        return year, data.get("root"), data.get("stale_days") or self.default_stale_days


class ReportCheckForm(forms.Form):
    agency = forms.ModelChoiceField(label=_("报告所属机构"), queryset=Agency.objects.none())
    year = forms.IntegerField(label=_("报告年度"), min_value=2008, max_value=2100)
    file = forms.FileField(
        label=_("年度报告文件"), help_text=_("PDF、Word（DOCX）、网页（HTML）或文本（TXT）")
    )
    source_url = forms.URLField(label=_("原文网址"), required=False, assume_scheme="https")

    def __init__(self, *args, agencies=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = agencies if agencies is not None else Agency.objects.none()
        self.fields["year"].initial = datetime.date.today().year - 1


class ColumnReviewForm(forms.Form):
    """Confirm one column of one agency; the choices are limited to what the user answers for."""

    agency = forms.ModelChoiceField(queryset=Agency.objects.none())
    category = forms.ModelChoiceField(queryset=Category.objects.filter(is_active=True))
    note = forms.CharField(label=_("审核说明"), max_length=200, required=False)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = agencies_with_role(user, Role.ADMIN, Role.PUBLISHER)
        self.fields["agency"].error_messages["invalid_choice"] = _("您不能为该机构确认栏目。")
        self.fields["category"].error_messages["invalid_choice"] = _("栏目不存在或已停用。")
