"""The applicant's side of a request's thread: 补正 material uploaded online, and the record of
the due/overdue notices e-mailed to the applicant (so that none is sent twice).

`CorrectionFile` rows are written only by `services.application_submit_correction` (the files
are checked by content, as every upload is); they are addressed to the agency and seen by its
staff and by whoever follows the request, never published. `ApplicantNotice` is written only by
`services.applicant_reminders_send`: one row per request, kind of notice and due date (a unique
constraint), so a rerun of the daily command sends nothing new, while a due date moved by an
extension or a 补正 earns a fresh notice.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from .application import Application
from .event import ApplicationEvent


def correction_file_path(instance: CorrectionFile, filename: str) -> str:
    # Content-addressed, no user-supplied name on disk (as reply files).
    return f"corrections/{instance.application.agency_id}/{instance.sha256[:2]}/{instance.sha256}"


class CorrectionFile(models.Model):
    application = models.ForeignKey(
        Application, verbose_name=_("申请"), on_delete=models.CASCADE,
        related_name="correction_files",
    )
    event = models.ForeignKey(
        ApplicationEvent, verbose_name=_("办理记录"), on_delete=models.PROTECT,
        related_name="correction_files",
    )
    file = models.FileField(_("文件"), upload_to=correction_file_path, max_length=255)
    original_name = models.CharField(_("文件名"), max_length=200)
    content_type = models.CharField(_("文件类型"), max_length=100)
    size = models.PositiveBigIntegerField(_("大小（字节）"))
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    uploaded_at = models.DateTimeField(_("上传时间"), auto_now_add=True)

    class Meta:
        verbose_name = _("补正材料")
        verbose_name_plural = _("补正材料")
        ordering = ["uploaded_at", "id"]

    def __str__(self) -> str:
        return self.original_name


class NoticeKind(models.TextChoices):
    DUE_SOON = "due_soon", _("答复期限即将届满")
    OVERDUE = "overdue", _("答复期限已过")


class ApplicantNotice(models.Model):
    application = models.ForeignKey(
        Application, verbose_name=_("申请"), on_delete=models.CASCADE,
        related_name="applicant_notices",
    )
    kind = models.CharField(_("提醒类型"), max_length=16, choices=NoticeKind)
    due_on = models.DateField(_("答复期限"))
    sent_on = models.DateField(_("发送日期"))

    class Meta:
        verbose_name = _("申请人期限提醒")
        verbose_name_plural = _("申请人期限提醒")
        ordering = ["sent_on", "id"]
        constraints = [
            models.UniqueConstraint(fields=["application", "kind", "due_on"],
                                    name="applications_notice_once_per_due_date"),
        ]

    def __str__(self) -> str:
        return f"{self.application} {self.get_kind_display()} {self.due_on}"
