"""Stored facts of the annual report that no other record holds.

`YearlyFigures` are the numbers of 第二十条第（五）（六）（八）项 (行政许可, 行政处罚 and 行政强制
decisions, 行政事业性收费 in 万元): the platform does not handle those acts, so staff enter the
year's totals or import them from a spreadsheet (`gongkai.reports.figures`). Everything else in
a report is computed from live records (`gongkai.reports.compute`).

`AnnualReport` (below) is one agency-year report on its way from 草稿 to 发布: the narratives
staff write and the frozen numbers of what was 报送 and 发布 (`gongkai.reports.workflow`,
`gongkai.reports.annual_services`).
"""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from gongkai.reportformat import template

# The report cell each stored figure fills: field name -> (table, row, column).
FIGURE_CELLS: dict[str, tuple[str, str, str]] = {
    "licensing_decisions": (template.ITEM_5.code, template.ROW_LICENSING, "decisions"),
    "penalty_decisions": (template.ITEM_6.code, template.ROW_PENALTY, "decisions"),
    "coercion_decisions": (template.ITEM_6.code, template.ROW_COERCION, "decisions"),
    "fee_amount": (template.ITEM_8.code, template.ROW_FEES, "amount"),
}
FIGURE_FIELDS: tuple[str, ...] = tuple(FIGURE_CELLS)

# 万元 with four decimals: one 元 is 0.0001 万元, so no amount in 元 is rounded away.
FEE_DECIMAL_PLACES = 4
FEE_MAX_DIGITS = 14
FIRST_YEAR = template.FORMAT_FIRST_YEAR - 2  # the 2019 trial format had the same items
LAST_YEAR = 2100


def figure_label(field_name: str) -> str:
    """The statutory label of the cell a figure fills, e.g. "行政处罚（本年处理决定数量）"."""
    table, row, column = FIGURE_CELLS[field_name]
    tbl = template.TABLES_BY_CODE[table]
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


# --- The annual report's workflow (年度报告的报送、审定和发布) -------------------------------


class AnnualReport(models.Model):
    """One agency's annual report for one year, from draft to publication.

    The numbers of a draft are always computed from the live records (`compute_report`); what
    is stored is what staff write (the narratives of 一、五、六) and, at 报送 and at 发布, a
    frozen `snapshot` of the whole report (`Report.to_dict()`) with the `findings` of the
    validator at that moment. A published report shows its snapshot forever; the page compares
    it with a fresh computation and shows the differences.

    For other apps (the supervision dashboard) the stable fields are `agency`, `year`,
    `status` (`AnnualReport.Status`), `published_at`, `error_count` / `warning_count` and
    `findings` (a list of `validate.Finding.to_dict()` of the last validation).
    """

    class Status(models.TextChoices):
        DRAFT = "draft", _("草稿")
        SUBMITTED = "submitted", _("已报送")
        APPROVED = "approved", _("已审定")
        PUBLISHED = "published", _("已发布")

    agency = models.ForeignKey(
        "agencies.Agency", verbose_name=_("机构"), on_delete=models.PROTECT,
        related_name="annual_reports",
    )
    year = models.PositiveSmallIntegerField(
        _("年度"), validators=[MinValueValidator(FIRST_YEAR), MaxValueValidator(LAST_YEAR)]
    )
    status = models.CharField(_("状态"), max_length=12, choices=Status, default=Status.DRAFT)
    # Narrative sections (template.NARRATIVE_SECTIONS): 一、总体情况 五、存在的主要问题及改进情况
    # 六、其他需要报告的事项.
    overview = models.TextField(_("一、总体情况"), blank=True)
    problems = models.TextField(_("五、存在的主要问题及改进情况"), blank=True)
    other_matters = models.TextField(_("六、其他需要报告的事项"), blank=True)

    snapshot = models.JSONField(_("冻结的报告数据"), default=dict, blank=True)
    findings = models.JSONField(_("校验结果"), default=list, blank=True)
    error_count = models.PositiveIntegerField(_("错误数"), default=0)
    warning_count = models.PositiveIntegerField(_("警告数"), default=0)
    validated_at = models.DateTimeField(_("校验时间"), null=True, blank=True)

    document = models.ForeignKey(
        "catalog.Document", verbose_name=_("发布的公开信息"), on_delete=models.PROTECT,
        null=True, blank=True, related_name="+",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("生成人"), on_delete=models.PROTECT,
        null=True, blank=True, related_name="+",
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("报送人"), on_delete=models.PROTECT,
        null=True, blank=True, related_name="+",
    )
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("审定人"), on_delete=models.PROTECT,
        null=True, blank=True, related_name="+",
    )
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("发布人"), on_delete=models.PROTECT,
        null=True, blank=True, related_name="+",
    )
    created_at = models.DateTimeField(_("生成时间"), auto_now_add=True)
    updated_at = models.DateTimeField(_("更新时间"), auto_now=True)
    submitted_at = models.DateTimeField(_("报送时间"), null=True, blank=True)
    approved_at = models.DateTimeField(_("审定时间"), null=True, blank=True)
    published_at = models.DateTimeField(_("发布时间"), null=True, blank=True)

    class Meta:
        verbose_name = _("政府信息公开工作年度报告")
        verbose_name_plural = _("政府信息公开工作年度报告")
        ordering = ["-year", "agency__path"]
        constraints = [
            models.UniqueConstraint(fields=["agency", "year"], name="reports_annual_agency_year"),
        ]
        indexes = [models.Index(fields=["status", "year"], name="reports_annual_status_year")]

    def __str__(self) -> str:
        return f"{self.agency}{self.year}年政府信息公开工作年度报告"

    # Narrative section code (template) -> field name.
    TEXT_FIELDS = {"一": "overview", "五": "problems", "六": "other_matters"}

    @property
    def texts(self) -> dict[str, str]:
        return {code: getattr(self, name) for code, name in self.TEXT_FIELDS.items()}

    @property
    def is_frozen(self) -> bool:
        """Published: the numbers are the snapshot's, never recomputed."""
        return self.status == self.Status.PUBLISHED

    @property
    def is_editable(self) -> bool:
        return self.status == self.Status.DRAFT

    @property
    def year_is_over(self) -> bool:
        """A report of the current year may be drafted, but its numbers still change."""
        return self.year < timezone.localdate().year


class ReportComment(models.Model):
    """The history of a report's workflow: who sent it on or back, and what they wrote."""

    class Kind(models.TextChoices):
        SUBMITTED = "submitted", _("报送")
        RETURNED = "returned", _("退回")
        APPROVED = "approved", _("审定")
        PUBLISHED = "published", _("发布")

    report = models.ForeignKey(
        AnnualReport, verbose_name=_("年度报告"), on_delete=models.CASCADE, related_name="comments"
    )
    kind = models.CharField(_("事项"), max_length=12, choices=Kind)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("填写人"), on_delete=models.PROTECT,
        null=True, related_name="+",
    )
    text = models.TextField(_("意见"), blank=True)
    created_at = models.DateTimeField(_("时间"), auto_now_add=True)

    class Meta:
        verbose_name = _("年度报告审核意见")
        verbose_name_plural = _("年度报告审核意见")
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.created_at:%Y-%m-%d}"
