"""Agencies (a county government and its departments) and the roles staff hold in them.

An agency's subtree is found through `path`, a materialised path of primary keys
("/1/4/"), so "this agency and everything under it" is one indexed prefix query.
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class AgencyMoveOutsideService(Exception):
    """A save that changes an agency's parent without rewriting its subtree's paths."""


class AgencyQuerySet(models.QuerySet):
    def active(self) -> AgencyQuerySet:
        return self.filter(is_active=True)

    def subtree_of(self, agency: Agency) -> AgencyQuerySet:
        """The agency itself and every agency below it."""
        return self.filter(path__startswith=agency.path)


class Agency(models.Model):
    class Level(models.TextChoices):
        PROVINCE = "province", _("省级人民政府")
        CITY = "city", _("市级人民政府")
        COUNTY = "county", _("县级人民政府")
        DEPARTMENT = "department", _("人民政府部门")
        TOWNSHIP = "township", _("乡镇人民政府")
        OTHER = "other", _("其他机构")

    name = models.CharField(_("机构名称"), max_length=100)
    short_name = models.CharField(_("简称"), max_length=50, blank=True)
    slug = models.SlugField(_("网址标识"), max_length=60, unique=True)
    code = models.CharField(
        _("机构代码"),
        max_length=18,
        unique=True,
        help_text=_("统一社会信用代码或组织机构代码，用作索引号的前段码，生成后不应更改。"),
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("上级机构"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
    )
    level = models.CharField(_("层级"), max_length=20, choices=Level, default=Level.DEPARTMENT)
    path = models.CharField(_("路径"), max_length=255, editable=False, db_index=True)
    sort_order = models.PositiveIntegerField(_("排序"), default=0)
    is_active = models.BooleanField(_("启用"), default=True)

    # 《条例》第二十条第（二）项: what an agency publishes about itself.
    functions = models.TextField(_("机构职能"), blank=True)
    internal_units = models.TextField(_("内设机构"), blank=True)
    address = models.CharField(_("办公地址"), max_length=200, blank=True)
    postal_code = models.CharField(_("邮政编码"), max_length=10, blank=True)
    office_hours = models.CharField(_("办公时间"), max_length=200, blank=True)
    phone = models.CharField(_("联系电话"), max_length=50, blank=True)
    fax = models.CharField(_("传真"), max_length=50, blank=True)
    email = models.EmailField(_("电子邮箱"), blank=True)
    leaders = models.TextField(_("负责人"), blank=True, help_text=_("每行一位：职务 姓名"))
    # 《条例》第十二条: 政府信息公开指南 (sanitised HTML).
    guide = models.TextField(_("政府信息公开指南"), blank=True)
    disclosure_office = models.CharField(_("政府信息公开工作机构"), max_length=100, blank=True)

    objects = AgencyQuerySet.as_manager()

    class Meta:
        verbose_name = _("机构")
        verbose_name_plural = _("机构")
        ordering = ["path", "sort_order"]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs) -> None:
        """Save the row; a new agency's path needs its own key, so it is written after the insert.

        Moving an agency rewrites its whole subtree's paths, which is not a save's business:
        `gongkai.agencies.services.agency_change()` does it (and audits it). A save whose parent
        no longer matches the stored path is refused rather than leaving the subtree behind.
        """
        if self.path and self.parent_id != self.parent_id_in_path:
            raise AgencyMoveOutsideService(
                f"agency {self.pk}: a change of parent goes through agencies.services.agency_change()"
            )
        if not self._state.adding and kwargs.get("update_fields") is None:
            # Never write `path` back: an instance loaded before an ancestor moved holds a stale one.
            kwargs["update_fields"] = [
                f.name for f in self._meta.concrete_fields if not f.primary_key and f.name != "path"
            ]
        super().save(*args, **kwargs)
        if not self.path:
            self.path = self.path_under(self.parent)
            Agency.objects.filter(pk=self.pk).update(path=self.path)

    def get_absolute_url(self) -> str:
        return reverse("agencies:detail", kwargs={"slug": self.slug})

    def clean(self) -> None:
        if self.pk and self.parent_id and self.path and self.parent.path.startswith(self.path):
            raise ValidationError({"parent": ValidationError(
                _("不能把机构设为它自己或其下属机构的下级。"), code="agency_cycle"
            )})

    def path_under(self, parent: Agency | None) -> str:
        """The materialised path this agency has below `parent` (None: a root)."""
        return f"{parent.path if parent is not None else '/'}{self.pk}/"

    @property
    def parent_id_in_path(self) -> int | None:
        """The parent's key as recorded in `path` (the second-to-last step), without a query."""
        steps = self.path.strip("/").split("/")
        return int(steps[-2]) if len(steps) > 1 else None

    @property
    def depth(self) -> int:
        return self.path.count("/") - 2

    def ancestors(self) -> models.QuerySet[Agency]:
        ids = [int(p) for p in self.path.strip("/").split("/") if p and int(p) != self.pk]
        return Agency.objects.filter(pk__in=ids).order_by("path")

    def subtree(self) -> AgencyQuerySet:
        return Agency.objects.subtree_of(self)

    @property
    def leader_lines(self) -> list[str]:
        return [line.strip() for line in self.leaders.splitlines() if line.strip()]


class Role(models.TextChoices):
    PUBLISHER = "publisher", _("信息发布员")
    REVIEWER = "reviewer", _("审核员")
    HANDLER = "handler", _("依申请办理员")
    ADMIN = "admin", _("机构管理员")
    SUPERVISOR = "supervisor", _("监督员")


ROLE_DESCRIPTIONS = {
    Role.PUBLISHER: _("起草、编辑主动公开信息并提交审核"),
    Role.REVIEWER: _("审核（保密审查）并发布或退回主动公开信息，撤回已发布信息"),
    Role.HANDLER: _("登记、办理和答复政府信息公开申请，登记复议和诉讼案件"),
    Role.ADMIN: _("维护本机构信息和公开指南，管理本机构人员的角色"),
    Role.SUPERVISOR: _("查看本机构及所有下级机构的工作情况、审计日志和报表"),
}


class MembershipQuerySet(models.QuerySet):
    def for_user(self, user) -> MembershipQuerySet:
        return self.filter(user=user, agency__is_active=True)


class Membership(models.Model):
    """A role a user holds in one agency (监督员: over the agency's whole subtree)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("用户"),
        on_delete=models.CASCADE,
        related_name="memberships",
    )
    agency = models.ForeignKey(
        Agency, verbose_name=_("机构"), on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(_("角色"), max_length=20, choices=Role)
    created_at = models.DateTimeField(_("授予时间"), auto_now_add=True)

    objects = MembershipQuerySet.as_manager()

    class Meta:
        verbose_name = _("角色授予")
        verbose_name_plural = _("角色授予")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "agency", "role"], name="agencies_membership_unique_role"
            )
        ]

    def __str__(self) -> str:
        return f"{self.user} · {self.agency} · {self.get_role_display()}"
