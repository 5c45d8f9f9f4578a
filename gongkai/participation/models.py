"""A consultation on a draft decision, and the comments the public left on it."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from gongkai.privacy import masking
from gongkai.privacy.fields import EncryptedTextField

FEEDBACK_WORKDAYS = 20  # 采纳情况 due this many working days after the consultation closes


class ConsultationStatus(models.TextChoices):
    DRAFT = "draft", _("草稿")
    OPEN = "open", _("征集中")
    CLOSED = "closed", _("征集结束，待公布采纳情况")
    CONCLUDED = "concluded", _("已公布采纳情况")


class ConsultationQuerySet(models.QuerySet):
    def public(self) -> ConsultationQuerySet:
        return self.exclude(status=ConsultationStatus.DRAFT)

    def feedback_overdue(self, today: datetime.date) -> ConsultationQuerySet:
        return self.filter(status__in=(ConsultationStatus.OPEN, ConsultationStatus.CLOSED),
                           feedback_due_on__lt=today)


class Consultation(models.Model):
    agency = models.ForeignKey("agencies.Agency", verbose_name=_("征集机关"),
                               on_delete=models.PROTECT, related_name="consultations")
    title = models.CharField(_("标题"), max_length=200)
    summary = models.TextField(_("征求意见稿及起草说明"), max_length=20000)
    opens_on = models.DateField(_("开始日期"))
    closes_on = models.DateField(_("截止日期"))
    feedback_due_on = models.DateField(_("采纳情况公布期限"), null=True, blank=True)
    status = models.CharField(_("状态"), max_length=10, choices=ConsultationStatus,
                              default=ConsultationStatus.DRAFT)
    feedback = models.TextField(_("意见采纳情况说明"), blank=True, max_length=20000)
    feedback_published_on = models.DateField(_("采纳情况公布日期"), null=True, blank=True)
    final_document = models.ForeignKey(
        "catalog.Document", verbose_name=_("正式文件"), on_delete=models.SET_NULL, null=True,
        blank=True, related_name="consultations",
        help_text=_("正式印发的决策文件（已发布的公开信息），其页面会链接回本次意见征集。"))
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True,
                                   blank=True, related_name="+", verbose_name=_("创建人"))
    created_at = models.DateTimeField(_("创建时间"), auto_now_add=True)

    objects = ConsultationQuerySet.as_manager()

    class Meta:
        verbose_name = _("意见征集")
        verbose_name_plural = _("意见征集")
        ordering = ["-opens_on", "-id"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("participation:public_detail", args=[self.pk])

    def get_staff_url(self) -> str:
        return reverse("participation:staff_detail", args=[self.pk])

    def clean(self) -> None:
        if self.opens_on and self.closes_on and self.closes_on < self.opens_on:
            raise ValidationError({"closes_on": _("截止日期不能早于开始日期。")}, code="bad_period")

    def accepts_comments(self, today: datetime.date) -> bool:
        return (self.status == ConsultationStatus.OPEN
                and self.opens_on <= today <= self.closes_on)

    def is_feedback_overdue(self, today: datetime.date) -> bool:
        return (self.status in (ConsultationStatus.OPEN, ConsultationStatus.CLOSED)
                and self.feedback_due_on is not None and self.feedback_due_on < today)


class CommentStatus(models.TextChoices):
    PENDING = "pending", _("待审核")
    APPROVED = "approved", _("已公开")
    REJECTED = "rejected", _("不予公开")


class Adoption(models.TextChoices):
    UNDECIDED = "", _("未处理")
    ADOPTED = "adopted", _("采纳")
    PARTLY = "partly", _("部分采纳")
    NOT_ADOPTED = "not_adopted", _("未采纳")


class Comment(models.Model):
    consultation = models.ForeignKey(Consultation, verbose_name=_("意见征集"),
                                     on_delete=models.CASCADE, related_name="comments")
    body = models.TextField(_("意见内容"), max_length=3000)
    name = EncryptedTextField(_("姓名或单位"))
    contact = EncryptedTextField(_("联系方式"), blank=True)
    submitted_on = models.DateField(_("提交日期"))
    status = models.CharField(_("审核状态"), max_length=10, choices=CommentStatus,
                              default=CommentStatus.PENDING)
    adoption = models.CharField(_("采纳情况"), max_length=12, choices=Adoption, blank=True,
                                default=Adoption.UNDECIDED)
    reason = models.TextField(_("理由"), blank=True, max_length=2000,
                              help_text=_("未采纳或部分采纳的，说明理由。"))
    created_at = models.DateTimeField(_("提交时间"), auto_now_add=True)

    class Meta:
        verbose_name = _("公众意见")
        verbose_name_plural = _("公众意见")
        ordering = ["submitted_on", "id"]

    def __str__(self) -> str:
        return f"意见{self.pk}"

    @property
    def name_masked(self) -> str:
        return masking.mask_name(self.name)
