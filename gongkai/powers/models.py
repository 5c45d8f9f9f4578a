"""An agency's powers (权责清单), the history of their adjustments, and the decisions and fees
made under them (双公示; they feed 第二十条第（五）（六）（八）项 of the annual report)."""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from gongkai.privacy import masking
from gongkai.privacy.fields import EncryptedTextField


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


# --- 双公示: the decisions and fees made under the items (第二十条第（五）（六）（八）项) ---------

DEFAULT_PUBLICATION_WORKDAYS = 7  # 双公示: 自作出行政决定之日起7个工作日内公示


class DecisionKind(models.TextChoices):
    """The acts whose decisions are counted in 第二十条第（五）（六）项; the values are the
    categories of the power items they are made under."""

    LICENSING = PowerCategory.LICENSING.value, PowerCategory.LICENSING.label
    PENALTY = PowerCategory.PENALTY.value, PowerCategory.PENALTY.label
    COERCION = PowerCategory.COERCION.value, PowerCategory.COERCION.label


class PartyType(models.TextChoices):
    NATURAL = "natural", _("自然人")
    LEGAL = "legal", _("法人")
    OTHER = "other", _("非法人组织（含个体工商户）")


class PenaltyKind(models.TextChoices):
    """《行政处罚法》第九条."""

    WARNING = "warning", _("警告、通报批评")
    FINE = "fine", _("罚款、没收违法所得、没收非法财物")
    PERMIT = "permit", _("暂扣许可证件、降低资质等级、吊销许可证件")
    BUSINESS = "business", _("限制开展生产经营活动、责令停产停业、责令关闭、限制从业")
    DETENTION = "detention", _("行政拘留")
    OTHER = "other", _("法律、行政法规规定的其他行政处罚")


class PublicationSetting(models.Model):
    """An agency's 双公示 deadline: working days from the decision to its publication."""

    agency = models.OneToOneField("agencies.Agency", verbose_name=_("机构"),
                                  on_delete=models.CASCADE, related_name="decision_publication")
    workdays = models.PositiveSmallIntegerField(
        _("公示期限（工作日）"), default=DEFAULT_PUBLICATION_WORKDAYS,
        validators=[MinValueValidator(1), MaxValueValidator(20)],
        help_text=_("自作出决定之日起计算的工作日数，1 至 20；双公示规定为 7 个工作日。"))
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True,
                                   blank=True, related_name="+", verbose_name=_("设置人"))
    updated_at = models.DateTimeField(_("设置时间"), auto_now=True)

    class Meta:
        verbose_name = _("双公示期限")
        verbose_name_plural = _("双公示期限")

    def __str__(self) -> str:
        return f"{self.agency}：{self.workdays} 个工作日"


class DecisionQuerySet(models.QuerySet):
    def published(self) -> DecisionQuerySet:
        return self.filter(published_at__isnull=False)

    def unpublished(self) -> DecisionQuerySet:
        return self.filter(published_at__isnull=True)

    def overdue(self, today: datetime.date) -> DecisionQuerySet:
        """Not yet published and past the agency's deadline (a 暂定 deadline counts too)."""
        return self.unpublished().filter(due_on__lt=today)

    def decided_in(self, year: int) -> DecisionQuerySet:
        return self.filter(decided_on__gte=datetime.date(year, 1, 1),
                           decided_on__lte=datetime.date(year, 12, 31))


class Decision(models.Model):
    """One 行政许可, 行政处罚 or 行政强制 decision (双公示), under a power item of its agency.

    The party's name and identity number are encrypted at rest. Public pages show a natural
    person's name masked and never the number; a legal person's or organisation's name and
    统一社会信用代码 are published, as 双公示 requires (`public_party_name`, `public_party_code`).
    """

    agency = models.ForeignKey("agencies.Agency", verbose_name=_("决定机关"),
                               on_delete=models.PROTECT, related_name="decisions")
    item = models.ForeignKey(PowerItem, verbose_name=_("权责事项"), on_delete=models.PROTECT,
                             related_name="decisions")
    kind = models.CharField(_("决定类别"), max_length=14, choices=DecisionKind)
    document_no = models.CharField(_("决定文书号"), max_length=100)
    party_type = models.CharField(_("行政相对人类别"), max_length=10, choices=PartyType)
    party_name = EncryptedTextField(_("行政相对人名称"))
    party_id_number = EncryptedTextField(
        _("统一社会信用代码或身份证件号码"),
        help_text=_("法人和非法人组织填写统一社会信用代码；自然人填写居民身份证号码（只在内部保存，不公开）。"))
    facts = models.TextField(_("事由或违法事实"), max_length=5000)
    basis = models.TextField(_("依据"), max_length=5000)
    content = models.TextField(_("决定内容"), max_length=5000)
    penalty_kind = models.CharField(_("处罚类别"), max_length=10, choices=PenaltyKind, blank=True)
    fine_amount = models.DecimalField(_("罚没金额（元）"), max_digits=14, decimal_places=2,
                                      null=True, blank=True,
                                      validators=[MinValueValidator(Decimal("0"))])
    decided_on = models.DateField(_("决定日期"))
    valid_from = models.DateField(_("有效期自"), null=True, blank=True)
    valid_until = models.DateField(_("有效期至"), null=True, blank=True)
    deciding_body = models.CharField(_("决定机关名称"), max_length=200)
    due_on = models.DateField(_("公示期限"), null=True, blank=True)
    due_provisional = models.BooleanField(_("公示期限暂定"), default=False)
    published_at = models.DateTimeField(_("公示时间"), null=True, blank=True)
    published_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL,
                                     null=True, blank=True, related_name="+",
                                     verbose_name=_("公示人"))
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True,
                                   blank=True, related_name="+", verbose_name=_("录入人"))
    created_at = models.DateTimeField(_("录入时间"), auto_now_add=True)
    updated_at = models.DateTimeField(_("更新时间"), auto_now=True)

    objects = DecisionQuerySet.as_manager()

    class Meta:
        verbose_name = _("行政决定")
        verbose_name_plural = _("行政许可、处罚、强制决定")
        ordering = ["-decided_on", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["agency", "document_no"],
                                    name="powers_decision_agency_docno"),
            models.CheckConstraint(condition=models.Q(fine_amount__gte=0)
                                   | models.Q(fine_amount__isnull=True),
                                   name="powers_decision_fine_not_negative"),
        ]
        indexes = [
            # The report's grouped count: agency, kind, decision date.
            models.Index(fields=["agency", "kind", "decided_on"], name="powers_decision_report"),
            models.Index(fields=["agency", "published_at", "due_on"], name="powers_decision_due"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.document_no}"

    def get_staff_url(self) -> str:
        return reverse("powers:decision_detail", args=[self.pk])

    def clean(self) -> None:
        errors = {}
        if self.item_id and self.agency_id and self.item.agency_id != self.agency_id:
            errors["item"] = ValidationError(_("所选权责事项不属于该机关。"), code="item_agency")
        if self.item_id and self.item.category not in DecisionKind.values:
            errors["item"] = ValidationError(
                _("“%(item)s”是%(category)s事项；只有行政许可、行政处罚、行政强制事项登记决定。"),
                code="item_kind",
                params={"item": self.item.name, "category": self.item.get_category_display()})
        elif self.item_id and self.item.category != self.kind:
            errors["item"] = ValidationError(_("决定类别须与权责事项的类别一致。"), code="item_kind")
        if self.kind != DecisionKind.PENALTY and (self.penalty_kind or self.fine_amount):
            errors["penalty_kind"] = ValidationError(_("只有行政处罚决定填写处罚类别和罚没金额。"),
                                                     code="not_penalty")
        if self.kind == DecisionKind.PENALTY and not self.penalty_kind:
            errors["penalty_kind"] = ValidationError(_("行政处罚决定须选择处罚类别。"),
                                                     code="penalty_kind_required")
        if self.valid_from and self.valid_until and self.valid_until < self.valid_from:
            errors["valid_until"] = ValidationError(_("有效期截止日期不能早于起始日期。"),
                                                    code="validity_order")
        if errors:
            raise ValidationError(errors)

    @property
    def is_published(self) -> bool:
        return self.published_at is not None

    def is_overdue(self, today: datetime.date) -> bool:
        return not self.is_published and self.due_on is not None and self.due_on < today

    @property
    def published_late(self) -> bool:
        return (self.is_published and self.due_on is not None
                and timezone.localdate(self.published_at) > self.due_on)

    @property
    def public_party_name(self) -> str:
        """A natural person's name with only the surname (张**); an organisation's in full."""
        if self.party_type == PartyType.NATURAL:
            return masking.mask_name(self.party_name)
        return self.party_name

    @property
    def public_party_code(self) -> str:
        """An organisation's 统一社会信用代码; never a natural person's identity number."""
        return "" if self.party_type == PartyType.NATURAL else self.party_id_number

    @property
    def party_id_masked(self) -> str:
        return masking.mask_id_number(self.party_id_number)


class FeeRecord(models.Model):
    """One 行政事业性收费 item of an agency and what it collected in a year (第二十条第（八）项).

    Fee items, their basis and standard are public information; nothing personal is held."""

    agency = models.ForeignKey("agencies.Agency", verbose_name=_("收费机关"),
                               on_delete=models.PROTECT, related_name="fee_records")
    item = models.ForeignKey(PowerItem, verbose_name=_("权责事项"), on_delete=models.PROTECT,
                             related_name="fee_records")
    year = models.PositiveSmallIntegerField(_("年度"), validators=[MinValueValidator(2008),
                                                                 MaxValueValidator(2100)])
    name = models.CharField(_("收费项目"), max_length=200)
    basis = models.TextField(_("收费依据"), max_length=5000)
    standard = models.TextField(_("收费标准"), max_length=2000)
    amount = models.DecimalField(_("本年收费金额（元）"), max_digits=14, decimal_places=2,
                                 validators=[MinValueValidator(Decimal("0"))])
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True,
                                   blank=True, related_name="+", verbose_name=_("录入人"))
    created_at = models.DateTimeField(_("录入时间"), auto_now_add=True)
    updated_at = models.DateTimeField(_("更新时间"), auto_now=True)

    class Meta:
        verbose_name = _("行政事业性收费")
        verbose_name_plural = _("行政事业性收费")
        ordering = ["-year", "agency__path", "name"]
        constraints = [
            models.UniqueConstraint(fields=["agency", "year", "name"], name="powers_fee_unique"),
            models.CheckConstraint(condition=models.Q(amount__gte=0), name="powers_fee_not_negative"),
        ]
        indexes = [models.Index(fields=["agency", "year"], name="powers_fee_report")]

    def __str__(self) -> str:
        return f"{self.year}年 {self.name}"

    def get_staff_url(self) -> str:
        return reverse("powers:fee_edit", args=[self.pk])

    def clean(self) -> None:
        if self.item_id and self.agency_id and self.item.agency_id != self.agency_id:
            raise ValidationError({"item": ValidationError(_("所选权责事项不属于该机关。"),
                                                            code="item_agency")})
