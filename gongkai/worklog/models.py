"""What an agency did for open government during the year, as records rather than prose."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class ActivityKind(models.TextChoices):
    """Kinds of work the annual report's section 一 counts. `noun` is how the sentence says it."""

    MEETING = "meeting", _("学习会议")
    TRAINING = "training", _("业务培训")
    INSPECTION = "inspection", _("监督检查")
    PUBLICITY = "publicity", _("宣传活动")
    OTHER = "other", _("其他工作")


# How each kind is counted in section 一: verb, object (the count goes between them and "次").
OVERVIEW_PHRASES: dict[str, tuple[str, str]] = {
    ActivityKind.MEETING: (_("召开政务公开学习会议"), _("次")),
    ActivityKind.TRAINING: (_("开展政务公开业务培训"), _("次")),
    ActivityKind.INSPECTION: (_("开展政务公开监督检查"), _("次")),
    ActivityKind.PUBLICITY: (_("开展政务公开宣传活动"), _("次")),
    ActivityKind.OTHER: (_("开展其他政务公开工作"), _("项")),
}


class WorkActivityQuerySet(models.QuerySet):
    def in_year(self, year: int) -> WorkActivityQuerySet:
        return self.filter(held_on__year=year)


class WorkActivity(models.Model):
    agency = models.ForeignKey(
        "agencies.Agency", verbose_name=_("机构"), on_delete=models.PROTECT,
        related_name="work_activities",
    )
    kind = models.CharField(_("类型"), max_length=12, choices=ActivityKind)
    title = models.CharField(_("名称"), max_length=200)
    held_on = models.DateField(_("日期"))
    place = models.CharField(_("地点"), max_length=200, blank=True)
    participants = models.PositiveIntegerField(_("参加人数"), null=True, blank=True)
    summary = models.TextField(_("内容摘要"), blank=True, max_length=5000)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("记录人"), on_delete=models.SET_NULL,
        null=True, blank=True, related_name="+",
    )
    created_at = models.DateTimeField(_("记录时间"), auto_now_add=True)
    updated_at = models.DateTimeField(_("更新时间"), auto_now=True)

    objects = WorkActivityQuerySet.as_manager()

    class Meta:
        verbose_name = _("工作记录")
        verbose_name_plural = _("工作记录")
        ordering = ["-held_on", "-id"]
        indexes = [models.Index(fields=["agency", "held_on"], name="worklog_agency_held_on")]

    def __str__(self) -> str:
        return f"{self.held_on:%Y-%m-%d} {self.title}"

    def get_absolute_url(self) -> str:
        return reverse("worklog:detail", args=[self.pk])

    def clean(self) -> None:
        if self.held_on and self.held_on > timezone.localdate():
            raise ValidationError({"held_on": _("日期不能晚于今天：工作记录登记已经开展的工作。")},
                                  code="future_date")


def material_path(instance: WorkMaterial, filename: str) -> str:
    # Content-addressed, no user-supplied name on disk.
    return f"worklog/{instance.activity.agency_id}/{instance.sha256[:2]}/{instance.sha256}"


class WorkMaterial(models.Model):
    """A file of an activity: the notice, the sign-in sheet, slides, photos."""

    activity = models.ForeignKey(
        WorkActivity, verbose_name=_("工作记录"), on_delete=models.CASCADE, related_name="materials"
    )
    file = models.FileField(_("文件"), upload_to=material_path, max_length=255)
    original_name = models.CharField(_("文件名"), max_length=200)
    content_type = models.CharField(_("文件类型"), max_length=100)
    size = models.PositiveBigIntegerField(_("大小（字节）"))
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("上传人"), on_delete=models.SET_NULL,
        null=True, related_name="+",
    )
    uploaded_at = models.DateTimeField(_("上传时间"), auto_now_add=True)

    class Meta:
        verbose_name = _("工作材料")
        verbose_name_plural = _("工作材料")
        ordering = ["uploaded_at", "id"]

    def __str__(self) -> str:
        return self.original_name

    def get_absolute_url(self) -> str:
        return reverse("worklog:material", args=[self.pk])
