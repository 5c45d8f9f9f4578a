"""Stored facts of the annual report that no other record holds.

`YearlyFigures` are the numbers of 第二十条第（五）（六）（八）项 (行政许可, 行政处罚 and 行政强制
decisions, 行政事业性收费 in 万元): the platform does not handle those acts, so staff enter the
year's totals or import them from a spreadsheet (`gongkai.reports.figures`). Everything else in
a report is computed from live records (`gongkai.reports.compute`).

The AnnualReport publishing workflow lives elsewhere; this module holds only inputs.
"""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from . import template as t

# The report cell each stored figure fills: field name -> (table, row, column).
FIGURE_CELLS: dict[str, tuple[str, str, str]] = {
    "licensing_decisions": (t.ITEM_5.code, t.ROW_LICENSING, "decisions"),
    "penalty_decisions": (t.ITEM_6.code, t.ROW_PENALTY, "decisions"),
    "coercion_decisions": (t.ITEM_6.code, t.ROW_COERCION, "decisions"),
    "fee_amount": (t.ITEM_8.code, t.ROW_FEES, "amount"),
}
FIGURE_FIELDS: tuple[str, ...] = tuple(FIGURE_CELLS)

# 万元 with four decimals: one 元 is 0.0001 万元, so no amount in 元 is rounded away.
FEE_DECIMAL_PLACES = 4
FEE_MAX_DIGITS = 14
FIRST_YEAR = t.FORMAT_FIRST_YEAR - 2  # the 2019 trial format had the same items
LAST_YEAR = 2100


def figure_label(field_name: str) -> str:
    """The statutory label of the cell a figure fills, e.g. "行政处罚（本年处理决定数量）"."""
    table, row, column = FIGURE_CELLS[field_name]
    tbl = t.TABLES_BY_CODE[table]
    return f"{tbl.row(row).label}（{tbl.column(column).label}）"


class YearlyFigures(models.Model):
    """One agency's totals for one year for 第二十条第（五）（六）（八）项."""

    class Source(models.TextChoices):
        MANUAL = "manual", _("手工填报")
        IMPORT = "import", _("文件导入")

    agency = models.ForeignKey(
        "agencies.Agency", verbose_name=_("机构"), on_delete=models.PROTECT,
        related_name="yearly_figures",
    )
    year = models.PositiveSmallIntegerField(
        _("年度"), validators=[MinValueValidator(FIRST_YEAR), MaxValueValidator(LAST_YEAR)]
    )
    licensing_decisions = models.PositiveIntegerField(figure_label("licensing_decisions"), default=0)
    penalty_decisions = models.PositiveIntegerField(figure_label("penalty_decisions"), default=0)
    coercion_decisions = models.PositiveIntegerField(figure_label("coercion_decisions"), default=0)
    fee_amount = models.DecimalField(
        figure_label("fee_amount"), max_digits=FEE_MAX_DIGITS, decimal_places=FEE_DECIMAL_PLACES,
        default=Decimal("0"), validators=[MinValueValidator(Decimal("0"))],
    )
    note = models.TextField(_("说明"), blank=True)
    source = models.CharField(_("来源"), max_length=10, choices=Source, default=Source.MANUAL)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("填报人"), on_delete=models.SET_NULL,
        null=True, blank=True, related_name="+",
    )
    updated_at = models.DateTimeField(_("更新时间"), auto_now=True)

    class Meta:
        verbose_name = _("年度业务数据")
        verbose_name_plural = _("年度业务数据")
        ordering = ["-year", "agency__path"]
        constraints = [
            models.UniqueConstraint(fields=["agency", "year"], name="reports_figures_agency_year"),
            models.CheckConstraint(
                condition=models.Q(fee_amount__gte=0), name="reports_figures_fee_not_negative"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.agency} {self.year}年"

    @property
    def fee_amount_text(self) -> str:
        """The fee without trailing zeros: 12.3400 → "12.34", 100.0000 → "100"."""
        return format(self.fee_amount.normalize(), "f")

    def values(self) -> dict[str, int | Decimal]:
        return {name: getattr(self, name) for name in FIGURE_FIELDS}
