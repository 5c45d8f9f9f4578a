from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from .calendar import official_year_range
from .entry import (
    EnteredDay,
    check_no_conflicts,
    format_holidays,
    format_makeup_days,
    parse_holidays,
    parse_makeup_days,
)

MAX_DAYS = 120


class DueDateForm(forms.Form):
    """The public calculator: received date + number of working days."""

    received = forms.DateField(
        label=_("收到申请的日期"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        input_formats=["%Y-%m-%d", "%Y/%m/%d", "%Y年%m月%d日"],
        error_messages={
            "required": _("请填写收到申请的日期。"),
            "invalid": _("日期格式不正确，请按“2021-09-27”的格式填写。"),
        },
    )
    days = forms.IntegerField(
        label=_("期限（工作日）"),
        min_value=1,
        max_value=MAX_DAYS,
        initial=20,
        help_text=_(
            "答复期限一般为20个工作日；延长答复期限最长20个工作日；征求第三方意见15个工作日。"
        ),
        error_messages={
            "required": _("请填写期限的工作日数。"),
            "invalid": _("工作日数应为整数。"),
            "min_value": _("工作日数至少为1。"),
            "max_value": _("工作日数不能超过%(limit_value)s。"),
        },
    )


class CalendarYearForm(forms.Form):
    """One year's State Council notice, typed line by line (see entry.py)."""

    year = forms.IntegerField(
        label=_("年度"),
        min_value=1950,
        max_value=2199,
        error_messages={"required": _("请填写年度。"), "invalid": _("年度应为四位数字。")},
    )
    notice = forms.CharField(
        label=_("放假通知文号"),
        max_length=100,
        required=False,
        help_text=_(
            "例如：国办发明电〔2026〕7号。未发布正式通知前可留空，但不要标记为已完整录入。"
        ),
    )
    holidays = forms.CharField(
        label=_("放假安排"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_(
            "每行一个节日：节日 起始日期 至 结束日期，例如“春节 2027-02-05 至 2027-02-12”。假期内的周末也要包括在内。"
        ),
    )
    makeup_days = forms.CharField(
        label=_("调休上班日"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_(
            "每行一个节日：节日 日期、日期，例如“春节 2027-02-20”。只填需要上班的星期六、星期日。"
        ),
    )
    is_complete = forms.BooleanField(
        label=_("已按通知完整录入，启用本年度安排"),
        required=False,
    )

    def __init__(self, *args, fixed_year: int | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fixed_year = fixed_year
        if fixed_year is not None:
            self.fields["year"].disabled = True
            self.fields["year"].initial = fixed_year

    @classmethod
    def initial_for(cls, calendar_year) -> dict:
        days = [
            EnteredDay(day.date, day.kind == day.Kind.MAKEUP_WORKDAY, day.holiday)
            for day in calendar_year.days.all()
        ]
        return {
            "year": calendar_year.year,
            "notice": calendar_year.notice,
            "holidays": format_holidays([d for d in days if not d.is_workday]),
            "makeup_days": format_makeup_days([d for d in days if d.is_workday]),
            "is_complete": calendar_year.is_complete,
        }

    def clean_year(self) -> int:
        year = self.cleaned_data["year"]
        first, last = official_year_range()
        if first <= year <= last:
            raise ValidationError(
                _("%(year)s年的安排已由国务院办公厅通知提供（%(first)s–%(last)s年），无需补录。"),
                code="year_officially_covered",
                params={"year": year, "first": first, "last": last},
            )
        if year < first:
            raise ValidationError(
                _("%(first)s年以前的安排不予录入。"), code="year_too_early", params={"first": first}
            )
        return year

    def clean(self):
        cleaned = super().clean()
        year = cleaned.get("year")
        if year is None:
            return cleaned
        cleaned["days"] = parse_entered_days(self, cleaned, year)
        return cleaned


def parse_entered_days(form: forms.BaseForm, cleaned: dict, year: int) -> list[EnteredDay]:
    """The days typed in the `holidays` and `makeup_days` fields of `form`; each line's error
    goes to its field, a conflict between lines to the form (staff page and admin alike)."""
    days: list[EnteredDay] = []
    for field, parse in (("holidays", parse_holidays), ("makeup_days", parse_makeup_days)):
        try:
            days += parse(cleaned.get(field, ""), year)
        except ValidationError as error:
            form.add_error(field, error)
    if not form.errors:
        try:
            check_no_conflicts(days)
        except ValidationError as error:
            form.add_error(None, error)
    return days
