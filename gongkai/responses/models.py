"""Questions from the public and how an agency answered them."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from gongkai.applications.models.application import new_query_code
from gongkai.privacy import masking
from gongkai.privacy.fields import EncryptedTextField

DEFAULT_ANSWER_WORKDAYS = 10


class QuestionStatus(models.TextChoices):
    RECEIVED = "received", _("待答复")
    ANSWERED = "answered", _("已答复")
    REFERRED = "referred", _("已引导依申请公开")
    REJECTED = "rejected", _("不予受理")


class ResponseSetting(models.Model):
    """An agency's promise: how many working days it takes to answer a question."""

    agency = models.OneToOneField("agencies.Agency", verbose_name=_("机构"),
                                  on_delete=models.CASCADE, related_name="response_setting")
    answer_workdays = models.PositiveSmallIntegerField(
        _("答复期限（工作日）"), default=DEFAULT_ANSWER_WORKDAYS,
        validators=[MinValueValidator(1), MaxValueValidator(60)],
        help_text=_("自收到留言之次日起计算的工作日数，1 至 60。"),
    )
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True,
                                   blank=True, related_name="+", verbose_name=_("设置人"))
    updated_at = models.DateTimeField(_("设置时间"), auto_now=True)

    class Meta:
        verbose_name = _("留言答复期限")
        verbose_name_plural = _("留言答复期限")

    def __str__(self) -> str:
        return f"{self.agency}：{self.answer_workdays} 个工作日"


class PublicQuestionQuerySet(models.QuerySet):
    def published(self) -> PublicQuestionQuerySet:
        return self.filter(status=QuestionStatus.ANSWERED, published=True)

    def open(self) -> PublicQuestionQuerySet:
        return self.filter(status=QuestionStatus.RECEIVED)

    def overdue(self, today: datetime.date) -> PublicQuestionQuerySet:
        return self.open().filter(due_on__lt=today)


class PublicQuestion(models.Model):
    agency = models.ForeignKey("agencies.Agency", verbose_name=_("留言对象"),
                               on_delete=models.PROTECT, related_name="public_questions")
    subject = models.CharField(_("标题"), max_length=100)
    body = models.TextField(_("留言内容"), max_length=2000)
    # What the public page shows: the question as staff approved it (personal data removed).
    public_body = models.TextField(_("公开的留言内容"), blank=True, max_length=2000)
    name = EncryptedTextField(_("姓名"))
    phone = EncryptedTextField(_("联系电话"))
    email = EncryptedTextField(_("电子邮箱"), blank=True)
    query_code = models.CharField(_("查询码"), max_length=16, unique=True, default=new_query_code,
                                  editable=False)
    received_on = models.DateField(_("收到日期"))
    due_on = models.DateField(_("答复期限"), null=True, blank=True)
    status = models.CharField(_("状态"), max_length=10, choices=QuestionStatus,
                              default=QuestionStatus.RECEIVED)
    answer = models.TextField(_("答复内容"), blank=True, max_length=5000)
    note = models.TextField(_("说明"), blank=True, max_length=1000,
                            help_text=_("不予受理或引导依申请公开的理由，会告知留言人。"))
    published = models.BooleanField(_("公开"), default=False)
    answered_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL,
                                    null=True, blank=True, related_name="+",
                                    verbose_name=_("答复人"))
    answered_on = models.DateField(_("答复日期"), null=True, blank=True)
    created_at = models.DateTimeField(_("提交时间"), auto_now_add=True)

    objects = PublicQuestionQuerySet.as_manager()

    class Meta:
        verbose_name = _("群众留言")
        verbose_name_plural = _("群众留言")
        ordering = ["-received_on", "-id"]
        indexes = [
            models.Index(fields=["agency", "status", "due_on"], name="responses_agency_status"),
            models.Index(fields=["status", "published", "answered_on"], name="responses_public"),
        ]

    def __str__(self) -> str:
        return f"留言{self.pk}：{self.subject}"

    def get_absolute_url(self) -> str:
        return reverse("responses:staff_detail", args=[self.pk])

    def get_public_url(self) -> str:
        return reverse("responses:public_detail", args=[self.pk])

    @property
    def is_open(self) -> bool:
        return self.status == QuestionStatus.RECEIVED

    def is_overdue(self, today: datetime.date) -> bool:
        return self.is_open and self.due_on is not None and self.due_on < today

    @property
    def name_masked(self) -> str:
        return masking.mask_name(self.name)

    @property
    def phone_masked(self) -> str:
        return masking.mask_phone(self.phone)
