"""The disclosure log (答复公开): a closed request an agency publishes for everyone, without the
applicant's identity.

Nothing of the request is shown as it stands: staff write the public wording of the question
and of the reply (`question`, `reply`), and choose the files, which are served as disclosed
(an approved redaction's PDF, never an original under 区分处理). The outcome is the request's.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from .application import Application
from .reply_file import ReplyFile


def applicant_identity(application: Application) -> list[str]:
    """The applicant's identity as it may be typed into a public text: name, identity number,
    phone, e-mail, address, representative, contact person and the tracking code (values of
    fewer than two characters are left out: they would match everywhere)."""
    values = [application.applicant_name, application.id_number, application.phone,
              application.email, application.address, application.legal_representative,
              application.contact_person, application.query_code]
    return [v.strip() for v in values if v and len(v.strip()) >= 2]


PUBLIC_MASK = "＊＊＊"


def mask_identity(text: str, application: Application) -> str:
    """`text` with every piece of the applicant's identity replaced by ＊＊＊ (longest first, so
    that an address is masked whole before a shorter value inside it)."""
    for value in sorted(applicant_identity(application), key=len, reverse=True):
        text = text.replace(value, PUBLIC_MASK)
    return text


class PublishedRequestQuerySet(models.QuerySet):
    def public(self):
        return self.filter(application__agency__is_active=True)


class PublishedRequest(models.Model):
    application = models.OneToOneField(
        Application, verbose_name=_("申请"), on_delete=models.CASCADE, related_name="publication"
    )
    question = models.CharField(
        _("公开的申请内容"), max_length=300,
        help_text=_("写明申请了什么信息，不要写申请人的姓名、证件号码、联系方式或地址。"))
    reply = models.TextField(
        _("公开的答复内容"), blank=True,
        help_text=_("答复要点；同样不得含有申请人或第三方的个人信息。"))
    files = models.ManyToManyField(ReplyFile, verbose_name=_("公开的答复附件"), blank=True,
                                   related_name="+")
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("发布人"), on_delete=models.SET_NULL,
        null=True, related_name="+",
    )
    published_at = models.DateTimeField(_("发布时间"), auto_now_add=True, db_index=True)

    objects = PublishedRequestQuerySet.as_manager()

    class Meta:
        verbose_name = _("公开的申请答复")
        verbose_name_plural = _("公开的申请答复")
        ordering = ["-published_at", "-id"]

    def __str__(self) -> str:
        return self.question

    def get_absolute_url(self) -> str:
        return reverse("applications:published_detail", kwargs={"pk": self.pk})

    @property
    def agency(self):
        return self.application.agency
