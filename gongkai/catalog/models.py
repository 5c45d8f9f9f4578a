"""Proactive disclosure (主动公开): the 公开目录 categories, documents and their attachments.

A document's kind and validity are what 第二十条第（一）项 of the annual report counts, so the
kinds that table counts take their codes and labels from `gongkai.reportformat.template`.
State changes go through `catalog.services`; nothing here has side effects on save.
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from gongkai.reportformat import template


class Category(models.Model):
    """A column of the standard 公开目录 (created by a data migration, editable in the admin)."""

    name = models.CharField(_("栏目名称"), max_length=100)
    slug = models.SlugField(_("网址标识"), max_length=60, unique=True)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("上级栏目"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
    )
    article_item = models.PositiveSmallIntegerField(
        _("条例第二十条项号"), null=True, blank=True, help_text=_("对应《条例》第二十条的第几项")
    )
    description = models.TextField(_("说明"), blank=True)
    sort_order = models.PositiveIntegerField(_("排序"), default=0)
    is_active = models.BooleanField(_("启用"), default=True)

    class Meta:
        verbose_name = _("公开目录栏目")
        verbose_name_plural = _("公开目录栏目")
        ordering = ["sort_order", "id"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("catalog:category", kwargs={"slug": self.slug})


class Topic(models.TextChoices):
    """主题分类: the State Council's subject classification of government documents."""

    GENERAL = "general", _("综合政务")
    ECONOMY = "economy", _("国民经济管理、国有资产监管")
    FINANCE = "finance", _("财政、金融、审计")
    LAND = "land", _("国土资源、能源")
    AGRICULTURE = "agriculture", _("农业、林业、水利")
    INDUSTRY = "industry", _("工业、交通")
    COMMERCE = "commerce", _("商贸、海关、旅游")
    MARKET = "market", _("市场监管、安全生产监管")
    URBAN = "urban", _("城乡建设、环境保护")
    SCIENCE = "science", _("科技、教育")
    CULTURE = "culture", _("文化、广电、新闻出版")
    HEALTH = "health", _("卫生、体育")
    POPULATION = "population", _("人口与计划生育、妇女儿童工作")
    LABOUR = "labour", _("劳动、人事、监察")
    JUSTICE = "justice", _("公安、安全、司法")
    CIVIL = "civil", _("民政、扶贫、救灾")
    ETHNIC = "ethnic", _("民族、宗教")
    FOREIGN = "foreign", _("对外事务")
    HMT = "hmt", _("港澳台侨工作")
    DEFENCE = "defence", _("国防")
    OTHER = "other", _("其他")


class Kind(models.TextChoices):
    """文件类型. 规章 and 行政规范性文件 are the rows of 第二十条第（一）项."""

    RULE = template.ROW_RULE, template.ITEM_1.row(template.ROW_RULE).label
    NORMATIVE = template.ROW_NORMATIVE, template.ITEM_1.row(template.ROW_NORMATIVE).label
    OTHER = "other", _("其他文件")
    INTERPRETATION = "interpretation", _("政策解读")
    PLAN = "plan", _("规划计划")
    NOTICE = "notice", _("通知公告")
    WORK = "work", _("工作动态")
    RESPONSE = "response", _("回应关切")
    REPORT = "report", _("工作报告")


class Validity(models.TextChoices):
    VALID = "valid", _("有效")
    EXPIRED = "expired", _("失效")
    REPEALED = "repealed", _("废止")


class Status(models.TextChoices):
    DRAFT = "draft", _("草稿")
    PENDING = "pending", _("待审核")
    RETURNED = "returned", _("已退回")
    PUBLISHED = "published", _("已发布")
    WITHDRAWN = "withdrawn", _("已撤回")


class DocumentQuerySet(models.QuerySet):
    def published(self) -> DocumentQuerySet:
        return self.filter(status=Status.PUBLISHED)

    def in_agencies(self, agencies) -> DocumentQuerySet:
        return self.filter(agency__in=agencies)


class Document(models.Model):
    agency = models.ForeignKey(
        "agencies.Agency", verbose_name=_("发布机构"), on_delete=models.PROTECT,
        related_name="documents",
    )
    index_no = models.CharField(
        _("索引号"), max_length=40, blank=True, editable=False,
        help_text=_("发布时按“机构代码/年份-五位流水号”生成，生成后不再改变。"),
    )
    title = models.CharField(_("标题"), max_length=300)
    doc_number = models.CharField(_("文号"), max_length=100, blank=True)
    issuer = models.CharField(
        _("发文机关"), max_length=200, blank=True, help_text=_("留空时为发布机构名称")
    )
    written_on = models.DateField(_("成文日期"), null=True, blank=True)
    published_on = models.DateField(_("发布日期"), null=True, blank=True, db_index=True)
    effective_on = models.DateField(_("实施日期"), null=True, blank=True)
    category = models.ForeignKey(
        Category, verbose_name=_("公开目录"), on_delete=models.PROTECT, related_name="documents"
    )
    topic = models.CharField(_("主题分类"), max_length=20, choices=Topic, default=Topic.GENERAL)
    kind = models.CharField(_("文件类型"), max_length=20, choices=Kind, default=Kind.OTHER)
    validity = models.CharField(_("有效性"), max_length=10, choices=Validity, default=Validity.VALID)
    validity_changed_on = models.DateField(_("有效性变更日期"), null=True, blank=True)
    summary = models.TextField(_("内容概述"), blank=True)
    keywords = models.CharField(_("主题词"), max_length=200, blank=True)
    body = models.TextField(_("正文"), blank=True, help_text=_("保存前经过 HTML 清洗"))
    interprets = models.ForeignKey(
        "self", verbose_name=_("解读的政策"), on_delete=models.SET_NULL, null=True, blank=True,
        related_name="interpretations",
    )
    status = models.CharField(_("状态"), max_length=12, choices=Status, default=Status.DRAFT)
    review_note = models.TextField(_("审核意见"), blank=True)

    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("起草人"), on_delete=models.PROTECT,
        related_name="+", null=True, blank=True,
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("提交人"), on_delete=models.PROTECT,
        related_name="+", null=True, blank=True,
    )
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("审核人"), on_delete=models.PROTECT,
        related_name="+", null=True, blank=True,
    )
    created_at = models.DateTimeField(_("创建时间"), auto_now_add=True)
    updated_at = models.DateTimeField(_("更新时间"), auto_now=True)
    published_at = models.DateTimeField(_("发布时间"), null=True, blank=True)

    objects = DocumentQuerySet.as_manager()

    class Meta:
        verbose_name = _("公开信息")
        verbose_name_plural = _("公开信息")
        ordering = ["-published_on", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["index_no"], condition=~Q(index_no=""), name="catalog_document_index_no_unique"
            ),
        ]
        # Every list is newest first (published_on, id): each filter has an index ending in that
        # order, so that SQLite and PostgreSQL can stop after a page instead of sorting.
        indexes = [
            models.Index(fields=["status", "-published_on", "-id"], name="catalog_doc_pub"),
            models.Index(fields=["category", "status", "-published_on", "-id"], name="catalog_doc_cat_pub"),
            models.Index(fields=["agency", "status", "-published_on", "-id"], name="catalog_doc_agency_pub"),
            models.Index(fields=["kind", "status", "-published_on", "-id"], name="catalog_doc_kind_pub"),
            models.Index(fields=["topic", "status", "-published_on", "-id"], name="catalog_doc_topic_pub"),
            models.Index(fields=["agency", "kind", "validity"], name="catalog_doc_kind"),
            # The annual report's 第二十条第（一）项 query (gongkai.reports.compute) reads only this
            # index. Created by reports migration 0002; declared here, on the table's own model,
            # so that Django knows it and a rebuilt table (SQLite) keeps it.
            models.Index(fields=["status", "kind", "agency", "written_on", "published_on", "validity",
                                 "validity_changed_on"], name="reports_doc_item1"),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("catalog:document", kwargs={"pk": self.pk})

    def get_staff_url(self) -> str:
        return reverse("catalog:staff_document", kwargs={"pk": self.pk})

    def clean(self) -> None:
        errors: dict[str, ValidationError] = {}
        if self.validity != Validity.VALID and not self.validity_changed_on:
            errors["validity_changed_on"] = ValidationError(
                _("文件失效或废止时须填写有效性变更日期。"), code="validity_date_required"
            )
        if self.written_on and self.published_on and self.written_on > self.published_on:
            errors["published_on"] = ValidationError(
                _("发布日期不能早于成文日期。"), code="dates_order"
            )
        if self.interprets_id:
            if self.kind != Kind.INTERPRETATION:
                errors["interprets"] = ValidationError(
                    _("只有“政策解读”类信息可以关联被解读的政策。"), code="not_interpretation"
                )
            elif self.pk and self.interprets_id == self.pk:
                errors["interprets"] = ValidationError(
                    _("政策解读不能解读它自己。"), code="interprets_itself"
                )
        if errors:
            raise ValidationError(errors)

    @property
    def issuer_name(self) -> str:
        return self.issuer or self.agency.name

    @property
    def is_published(self) -> bool:
        return self.status == Status.PUBLISHED


class IndexSequence(models.Model):
    """The last 索引号 serial issued per agency and year; rows are locked while issuing."""

    agency = models.ForeignKey("agencies.Agency", on_delete=models.CASCADE, related_name="+")
    year = models.PositiveIntegerField()
    last_value = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("索引号流水")
        verbose_name_plural = _("索引号流水")
        constraints = [
            models.UniqueConstraint(fields=["agency", "year"], name="catalog_indexseq_unique")
        ]

    def __str__(self) -> str:
        return f"{self.agency_id}/{self.year}: {self.last_value}"


def attachment_path(instance: Attachment, filename: str) -> str:
    # The stored name never uses the uploaded name (which may hold path separators).
    return f"attachments/{instance.document.agency_id}/{instance.sha256[:2]}/{instance.sha256}"


class Attachment(models.Model):
    class FileKind(models.TextChoices):
        PDF = "pdf", "PDF"
        DOCX = "docx", "Word (DOCX)"
        XLSX = "xlsx", "Excel (XLSX)"
        PNG = "png", "PNG"
        JPEG = "jpeg", "JPEG"
        GIF = "gif", "GIF"
        OFD = "ofd", "OFD"

    document = models.ForeignKey(
        Document, verbose_name=_("所属信息"), on_delete=models.CASCADE, related_name="attachments"
    )
    file = models.FileField(_("文件"), upload_to=attachment_path, max_length=255)
    original_name = models.CharField(_("文件名"), max_length=200)
    file_kind = models.CharField(_("文件类型"), max_length=10, choices=FileKind)
    size = models.PositiveBigIntegerField(_("大小（字节）"))
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    sort_order = models.PositiveIntegerField(_("排序"), default=0)
    uploaded_at = models.DateTimeField(_("上传时间"), auto_now_add=True)

    class Meta:
        verbose_name = _("附件")
        verbose_name_plural = _("附件")
        ordering = ["sort_order", "id"]

    def __str__(self) -> str:
        return self.original_name

    def get_absolute_url(self) -> str:
        return reverse("catalog:attachment", kwargs={"pk": self.pk})
