"""Reports published elsewhere and uploaded by a supervising office for checking.

The file is read by the report engine's parser and checked by its validator in a background
task; the findings are kept with the upload so the dashboard can list them per agency.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


def upload_path(instance: UploadedReportCheck, filename: str) -> str:
    return f"report-checks/{instance.agency_id}/{instance.sha256}"


class UploadedReportCheck(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("排队检查中")
        RUNNING = "running", _("检查中")
        DONE = "done", _("已完成")
        FAILED = "failed", _("检查失败")

    agency = models.ForeignKey(
        "agencies.Agency", verbose_name=_("报告所属机构"), on_delete=models.CASCADE,
        related_name="uploaded_report_checks",
    )
    year = models.PositiveSmallIntegerField(_("报告年度"))
    file = models.FileField(_("文件"), upload_to=upload_path, max_length=255)
    original_name = models.CharField(_("文件名"), max_length=200)
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    source_url = models.URLField(_("原文网址"), blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("上传人"), on_delete=models.PROTECT, related_name="+"
    )
    uploaded_at = models.DateTimeField(_("上传时间"), auto_now_add=True)
    status = models.CharField(_("状态"), max_length=10, choices=Status, default=Status.PENDING)
    source_format = models.CharField(_("识别的格式"), max_length=10, blank=True)
    error_count = models.PositiveIntegerField(_("错误数"), default=0)
    warning_count = models.PositiveIntegerField(_("警告数"), default=0)
    findings = models.JSONField(_("检查结果"), default=list, blank=True)
    checked_at = models.DateTimeField(_("检查时间"), null=True, blank=True)
    failure = models.CharField(_("失败原因"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("外部年报检查")
        verbose_name_plural = _("外部年报检查")
        ordering = ["-uploaded_at", "-id"]
        indexes = [models.Index(fields=["agency", "year"], name="supervision_check_agency_year")]

    def __str__(self) -> str:
        return f"{self.agency} {self.year} {self.original_name}"

    def get_absolute_url(self) -> str:
        return reverse("supervision:check_detail", kwargs={"pk": self.pk})

    @property
    def is_finished(self) -> bool:
        return self.status in (self.Status.DONE, self.Status.FAILED)


class ColumnReview(models.Model):
    """An agency's confirmation that a catalog column (栏目) is up to date although nothing new
    was published in it (指南、机构职能 and other pages that rarely change). A column reviewed
    within the dashboard's period is not counted as stale. Written only by
    `services.column_review_confirm`, which audits it."""

    agency = models.ForeignKey(
        "agencies.Agency", verbose_name=_("机构"), on_delete=models.CASCADE,
        related_name="column_reviews",
    )
    category = models.ForeignKey(
        "catalog.Category", verbose_name=_("栏目"), on_delete=models.CASCADE, related_name="+",
    )
    reviewed_on = models.DateField(_("审核日期"))
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("审核人"), on_delete=models.PROTECT,
        related_name="+",
    )
    note = models.CharField(_("审核说明"), max_length=200, blank=True)
    created_at = models.DateTimeField(_("登记时间"), auto_now_add=True)

    class Meta:
        verbose_name = _("栏目审核确认")
        verbose_name_plural = _("栏目审核确认")
        ordering = ["-reviewed_on", "-id"]
        indexes = [models.Index(fields=["agency", "category", "reviewed_on"],
                                name="supervision_review_latest")]

    def __str__(self) -> str:
        return f"{self.agency} {self.category} {self.reviewed_on}"
