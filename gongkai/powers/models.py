"""An agency's powers (权责清单) and the history of their adjustments."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class PowerCategory(models.TextChoices):
    """The ten categories of 行政权力 used in 权责清单 across provinces."""

    LICENSING = "licensing", _("行政许可")
    PENALTY = "penalty", _("行政处罚")
    COERCION = "coercion", _("行政强制")
    LEVY = "levy", _("行政征收")
    BENEFIT = "benefit", _("行政给付")
    INSPECTION = "inspection", _("行政检查")
    CONFIRMATION = "confirmation", _("行政确认")
    REWARD = "reward", _("行政奖励")
    RULING = "ruling", _("行政裁决")
    OTHER = "other", _("其他行政权力")


class PowerStatus(models.TextChoices):
    ACTIVE = "active", _("有效")
    ABOLISHED = "abolished", _("已取消")


class PowerItemQuerySet(models.QuerySet):
    def active(self) -> PowerItemQuerySet:
        return self.filter(status=PowerStatus.ACTIVE)


def chart_path(instance: PowerItem, filename: str) -> str:
    return f"powers/{instance.agency_id}/{instance.chart_sha256[:2]}/{instance.chart_sha256}"


class PowerItem(models.Model):
    agency = models.ForeignKey("agencies.Agency", verbose_name=_("实施机关"),
                               on_delete=models.PROTECT, related_name="power_items")
    category = models.CharField(_("权力类别"), max_length=14, choices=PowerCategory)
    code = models.CharField(_("事项编码"), max_length=60)
    name = models.CharField(_("事项名称"), max_length=200)
    legal_basis = models.TextField(_("设定依据"), max_length=10000,
                                   help_text=_("法律、法规、规章的名称和条款，一条一行。"))
    implementing_body = models.CharField(_("实施主体（承办机构）"), max_length=200)
    risk_points = models.TextField(_("廉政风险点"), blank=True, max_length=5000)
    controls = models.TextField(_("防控措施"), blank=True, max_length=5000)
    supervision_rules = models.TextField(_("监管细则"), blank=True, max_length=10000)
    chart = models.FileField(_("权力运行流程图"), upload_to=chart_path, max_length=255, blank=True)
    chart_name = models.CharField(_("流程图文件名"), max_length=200, blank=True)
    chart_content_type = models.CharField(max_length=100, blank=True)
    chart_sha256 = models.CharField(max_length=64, blank=True)
    status = models.CharField(_("状态"), max_length=10, choices=PowerStatus,
                              default=PowerStatus.ACTIVE)
    created_at = models.DateTimeField(_("录入时间"), auto_now_add=True)
    updated_at = models.DateTimeField(_("更新时间"), auto_now=True)

    objects = PowerItemQuerySet.as_manager()

    class Meta:
        verbose_name = _("权责事项")
        verbose_name_plural = _("权责清单")
        ordering = ["agency__path", "category", "code"]
        constraints = [models.UniqueConstraint(fields=["agency", "code"],
                                               name="powers_item_agency_code")]
        indexes = [models.Index(fields=["agency", "status", "category"],
                                name="powers_item_listing")]

    def __str__(self) -> str:
        return f"{self.code} {self.name}"

    def get_absolute_url(self) -> str:
        return reverse("powers:public_detail", args=[self.pk])

    def get_staff_url(self) -> str:
        return reverse("powers:staff_detail", args=[self.pk])

    @property
    def basis_lines(self) -> list[str]:
        return [line.strip() for line in self.legal_basis.splitlines() if line.strip()]


class ChangeKind(models.TextChoices):
    ADDED = "added", _("新增")
    ADJUSTED = "adjusted", _("调整")
    ABOLISHED = "abolished", _("取消")


class PowerItemChange(models.Model):
    """One adjustment, published with the decision that made it (文号 and date)."""

    item = models.ForeignKey(PowerItem, verbose_name=_("权责事项"), on_delete=models.CASCADE,
                             related_name="changes")
    kind = models.CharField(_("变更类型"), max_length=10, choices=ChangeKind)
    decision = models.CharField(_("调整依据（决定文号或名称）"), max_length=200)
    decided_on = models.DateField(_("决定日期"))
    fields = models.JSONField(_("变更内容"), default=dict, blank=True)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True,
                              blank=True, related_name="+", verbose_name=_("经办人"))
    created_at = models.DateTimeField(_("记录时间"), auto_now_add=True)

    class Meta:
        verbose_name = _("权责事项调整记录")
        verbose_name_plural = _("权责事项调整记录")
        ordering = ["-decided_on", "-id"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.decision}"
