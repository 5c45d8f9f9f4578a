"""The search index's own rows: one `SearchEntry` per published document.

An entry keeps the normalised text that was indexed (title, 文号, body as plain text). It is
what results are verified against (exact substring semantics), and what the SQLite backend
needs to take a document out of its contentless FTS5 table again. Vendor-specific parts live
outside the ORM and are created by migrations on their vendor only: the FTS5 tables on SQLite
(0003, 0006), the grams table with GIN indexes on PostgreSQL (0005). Written only by
`gongkai.search.backends`.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class SearchEntry(models.Model):
    # Not a foreign key: the entry is removed by the post_delete receiver of the document, after
    # the document row is gone, and needs its own text to do so.
    document_id = models.BigIntegerField(_("公开信息编号"), primary_key=True)
    sort_key = models.BigIntegerField(
        _("排序键"), unique=True, help_text=_("发布日期（序数）× 10¹⁰ + 编号：新发布的在前")
    )
    title = models.TextField(_("标题（规范化）"), blank=True)
    doc_number = models.TextField(_("文号（规范化）"), blank=True)
    body = models.TextField(_("正文文本（规范化）"), blank=True)

    class Meta:
        verbose_name = _("检索索引条目")
        verbose_name_plural = _("检索索引条目")

    def __str__(self) -> str:
        return f"{self.document_id}: {self.title[:30]}"
