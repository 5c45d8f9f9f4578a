"""区分处理 (《条例》第三十七条): the marks that take what must not be disclosed out of a reply
file, their legal grounds, and the second person's approval.

A `Redaction` belongs to one `ReplyFile` (the original, which stays with the agency). It holds
the PDF the marks refer to (`source`: the original itself, or a DOCX converted to PDF) and, once
approved, the redacted PDF (`output`) that the applicant and the public receive. The PDF work
itself is in `gongkai.applications.redaction`; the writes in `services.redaction`.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from gongkai.reportformat.template import OUTCOMES

from .reply_file import ReplyFile

_WITHHELD_GROUP = "（三）不予公开"
# The legal grounds of a mark: the 不予公开 rows of table 三, labels verbatim from the template.
GROUND_CHOICES: tuple[tuple[str, str], ...] = tuple(
    (row.code, row.full_label) for row in OUTCOMES if _WITHHELD_GROUP in row.group
)


def redaction_path(instance: Redaction, filename: str) -> str:
    # Content-addressed like reply files: no user-supplied name on disk.
    return f"redactions/{instance.reply_file.application.agency_id}/{filename[:2]}/{filename}"


class RedactionStatus(models.TextChoices):
    MARKING = "marking", _("标注中")
    SUBMITTED = "submitted", _("待审批")
    APPROVED = "approved", _("已批准并生成")


class Redaction(models.Model):
    reply_file = models.OneToOneField(
        ReplyFile, verbose_name=_("答复附件"), on_delete=models.CASCADE, related_name="redaction"
    )
    status = models.CharField(_("状态"), max_length=20, choices=RedactionStatus,
                              default=RedactionStatus.MARKING)
    source = models.FileField(_("待处理的PDF"), upload_to=redaction_path, max_length=255)
    page_count = models.PositiveIntegerField(_("页数"))
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("发起人"), on_delete=models.SET_NULL,
        null=True, related_name="+",
    )
    started_at = models.DateTimeField(_("发起时间"), auto_now_add=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("提交人"), on_delete=models.SET_NULL,
        null=True, blank=True, related_name="+",
    )
    submitted_at = models.DateTimeField(_("提交时间"), null=True, blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("审批人"), on_delete=models.SET_NULL,
        null=True, blank=True, related_name="+",
    )
    approved_at = models.DateTimeField(_("审批时间"), null=True, blank=True)
    return_reason = models.CharField(_("退回意见"), max_length=500, blank=True)
    output = models.FileField(_("区分处理后的PDF"), upload_to=redaction_path, max_length=255,
                              blank=True)
    output_sha256 = models.CharField(_("SHA-256"), max_length=64, blank=True)

    class Meta:
        verbose_name = _("区分处理")
        verbose_name_plural = _("区分处理")

    def __str__(self) -> str:
        return str(_("区分处理：%(name)s") % {"name": self.reply_file.original_name})

    def get_absolute_url(self) -> str:
        return reverse("applications:redaction", kwargs={"pk": self.pk})

    @property
    def application(self):
        return self.reply_file.application

    @property
    def agency(self):
        # audit.record() files the entry under the request's agency.
        return self.reply_file.application.agency

    @property
    def is_approved(self) -> bool:
        return self.status == RedactionStatus.APPROVED

    def marker_ids(self) -> set[int]:
        """Who marked or submitted: none of them may approve."""
        ids = set(self.marks.values_list("created_by_id", flat=True))
        ids.add(self.submitted_by_id)
        return ids - {None}

    @property
    def output_name(self) -> str:
        stem = self.reply_file.original_name.rsplit(".", 1)[0]
        return str(_("%(stem)s（区分处理）.pdf") % {"stem": stem})


class MarkKind(models.TextChoices):
    TEXT = "text", _("按文字查找")
    AREA = "area", _("框选区域")


class RedactionMark(models.Model):
    """One area of one page taken out, with its legal ground. Coordinates in PDF points from the
    page's top-left corner (PyMuPDF's convention)."""

    redaction = models.ForeignKey(Redaction, verbose_name=_("区分处理"), on_delete=models.CASCADE,
                                  related_name="marks")
    kind = models.CharField(_("方式"), max_length=10, choices=MarkKind)
    page = models.PositiveIntegerField(_("页码（从0起）"))
    x0 = models.FloatField()
    y0 = models.FloatField()
    x1 = models.FloatField()
    y1 = models.FloatField()
    ground = models.CharField(_("不予公开的理由"), max_length=40, choices=GROUND_CHOICES)
    term = models.CharField(_("查找的文字"), max_length=200, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("标注人"), on_delete=models.SET_NULL,
        null=True, related_name="+",
    )
    created_at = models.DateTimeField(_("标注时间"), auto_now_add=True)

    class Meta:
        verbose_name = _("区分处理标注")
        verbose_name_plural = _("区分处理标注")
        ordering = ["page", "y0", "x0", "id"]
        constraints = [
            models.CheckConstraint(condition=models.Q(x1__gt=models.F("x0"), y1__gt=models.F("y0")),
                                   name="redaction_mark_positive_area"),
        ]

    def __str__(self) -> str:
        return str(_("第%(page)s页 %(kind)s") % {"page": self.page + 1,
                                                "kind": self.get_kind_display()})

    @property
    def rect(self) -> tuple[float, float, float, float]:
        return (self.x0, self.y0, self.x1, self.y1)
