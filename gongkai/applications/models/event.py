"""The event log of a request: the facts the deadline is computed from, append-only.

`ApplicationEvent.objects.record()` is the only writer (called by the services). Each kind has
a label and a sentence for the applicant's timeline next to the enum; `is_public` kinds are
shown to the applicant. `on` is the legal date of the fact (a notice sent, an answer received),
which may be earlier than the moment it was entered.
"""

from __future__ import annotations

import datetime

from django.conf import settings
from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from gongkai.reportformat.template import OUTCOME_PLAIN

from .application import Application


class EventKind(models.TextChoices):
    RECEIVED = "received", _("收到申请")
    ASSIGNED = "assigned", _("分配办理人")
    CORRECTION_REQUESTED = "correction_requested", _("告知补正")
    CORRECTION_RECEIVED = "correction_received", _("收到补正")
    EXTENDED = "extended", _("延长答复期限")
    CONSULTATION_STARTED = "consultation_started", _("征求意见")
    CONSULTATION_ANSWERED = "consultation_answered", _("收到意见")
    FEE_NOTIFIED = "fee_notified", _("发出收费通知")
    FEE_PAID = "fee_paid", _("缴纳信息处理费")
    CLOSED = "closed", _("作出答复")
    DELIVERED = "delivered", _("送达")
    WITHDRAWN = "withdrawn", _("申请人撤回申请")


# Sentences of the public timeline; %(…)s are filled from the event's data.
EVENT_SENTENCES = {
    EventKind.RECEIVED: _("收到您的申请（%(basis)s）。"),
    EventKind.ASSIGNED: _("申请已分配办理人。"),
    EventKind.CORRECTION_REQUESTED: _("告知您补正申请，补正期限至 %(period_end)s：%(items)s"),
    EventKind.CORRECTION_RECEIVED: _("收到补正后的申请，答复期限自该日重新计算。"),
    EventKind.EXTENDED: _("经政府信息公开工作机构负责人（%(approved_by)s）同意，答复期限延长 %(days)s 个工作日。"),
    EventKind.CONSULTATION_STARTED: _("书面征求%(party)s意见，所需时间不计入答复期限。"),
    EventKind.CONSULTATION_ANSWERED: _("征求意见结束。"),
    EventKind.FEE_NOTIFIED: _("发出信息处理费收费通知，金额 %(amount)s 元，请于 %(pay_by)s 前缴纳。"),
    EventKind.FEE_PAID: _("已缴纳信息处理费。"),
    EventKind.CLOSED: _("作出答复。%(outcome_plain)s"),
    EventKind.DELIVERED: _("答复已送达（%(method_label)s）。"),
    EventKind.WITHDRAWN: _("申请人撤回申请。"),
}
# What an event means for the applicant, shown under its sentence on the status page.
EVENT_MEANINGS = {
    EventKind.RECEIVED: _("答复期限从收到申请的次日起计算，为20个工作日（《政府信息公开条例》第三十三条）。"),
    EventKind.CORRECTION_REQUESTED: _("补正前答复期限不计算。请在补正期限内补正（可在本页在线上传补正材料）；"
                                      "无正当理由逾期不补正的，视为放弃申请。"),
    EventKind.CORRECTION_RECEIVED: _("答复期限从这一天起重新计算20个工作日。"),
    EventKind.EXTENDED: _("延长的期限最长不超过20个工作日，本机关应书面告知您。"),
    EventKind.CONSULTATION_STARTED: _("征求意见期间（最长15个工作日）不计入答复期限，答复期限相应顺延。"),
    EventKind.CONSULTATION_ANSWERED: _("答复期限恢复计算。"),
    EventKind.FEE_NOTIFIED: _("缴费期间不计入答复期限；逾期未缴纳的，视为放弃申请。"),
    EventKind.FEE_PAID: _("答复期限恢复计算。"),
    EventKind.CLOSED: _("本机关已作出答复，答复告知书可在此下载。"),
    EventKind.WITHDRAWN: _("本机关终止处理这件申请。"),
}
PUBLIC_KINDS = frozenset(set(EventKind) - {EventKind.ASSIGNED})


class ConsultationKind(models.TextChoices):
    THIRD_PARTY = "third_party", _("第三方")
    OTHER_AGENCY = "other_agency", _("其他机关")


class FeeMethod(models.TextChoices):
    """《政府信息公开信息处理费管理办法》第三条: one of the two per application."""

    PER_APPLICATION = "per_application", _("按件计收")
    PER_PAGE = "per_page", _("按量计收")


class EventLogImmutable(Exception):
    """Raised on any attempt to change or delete an event of a request."""


class ApplicationEventQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise EventLogImmutable("申请的办理记录不可修改")

    def delete(self):
        raise EventLogImmutable("申请的办理记录不可删除")

    def public(self) -> ApplicationEventQuerySet:
        return self.filter(kind__in=PUBLIC_KINDS)


class ApplicationEventManager(models.Manager.from_queryset(ApplicationEventQuerySet)):
    def record(
        self,
        application: Application,
        kind: str,
        *,
        on: datetime.date,
        actor=None,
        note: str = "",
        data: dict | None = None,
    ) -> ApplicationEvent:
        """Append one event; the only writer of the log."""
        actor = actor if actor is not None and getattr(actor, "is_authenticated", False) else None
        return self.create(
            application=application, kind=kind, on=on, actor=actor, note=note, data=data or {}
        )


class ApplicationEvent(models.Model):
    application = models.ForeignKey(
        Application, verbose_name=_("申请"), on_delete=models.CASCADE, related_name="events"
    )
    kind = models.CharField(_("事项"), max_length=32, choices=EventKind)
    on = models.DateField(_("日期"))
    created_at = models.DateTimeField(_("登记时间"), auto_now_add=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("登记人"), on_delete=models.SET_NULL,
        null=True, blank=True, related_name="+",
    )
    note = models.TextField(_("说明"), blank=True)
    data = models.JSONField(_("详情"), default=dict, blank=True)

    objects = ApplicationEventManager()

    class Meta:
        verbose_name = _("办理记录")
        verbose_name_plural = _("办理记录")
        ordering = ["on", "id"]
        indexes = [models.Index(fields=["application", "kind"], name="applications_event_kind")]

    def __str__(self) -> str:
        return f"{self.on} {self.get_kind_display()}"

    def save(self, *args, **kwargs) -> None:
        if not self._state.adding:
            raise EventLogImmutable("申请的办理记录不可修改")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise EventLogImmutable("申请的办理记录不可删除")

    @property
    def is_public(self) -> bool:
        return self.kind in PUBLIC_KINDS

    @property
    def sentence(self) -> str:
        template = EVENT_SENTENCES.get(EventKind(self.kind))
        values = _SentenceData(self.data)
        if self.data.get("outcome") in OUTCOME_PLAIN:
            values["outcome_plain"] = gettext(OUTCOME_PLAIN[self.data["outcome"]])
        try:
            return str(template) % values
        except (KeyError, TypeError, ValueError):
            return str(EventKind(self.kind).label)


class _SentenceData(dict):
    """Event data for sentence templates; a missing key reads as empty text."""

    def __missing__(self, key):
        return ""
