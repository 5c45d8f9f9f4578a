"""Requests answered with the same information (同一信息) and the proposal that follows from
them (《条例》第四十四条第一款): "多个申请人就相同政府信息向同一行政机关提出公开申请，且该政府
信息属于可以公开的，行政机关可以纳入主动公开的范围。"

Staff say which requests asked for the same information (`SameInformationMember`, with the
basis of each link: their own judgement or a suggestion they confirmed); a group whose requests
come from at least `art44_threshold()` different applicants is a proposal. Its fate is stored
(`status`): still open, dismissed with a reason, or turned into a draft of the catalog. Whether
it "已转为主动公开" is not stored: it is the catalog document's own status (published).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .application import Application

DEFAULT_ART44_THRESHOLD = 3
# "属于可以公开的" (第四十四条): requests answered by disclosing, wholly or in part.
DISCLOSABLE_OUTCOMES = ("disclosed", "partial")


def art44_threshold() -> int:
    """How many different applicants make a proposal: GONGKAI_ART44_APPLICANTS (environment
    ART44_APPLICANTS), 3 by default; the 条例 says only 多个申请人 (more than one)."""
    return max(2, int(getattr(settings, "GONGKAI_ART44_APPLICANTS", DEFAULT_ART44_THRESHOLD)))


class ProposalStatus(models.TextChoices):
    OPEN = "open", _("待处理")
    DISMISSED = "dismissed", _("不予采纳")
    DRAFTED = "drafted", _("已起草主动公开信息")


class SameInformation(models.Model):
    agency = models.ForeignKey("agencies.Agency", verbose_name=_("机关"), on_delete=models.PROTECT,
                               related_name="+")
    status = models.CharField(_("处理情况"), max_length=12, choices=ProposalStatus,
                              default=ProposalStatus.OPEN, db_index=True)
    created_at = models.DateTimeField(_("建立时间"), auto_now_add=True)
    document = models.ForeignKey(
        "catalog.Document", verbose_name=_("主动公开的信息"), on_delete=models.SET_NULL,
        null=True, blank=True, related_name="+")
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("处理人"),
                                   on_delete=models.SET_NULL, null=True, blank=True,
                                   related_name="+")
    decided_at = models.DateTimeField(_("处理时间"), null=True, blank=True)
    dismiss_reason = models.TextField(_("不予采纳的理由"), blank=True)

    class Meta:
        verbose_name = _("同一信息的申请（第四十四条）")
        verbose_name_plural = _("同一信息的申请（第四十四条）")
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"同一信息#{self.pk}"

    @property
    def converted(self) -> bool:
        """已转为主动公开: the catalog document drafted from it has been published."""
        from gongkai.catalog.models import Status as DocumentStatus

        return self.document_id is not None and self.document.status == DocumentStatus.PUBLISHED


class SameInformationMember(models.Model):
    group = models.ForeignKey(SameInformation, verbose_name=_("同一信息"),
                              on_delete=models.CASCADE, related_name="members")
    application = models.OneToOneField(Application, verbose_name=_("申请"),
                                       on_delete=models.CASCADE, related_name="same_information")
    basis = models.CharField(_("认定依据"), max_length=200)
    linked_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("认定人"),
                                  on_delete=models.SET_NULL, null=True, related_name="+")
    linked_at = models.DateTimeField(_("认定时间"), auto_now_add=True)

    class Meta:
        verbose_name = _("同一信息的申请")
        verbose_name_plural = _("同一信息的申请")
        ordering = ["linked_at", "id"]

    def __str__(self) -> str:
        return f"{self.group} ← {self.application}"
