"""The number on a request's letters, 依申请〔2026〕第12号: per agency and year of receipt, from 1,
without gaps. `RequestNumberSequence` holds the last number issued; `number_issue()` draws the
next under a row lock (the shape of the catalog's 索引号 sequence), inside the transaction that
creates the request, so a failed submission gives its number back and two submissions at the
same moment never share one (a unique constraint on the request backs this up).
"""

from __future__ import annotations

import re

from django.db import models
from django.utils.translation import gettext_lazy as _

# 依申请〔2026〕第12号, as typed: brackets 〔〕, [] or ()/（）, spaces and 第/号 optional.
_REFERENCE = re.compile(r"[〔\[(（]\s*(\d{4})\s*[〕\])）]\s*第?\s*(\d+)\s*号?\s*$")


class RequestNumberSequence(models.Model):
    """The last request number issued per agency and year; rows are locked while issuing."""

    agency = models.ForeignKey("agencies.Agency", on_delete=models.CASCADE, related_name="+")
    year = models.PositiveSmallIntegerField(_("年度"))
    last_value = models.PositiveIntegerField(_("最后编号"), default=0)

    class Meta:
        verbose_name = _("申请编号流水")
        verbose_name_plural = _("申请编号流水")
        constraints = [
            models.UniqueConstraint(fields=["agency", "year"], name="applications_numberseq_unique")
        ]

    def __str__(self) -> str:
        return f"{self.agency_id}/{self.year}: {self.last_value}"


def parse_reference(text: str) -> tuple[int, int] | None:
    """(year, number) of a reference such as "依申请〔2026〕第12号", or None."""
    match = _REFERENCE.search((text or "").strip())
    return (int(match.group(1)), int(match.group(2))) if match else None


def number_issue(*, agency_id: int, year: int) -> int:
    """The next number of `agency_id` for `year`. Call inside the transaction that saves the
    request: the sequence row stays locked until it commits."""
    RequestNumberSequence.objects.bulk_create(
        [RequestNumberSequence(agency_id=agency_id, year=year, last_value=0)],
        ignore_conflicts=True,
    )
    sequence = RequestNumberSequence.objects.select_for_update().get(agency_id=agency_id, year=year)
    sequence.last_value += 1
    sequence.save(update_fields=["last_value"])
    return sequence.last_value
