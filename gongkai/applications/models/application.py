"""The disclosure request (政府信息公开申请) as the applicant made it and where it stands.

`status` says where in the process a request is, `outcome` how it ended (exactly one row code
of table 三 of the annual report, set only when closing). `due_on` and `wait_until` are stored
for querying; only the service that writes an event recomputes them, from the event log
(`gongkai.applications.deadlines`), and again when a holiday schedule is entered or corrected
(`services.application_deadlines_recompute`). `due_on_provisional` says the stored date is
暂定 (a year without a schedule was assumed). Overdue is derived from `due_on`, never stored.

Applicant identity numbers, phones, e-mail and postal addresses are encrypted at rest
(gongkai.privacy); `applicant_key` is a keyed hash of the identity number so that "the same
applicant in the same month" (fee counting, rate limits) can be found without decrypting.
"""

from __future__ import annotations

import datetime
import secrets

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from gongkai.id_numbers import normalize
from gongkai.privacy import masking
from gongkai.privacy.crypto import blind_index
from gongkai.privacy.fields import EncryptedTextField
from gongkai.privacy.retention import ERASED
from gongkai.reportformat.template import (
    APPLICANT_TYPE_CHOICES,
    OUTCOME_CHOICES,
    OUTCOME_PLAIN,
    WITHDRAWN_PLAIN,
)

# Query codes avoid characters people confuse when reading them out (0/O, 1/I/L, 2/Z, 5/S…).
QUERY_CODE_ALPHABET = "346789ABCDEFGHJKMNPQRTUVWXY"
QUERY_CODE_LENGTH = 12


def applicant_key(id_type: str, id_number: str) -> str:
    """The blind index that recognises the same applicant across requests."""
    return blind_index(f"{id_type}:{normalize(id_number)}", purpose="applicant")


def new_query_code() -> str:
    """12 characters from a 27-letter alphabet: about 57 bits, not guessable."""
    return "".join(secrets.choice(QUERY_CODE_ALPHABET) for _ in range(QUERY_CODE_LENGTH))


class Status(models.TextChoices):
    RECEIVED = "received", _("待分办")
    IN_PROGRESS = "in_progress", _("办理中")
    CORRECTION_REQUESTED = "correction_requested", _("待申请人补正")
    CONSULTING = "consulting", _("征求意见中")
    AWAITING_FEE = "awaiting_fee", _("待缴纳信息处理费")
    CLOSED = "closed", _("已办结")


OPEN_STATUSES = tuple(s for s in Status if s != Status.CLOSED)


class Channel(models.TextChoices):
    """How the request arrived; decides its received date (《条例》第三十一条)."""

    ONLINE = "online", _("网络平台")
    LETTER = "letter", _("信函")
    IN_PERSON = "in_person", _("当面提交")
    FAX = "fax", _("传真")
    EMAIL = "email", _("电子邮件")


class IdType(models.TextChoices):
    RESIDENT_ID = "resident_id", _("居民身份证")
    USCC = "uscc", _("统一社会信用代码")
    PASSPORT = "passport", _("护照")
    HMT_PERMIT = "hmt_permit", _("港澳台居民居住证或通行证")
    OTHER = "other", _("其他有效身份证件")


class InfoForm(models.TextChoices):
    """所需信息的指定提供形式."""

    PAPER = "paper", _("纸质")
    ELECTRONIC = "electronic", _("电子文档")
    DISC = "disc", _("光盘")
    OTHER = "other", _("其他")


class Delivery(models.TextChoices):
    """获取信息的方式."""

    POST = "post", _("邮寄")
    EMAIL = "email", _("电子邮件")
    PICKUP = "pickup", _("自行领取")
    ONLINE = "online", _("在线获取")


def open_condition() -> models.Q:
    return ~models.Q(status=Status.CLOSED)


def overdue_condition(today: datetime.date) -> models.Q:
    """Open and past the reply due date: the one spelling of "overdue" (derived, never stored),
    for filters and for counts in grouped aggregates alike."""
    return open_condition() & models.Q(due_on__lt=today)


def due_soon_condition(today: datetime.date, limit: datetime.date) -> models.Q:
    """Open and due between today and `limit` (both included)."""
    return open_condition() & models.Q(due_on__gte=today, due_on__lte=limit)


class ApplicationQuerySet(models.QuerySet):
    def open(self) -> ApplicationQuerySet:
        return self.filter(open_condition())

    def closed(self) -> ApplicationQuerySet:
        return self.filter(status=Status.CLOSED)

    def overdue(self, today: datetime.date) -> ApplicationQuerySet:
        """Open requests whose reply due date has passed (derived, never stored)."""
        return self.filter(overdue_condition(today))

    def due_soon(self, today: datetime.date, limit: datetime.date) -> ApplicationQuerySet:
        return self.filter(due_soon_condition(today, limit))

    def due_by(self, day: datetime.date) -> ApplicationQuerySet:
        return self.open().filter(due_on__lte=day)

    def received_in(self, year: int) -> ApplicationQuerySet:
        return self.filter(received_on__year=year)

    def with_withdrawn(self) -> ApplicationQuerySet:
        """Annotate `withdrawn` (the applicant withdrew) for `plain_result` in lists."""
        from .event import ApplicationEvent, EventKind

        return self.annotate(withdrawn=models.Exists(ApplicationEvent.objects.filter(
            application=models.OuterRef("pk"), kind=EventKind.WITHDRAWN)))

    def personal_data_expired(self, closed_before: datetime.date) -> ApplicationQuerySet:
        """Closed before `closed_before` and not yet erased (gongkai.privacy.retention)."""
        return self.closed().filter(closed_on__lt=closed_before, personal_data_erased_at__isnull=True)


class Application(models.Model):
    # What `gongkai erase_personal_data` writes over the applicant's details; what the annual
    # report counts (applicant type, dates, outcome, agency, the event log) stays.
    ERASED_PERSONAL_DATA = {
        "applicant_name": ERASED, "id_number": "", "applicant_key": "",
        "legal_representative": "", "contact_person": "", "phone": "", "email": "",
        "address": "", "postal_code": "", "user": None,
    }
    # The reply files are addressed to the applicant, the 补正 material is theirs: erased with
    # the rest (gongkai.privacy).
    PERSONAL_DATA_FILES = ("files", "correction_files")

    agency = models.ForeignKey(
        "agencies.Agency", verbose_name=_("受理机关"), on_delete=models.PROTECT,
        related_name="applications",
    )
    number_year = models.PositiveSmallIntegerField(_("编号年度"), null=True, editable=False)
    number = models.PositiveIntegerField(
        _("编号"), null=True, editable=False,
        help_text=_("本机关当年收到的第几件申请（依申请〔年度〕第N号），连续不重复。"),
    )
    query_code = models.CharField(
        _("查询码"), max_length=16, unique=True, default=new_query_code, editable=False
    )
    channel = models.CharField(_("申请渠道"), max_length=20, choices=Channel, default=Channel.ONLINE)
    status = models.CharField(
        _("办理状态"), max_length=24, choices=Status, default=Status.RECEIVED, db_index=True
    )

    # --- the applicant (《条例》第二十九条) ---
    applicant_type = models.CharField(_("申请人类型"), max_length=20, choices=APPLICANT_TYPE_CHOICES)
    applicant_name = models.CharField(_("申请人姓名或名称"), max_length=100)
    id_type = models.CharField(_("证件类型"), max_length=20, choices=IdType)
    id_number = EncryptedTextField(_("证件号码"))
    applicant_key = models.CharField(_("申请人标识"), max_length=64, db_index=True, editable=False)
    legal_representative = models.CharField(_("法定代表人或负责人"), max_length=50, blank=True)
    contact_person = models.CharField(_("联系人"), max_length=50, blank=True)
    phone = EncryptedTextField(_("联系电话"))
    email = EncryptedTextField(_("电子邮箱"), blank=True)
    address = EncryptedTextField(_("通信地址"), blank=True)
    postal_code = models.CharField(_("邮政编码"), max_length=10, blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("注册申请人"), on_delete=models.SET_NULL,
        null=True, blank=True, related_name="disclosure_applications",
    )

    # --- what is asked for ---
    title = models.CharField(_("所需信息名称"), max_length=200, blank=True)
    document_number = models.CharField(_("文号"), max_length=100, blank=True)
    description = models.TextField(_("所需信息的特征性描述"), blank=True)
    info_form = models.CharField(_("指定提供形式"), max_length=20, choices=InfoForm)
    delivery = models.CharField(_("获取信息方式"), max_length=20, choices=Delivery)

    # --- receipt and clock ---
    submitted_at = models.DateTimeField(_("提交时间"), auto_now_add=True)
    received_on = models.DateField(_("收到申请日期"), db_index=True)
    receipt_basis = models.CharField(_("收到日期的认定"), max_length=200, blank=True)
    registered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("登记人"), on_delete=models.SET_NULL,
        null=True, blank=True, related_name="+",
    )
    handler = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("办理人"), on_delete=models.SET_NULL,
        null=True, blank=True, related_name="handled_applications",
    )
    due_on = models.DateField(_("答复期限"), null=True, blank=True, db_index=True)
    wait_until = models.DateField(_("等待期限"), null=True, blank=True)
    due_on_provisional = models.BooleanField(
        _("答复期限为暂定"), default=False, editable=False,
        help_text=_("期限涉及尚未录入节假日安排的年度，暂按周末和日期固定的法定节假日计算。"),
    )
    provisional_reason = models.CharField(_("暂定的原因"), max_length=200, blank=True,
                                          editable=False)

    # --- the reply ---
    outcome = models.CharField(_("处理结果"), max_length=32, choices=OUTCOME_CHOICES, blank=True)
    closed_on = models.DateField(_("答复日期"), null=True, blank=True)
    reply_text = models.TextField(_("答复内容"), blank=True)
    reminded_on = models.DateField(_("最近提醒日期"), null=True, blank=True, editable=False)
    personal_data_erased_at = models.DateTimeField(
        _("个人信息删除时间"), null=True, blank=True, editable=False,
        help_text=_("保存期限届满后，申请人的姓名、证件号码、联系方式和地址已删除。"),
    )

    objects = ApplicationQuerySet.as_manager()

    class Meta:
        verbose_name = _("政府信息公开申请")
        verbose_name_plural = _("政府信息公开申请")
        ordering = ["-received_on", "-id"]
        indexes = [
            models.Index(fields=["agency", "status", "due_on"], name="applications_queue"),
            models.Index(fields=["applicant_key", "received_on"], name="applications_applicant"),
            # The annual report's table 三 queries (gongkai.reports.compute): one agency's year,
            # and a roll-up grouped without a sort. Created by reports migrations 0002 and 0003;
            # declared here so that Django knows them and a rebuilt table (SQLite) keeps them.
            models.Index(fields=["agency", "received_on", "closed_on", "applicant_type", "outcome"],
                         name="reports_app_year"),
            models.Index(fields=["applicant_type", "outcome", "received_on", "closed_on", "agency"],
                         name="reports_app_group"),
        ]
        constraints = [
            models.UniqueConstraint(fields=["agency", "number_year", "number"],
                                    name="applications_number_unique"),
            models.CheckConstraint(
                name="applications_closed_has_outcome",
                condition=(
                    models.Q(status=Status.CLOSED, closed_on__isnull=False) & ~models.Q(outcome="")
                )
                | (~models.Q(status=Status.CLOSED) & models.Q(outcome="", closed_on__isnull=True)),
            ),
        ]

    def __str__(self) -> str:
        # The number only: str() is what the append-only audit log records and supervisors
        # read, and an applicant's name there would outlive the erasure of personal data.
        return self.reference

    def get_absolute_url(self) -> str:
        return reverse("applications:detail", kwargs={"pk": self.pk})

    @property
    def reference(self) -> str:
        """The number on letters: 依申请〔2026〕第12号, counted per agency and year of receipt
        (`models.numbering`). Rows made outside the intake services (bulk loads) have none."""
        if self.number is None:
            return f"依申请〔{self.received_on:%Y}〕（未编号，记录{self.pk}）"
        return f"依申请〔{self.number_year}〕第{self.number}号"

    @property
    def is_closed(self) -> bool:
        return self.status == Status.CLOSED

    @property
    def is_organisation(self) -> bool:
        return self.applicant_type != "natural"

    @property
    def due_on_label(self) -> str:
        """The stored due date as text, "2027-01-04（暂定）" when it is provisional."""
        if self.due_on is None:
            return ""
        if self.due_on_provisional:
            return _("%(date)s（暂定）") % {"date": self.due_on.isoformat()}
        return self.due_on.isoformat()

    def is_overdue(self, today: datetime.date) -> bool:
        return not self.is_closed and self.due_on is not None and self.due_on < today

    @property
    def plain_result(self) -> str:
        """How the request ended, in plain words for the applicant ("" while open); the
        statutory label of the outcome is a statistics heading, not an answer."""
        if not self.is_closed:
            return ""
        withdrawn = getattr(self, "withdrawn", None)
        if withdrawn is None:
            from .event import EventKind

            withdrawn = self.events.filter(kind=EventKind.WITHDRAWN).exists()
        return gettext(WITHDRAWN_PLAIN if withdrawn else OUTCOME_PLAIN[self.outcome])

    @property
    def subject(self) -> str:
        """A short line naming what was asked for."""
        text = self.title or self.description
        return text if len(text) <= 60 else text[:60] + "…"

    def blind_indexes(self) -> dict[str, str]:
        """Keyed hashes to recompute when the encryption key rotates (gongkai.privacy.rotation);
        none once the personal data is erased."""
        if self.personal_data_erased_at is not None:
            return {}
        return {"applicant_key": applicant_key(self.id_type, self.id_number)}

    # Masked personal data: what lists, exports and everyone but the handler see.
    @property
    def id_number_masked(self) -> str:
        return masking.mask_id_number(self.id_number)

    @property
    def phone_masked(self) -> str:
        return masking.mask_phone(self.phone)

    @property
    def email_masked(self) -> str:
        return masking.mask_email(self.email)

    @property
    def address_masked(self) -> str:
        return masking.mask_address(self.address)
