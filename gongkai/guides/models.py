"""A service an agency offers (办事事项) and the guide to it (办事指南)."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class GuideStatus(models.TextChoices):
    DRAFT = "draft", _("草稿")
    PUBLISHED = "published", _("已发布")
    WITHDRAWN = "withdrawn", _("已停办")


class ServiceGuideQuerySet(models.QuerySet):
    def published(self) -> ServiceGuideQuerySet:
        return self.filter(status=GuideStatus.PUBLISHED)


class ServiceGuide(models.Model):
    agency = models.ForeignKey("agencies.Agency", verbose_name=_("实施机关"),
                               on_delete=models.PROTECT, related_name="service_guides")
    power_item = models.ForeignKey(
        "powers.PowerItem", verbose_name=_("对应权责事项"), on_delete=models.PROTECT, null=True,
        blank=True, related_name="guides",
        help_text=_("本事项依据的权责清单事项（公共服务事项可不选）。"))
    name = models.CharField(_("事项名称"), max_length=200)
    code = models.CharField(_("事项编码"), max_length=60, blank=True)
    conditions = models.TextField(_("办理条件"), max_length=10000)
    steps = models.TextField(_("办理流程"), max_length=10000, help_text=_("一步一行。"))
    legal_days = models.PositiveSmallIntegerField(_("法定办结时限（工作日）"), null=True, blank=True)
    promised_days = models.PositiveSmallIntegerField(_("承诺办结时限（工作日）"))
    fees = models.CharField(_("收费标准"), max_length=500, default="不收费")
    place = models.CharField(_("办理地点"), max_length=300)
    hours = models.CharField(_("办理时间"), max_length=200)
    phone = models.CharField(_("咨询电话"), max_length=60)
    complaint_phone = models.CharField(_("监督投诉电话"), max_length=60, blank=True)
    online_url = models.URLField(_("网上办理地址"), blank=True)
    status = models.CharField(_("状态"), max_length=10, choices=GuideStatus,
                              default=GuideStatus.DRAFT)
    published_on = models.DateField(_("发布日期"), null=True, blank=True)
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True,
                                   blank=True, related_name="+", verbose_name=_("更新人"))
    updated_at = models.DateTimeField(_("更新时间"), auto_now=True)

    objects = ServiceGuideQuerySet.as_manager()

    class Meta:
        verbose_name = _("办事指南")
        verbose_name_plural = _("办事指南")
        ordering = ["agency__path", "name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("guides:public_detail", args=[self.pk])

    def get_staff_url(self) -> str:
        return reverse("guides:staff_detail", args=[self.pk])

    def clean(self) -> None:
        if self.legal_days and self.promised_days and self.promised_days > self.legal_days:
            raise ValidationError({"promised_days": _("承诺时限不能长于法定时限。")},
                                  code="promise_too_long")
        if self.power_item_id and self.agency_id and self.power_item.agency_id != self.agency_id:
            raise ValidationError({"power_item": _("只能关联本机关的权责事项。")}, code="foreign_power")

    @property
    def step_lines(self) -> list[str]:
        return [line.strip() for line in self.steps.splitlines() if line.strip()]


def template_path(instance: GuideMaterial, filename: str) -> str:
    return f"guides/{instance.guide.agency_id}/{instance.template_sha256[:2]}/{instance.template_sha256}"


class GuideMaterial(models.Model):
    """A document the applicant brings, with a blank form to download where there is one."""

    guide = models.ForeignKey(ServiceGuide, verbose_name=_("办事指南"), on_delete=models.CASCADE,
                              related_name="materials")
    name = models.CharField(_("材料名称"), max_length=200)
    copies = models.CharField(_("份数及要求"), max_length=100, default="原件1份")
    required = models.BooleanField(_("必须提交"), default=True)
    template = models.FileField(_("空白表格或示范文本"), upload_to=template_path, max_length=255,
                                blank=True)
    template_name = models.CharField(max_length=200, blank=True)
    template_content_type = models.CharField(max_length=100, blank=True)
    template_sha256 = models.CharField(max_length=64, blank=True)
    sort_order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("申请材料")
        verbose_name_plural = _("申请材料")
        ordering = ["sort_order", "id"]

    def __str__(self) -> str:
        return self.name
