"""Holiday schedules an administrator enters for years `chinesecalendar` does not know yet.

The State Council publishes each year's 放假安排 (国办发明电〔YYYY〕N号) around November; the
package follows with a release. Between the two, or for a year the installed package stops
short of, an administrator enters the notice here. A year counts only once it is marked
complete: a half-entered schedule would produce wrong deadlines, which is worse than none.
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from .calendar import HOLIDAY_CHOICES, official_year_range


class CalendarYear(models.Model):
    """One year's holiday schedule as published by the State Council (override)."""

    year = models.PositiveSmallIntegerField(_("年度"), unique=True)
    notice = models.CharField(
        _("放假通知文号"),
        max_length=100,
        blank=True,
        help_text=_("例如：国办发明电〔2026〕7号"),
    )
    is_complete = models.BooleanField(
        _("已完整录入"),
        default=False,
        help_text=_("勾选后本年度安排生效，系统据此计算工作日；未勾选的年度仍视为没有安排。"),
    )
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("录入人"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("创建时间"), auto_now_add=True)
    updated_at = models.DateTimeField(_("更新时间"), auto_now=True)

    class Meta:
        verbose_name = _("节假日安排（补录年度）")
        verbose_name_plural = _("节假日安排（补录年度）")
        ordering = ["-year"]

    def __str__(self) -> str:
        return _("%(year)s年节假日安排") % {"year": self.year}

    def get_absolute_url(self) -> str:
        return reverse("workdays:year_edit", args=[self.year])

    def clean(self) -> None:
        first, last = official_year_range()
        if self.year is not None and first <= self.year <= last:
            raise ValidationError(
                {
                    "year": ValidationError(
                        _(
                            "%(year)s年的安排已由国务院办公厅通知提供（%(first)s–%(last)s年），无需补录。"
                        ),
                        code="year_officially_covered",
                        params={"year": self.year, "first": first, "last": last},
                    )
                }
            )
        if self.year is not None and not first <= self.year < 2200:
            raise ValidationError(
                {
                    "year": ValidationError(
                        _("只能录入%(first)s年至2199年之间的年度。"),
                        code="year_out_of_range",
                        params={"first": first},
                    )
                }
            )


class CalendarDay(models.Model):
    """A day of an entered year that departs from the Monday–Friday rule."""

    class Kind(models.TextChoices):
        HOLIDAY = "holiday", _("放假")
        MAKEUP_WORKDAY = "workday", _("调休上班")

    calendar_year = models.ForeignKey(
        CalendarYear, verbose_name=_("年度"), on_delete=models.CASCADE, related_name="days"
    )
    date = models.DateField(_("日期"), unique=True)
    kind = models.CharField(_("类型"), max_length=10, choices=Kind)
    holiday = models.CharField(_("节日"), max_length=40, choices=HOLIDAY_CHOICES)

    class Meta:
        verbose_name = _("放假或调休日")
        verbose_name_plural = _("放假或调休日")
        ordering = ["date"]

    def __str__(self) -> str:
        return f"{self.date:%Y-%m-%d} {self.get_holiday_display()}{self.get_kind_display()}"

    def clean(self) -> None:
        if self.date is None or self.calendar_year_id is None:
            return
        if self.date.year != self.calendar_year.year:
            raise ValidationError(
                {
                    "date": ValidationError(
                        _("%(date)s不属于%(year)s年。"),
                        code="day_outside_year",
                        params={"date": self.date.isoformat(), "year": self.calendar_year.year},
                    )
                }
            )
        if self.kind == self.Kind.MAKEUP_WORKDAY and self.date.weekday() < 5:
            raise ValidationError(
                {
                    "date": ValidationError(
                        _("%(date)s本来就是工作日，调休上班日只能是星期六或星期日。"),
                        code="makeup_not_weekend",
                        params={"date": self.date.isoformat()},
                    )
                }
            )
