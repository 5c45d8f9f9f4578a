"""Reading the work log: counts per kind for a year, and the sentence of section 一 they make."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from .models import OVERVIEW_PHRASES, ActivityKind, WorkActivity


@dataclass(frozen=True)
class KindCount:
    kind: str
    label: str
    count: int
    url: str  # the staff list of the records behind the count

    @property
    def phrase(self) -> str:
        verb, unit = OVERVIEW_PHRASES[self.kind]
        return f"{verb}{self.count}{unit}"


def activity_counts(*, agency, year: int) -> list[KindCount]:
    """The kinds recorded for `agency` in `year`, in the template's order, with their counts."""
    rows = dict(
        WorkActivity.objects.filter(agency=agency).in_year(year)
        .values_list("kind").annotate(n=Count("id")).order_by()
    )
    base = reverse("worklog:list")
    return [
        KindCount(kind, str(label), rows[kind],
                  f"{base}?{urlencode({'agency': agency.pk, 'year': year, 'kind': kind})}")
        for kind, label in ActivityKind.choices if rows.get(kind)
    ]


def overview_sentence(*, agency, year: int) -> str:
    """"2025年，本机关共召开政务公开学习会议3次、开展政务公开业务培训2次。" or "" when nothing
    was recorded: the draft of section 一 starts from it, and staff write the rest."""
    counts = activity_counts(agency=agency, year=year)
    if not counts:
        return ""
    return _("%(year)s年，%(agency)s全年%(phrases)s。") % {
        "year": year, "agency": agency.name, "phrases": "、".join(c.phrase for c in counts),
    }
