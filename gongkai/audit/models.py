"""The append-only audit log of staff acts: who, when, what, on which object, why.

Entries are written only through `gongkai.audit.record()`. Neither the ORM (save of an existing
row, delete, queryset update/delete), nor the admin, nor the API can change or remove one.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from . import actions


class AuditLogImmutable(Exception):
    """Raised on any attempt to change or delete an audit entry."""


class AuditEntryQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise AuditLogImmutable("审计日志不可修改")

    def delete(self):
        raise AuditLogImmutable("审计日志不可删除")

    def _raw_delete(self, using):
        raise AuditLogImmutable("审计日志不可删除")

    def for_target(self, obj: models.Model) -> AuditEntryQuerySet:
        return self.filter(target_type=obj._meta.label_lower, target_id=str(obj.pk))


class AuditEntry(models.Model):
    created_at = models.DateTimeField(_("时间"), auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("操作人"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        db_constraint=False,
    )
    actor_name = models.CharField(_("操作人姓名"), max_length=150)
    action = models.CharField(_("操作"), max_length=64, db_index=True)
    agency = models.ForeignKey(
        "agencies.Agency",
        verbose_name=_("机构"),
        on_delete=models.DO_NOTHING,
        null=True,
        blank=True,
        related_name="+",
        db_constraint=False,
    )
    target_type = models.CharField(_("对象类型"), max_length=100, blank=True)
    target_id = models.CharField(_("对象编号"), max_length=64, blank=True)
    target_repr = models.CharField(_("对象"), max_length=300, blank=True)
    reason = models.TextField(_("理由"), blank=True)
    data = models.JSONField(_("详情"), default=dict, blank=True)

    objects = AuditEntryQuerySet.as_manager()

    class Meta:
        verbose_name = _("审计日志")
        verbose_name_plural = _("审计日志")
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["agency", "-created_at"], name="audit_agency_time"),
            models.Index(fields=["target_type", "target_id"], name="audit_target"),
        ]
        default_permissions = ("view",)

    def __str__(self) -> str:
        return f"{self.created_at:%Y-%m-%d %H:%M} {self.actor_name} {self.action_label}"

    def save(self, *args, **kwargs) -> None:
        if not self._state.adding:
            raise AuditLogImmutable("审计日志不可修改")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AuditLogImmutable("审计日志不可删除")

    @property
    def action_label(self) -> str:
        return actions.label_for(self.action)
