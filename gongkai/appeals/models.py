"""行政复议 and 行政诉讼 cases about an agency's handling of disclosure requests.

A case is what 表四 of the annual report counts: its kind (行政复议 / 行政诉讼 未经复议直接起诉 /
复议后起诉) and result (维持 / 纠正 / 其他 / 尚未审结) take their codes and labels from
`gongkai.reportformat.template`. A case usually concerns one request of the agency; a case about a
request handled outside the platform has none. Writes go through `appeals.services`.
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from gongkai.privacy.retention import ERASED
from gongkai.reportformat import template

PENDING = "pending"  # 尚未审结: the only result of an open case


class AppealCaseQuerySet(models.QuerySet):
    def open(self) -> AppealCaseQuerySet:
        return self.filter(closed_on__isnull=True)

    def filed_in(self, year: int) -> AppealCaseQuerySet:
        return self.filter(filed_on__year=year)

    def personal_data_expired(self, closed_before) -> AppealCaseQuerySet:
        """Decided before `closed_before` and not yet erased (gongkai.privacy.retention)."""
        return self.filter(closed_on__lt=closed_before, personal_data_erased_at__isnull=True)


class AppealCase(models.Model):
    # The applicant's or plaintiff's name is the only personal detail a case holds.
    ERASED_PERSONAL_DATA = {"applicant_name": ERASED}

    agency = models.ForeignKey(
        "agencies.Agency", verbose_name=_("被申请人或被告机关"), on_delete=models.PROTECT,
        related_name="appeal_cases",
    )
    application = models.ForeignKey(
        "applications.Application", verbose_name=_("所涉政府信息公开申请"),
        on_delete=models.PROTECT, null=True, blank=True, related_name="appeal_cases",
        help_text=_("涉及本平台以外办理的申请时可留空。"),
    )
    kind = models.CharField(_("案件类型"), max_length=24, choices=template.APPEAL_KIND_CHOICES)
    case_number = models.CharField(
        _("案号"), max_length=100, help_text=_("复议机关或人民法院的案号，如“西政复〔2022〕12号”。")
    )
    forum = models.CharField(
        _("复议机关或审理法院"), max_length=100, blank=True,
    )
    applicant_name = models.CharField(_("申请人或原告"), max_length=100, blank=True)
    filed_on = models.DateField(_("立案日期"), help_text=_("复议机关受理或人民法院立案的日期。"))
    result = models.CharField(
        _("结果"), max_length=16, choices=template.APPEAL_RESULT_CHOICES, default=PENDING
    )
    closed_on = models.DateField(_("审结日期"), null=True, blank=True)
    notes = models.TextField(_("备注"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("登记人"), on_delete=models.SET_NULL,
        null=True, blank=True, related_name="+",
    )
    created_at = models.DateTimeField(_("登记时间"), auto_now_add=True)
    updated_at = models.DateTimeField(_("更新时间"), auto_now=True)
    personal_data_erased_at = models.DateTimeField(
        _("个人信息删除时间"), null=True, blank=True, editable=False,
    )

    objects = AppealCaseQuerySet.as_manager()

    class Meta:
        verbose_name = _("复议诉讼案件")
        verbose_name_plural = _("复议诉讼案件")
        ordering = ["-filed_on", "-id"]
        indexes = [
            models.Index(fields=["agency", "filed_on"], name="appeals_agency_filed"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["agency", "kind", "case_number"], name="appeals_case_number_unique",
                violation_error_code="duplicate_case_number",
                violation_error_message=_("本机关已登记过同一类型、同一案号的案件。"),
            ),
            models.CheckConstraint(
                name="appeals_closed_has_result",
                condition=(Q(result=PENDING) & Q(closed_on__isnull=True))
                | (~Q(result=PENDING) & Q(closed_on__isnull=False)),
                violation_error_code="result_and_closed_on",
                violation_error_message=_("尚未审结的案件不能有审结日期，已审结的案件须有审结日期。"),
            ),
            models.CheckConstraint(
                name="appeals_closed_after_filed",
                condition=Q(closed_on__isnull=True) | Q(closed_on__gte=models.F("filed_on")),
                violation_error_code="closed_before_filed",
                violation_error_message=_("审结日期不能早于立案日期。"),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.case_number}"

    def get_absolute_url(self) -> str:
        return reverse("appeals:detail", kwargs={"pk": self.pk})

    def clean(self) -> None:
        errors = {}
        if self.result == PENDING and self.closed_on is not None:
            errors["result"] = ValidationError(
                _("已填写审结日期的案件须选择结果（维持、纠正或其他）。"), code="result_required"
            )
        if self.result != PENDING and self.closed_on is None:
            errors["closed_on"] = ValidationError(
                _("案件有结果时须填写审结日期。"), code="closed_on_required"
            )
        if self.closed_on and self.filed_on and self.closed_on < self.filed_on:
            errors["closed_on"] = ValidationError(
                _("审结日期不能早于立案日期。"), code="closed_before_filed"
            )
        if self.application_id and self.agency_id and self.application.agency_id != self.agency_id:
            errors["application"] = ValidationError(
                _("所涉申请不是本机关办理的申请。"), code="application_other_agency"
            )
        if self.application_id and self.filed_on and self.filed_on < self.application.received_on:
            errors["filed_on"] = ValidationError(
                _("立案日期不能早于所涉申请的收到日期。"), code="filed_before_application"
            )
        if errors:
            raise ValidationError(errors)

    @property
    def is_open(self) -> bool:
        return self.closed_on is None
