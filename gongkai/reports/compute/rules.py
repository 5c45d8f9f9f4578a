"""The counting rules as database conditions (`Q`), shared by the aggregate queries and by
`cell_filter`, so that the number in a cell and the list of records behind it cannot disagree.

The rules themselves are stated in words in the package docstring (`gongkai.reports.compute`)
and in README.md; `reference.py` states them a second time as plain Python over rows.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import DateField, F, Q, QuerySet
from django.db.models.functions import Coalesce, Greatest

from gongkai.reportformat import template

# --- the year -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Period:
    """A report year, 1 January to 31 December inclusive."""

    year: int

    @property
    def start(self) -> dt.date:
        return dt.date(self.year, 1, 1)

    @property
    def end(self) -> dt.date:
        return dt.date(self.year, 12, 31)


# --- 第二十条第（一）项: documents ----------------------------------------------------------------

DOC_KINDS: tuple[str, ...] = tuple(r.code for r in template.ITEM_1.rows)  # catalog Kind codes
DOC_PUBLISHED = "published"  # catalog.Status.PUBLISHED
DOC_REPEALED = "repealed"  # catalog.Validity.REPEALED (废止)
DOC_ENDED = ("repealed", "expired")  # 废止, 失效

# Annotation names used by the document conditions below.
ISSUED_ON = "report_issued_on"
ENDED_ON = "report_ended_on"


def annotate_documents(qs: QuerySet) -> QuerySet:
    """Add the two dates the rules read: the issue date and the end-of-validity date.

    issue date = 成文日期, or 发布日期 where no 成文日期 is recorded.
    end date = 有效性变更日期, or the issue date where none is recorded; never before the issue
    date (a change dated before the document was issued is counted on the issue date).
    """
    issued = Coalesce(F("written_on"), F("published_on"), output_field=DateField())
    return qs.annotate(**{ISSUED_ON: issued}).annotate(
        **{
            ENDED_ON: Greatest(
                Coalesce(F("validity_changed_on"), F(ISSUED_ON), output_field=DateField()),
                F(ISSUED_ON),
                output_field=DateField(),
            )
        }
    )


def documents_counted() -> Q:
    """Only published 规章 and 行政规范性文件 count."""
    return Q(status=DOC_PUBLISHED, kind__in=DOC_KINDS)


def doc_issued(p: Period) -> Q:
    return Q(**{f"{ISSUED_ON}__gte": p.start, f"{ISSUED_ON}__lte": p.end})


def doc_repealed(p: Period) -> Q:
    return Q(validity=DOC_REPEALED, **{f"{ENDED_ON}__gte": p.start, f"{ENDED_ON}__lte": p.end})


def doc_in_force(p: Period) -> Q:
    ended = Q(validity__in=DOC_ENDED, **{f"{ENDED_ON}__lte": p.end})
    return Q(**{f"{ISSUED_ON}__lte": p.end}) & ~ended


DOC_COLUMNS = {"issued": doc_issued, "repealed": doc_repealed, "in_force": doc_in_force}


# --- 表三: requests ---------------------------------------------------------------------------
#
# A request's closing date for counting is max(答复日期, 收到日期): the two differ only for
# inconsistent data, and taking the later one keeps 一 + 二 = 三（七）+ 四 exact whatever the data.


def app_new(p: Period) -> Q:
    return Q(received_on__gte=p.start, received_on__lte=p.end)


def app_carried_in(p: Period) -> Q:
    return Q(received_on__lt=p.start) & (Q(closed_on__isnull=True) | Q(closed_on__gte=p.start))


def app_closed(p: Period) -> Q:
    return (
        Q(closed_on__isnull=False, received_on__lte=p.end, closed_on__lte=p.end)
        & (Q(closed_on__gte=p.start) | Q(received_on__gte=p.start))
    )


def app_carried_out(p: Period) -> Q:
    return Q(received_on__lte=p.end) & (Q(closed_on__isnull=True) | Q(closed_on__gt=p.end))


APPLICANT_CODES: tuple[str, ...] = tuple(c.code for c in template.APPLICANT_TYPES)
OUTCOME_CODES: tuple[str, ...] = template.OUTCOME_CODES


# --- 表四: appeal cases -----------------------------------------------------------------------


def case_filed(p: Period) -> Q:
    return Q(filed_on__gte=p.start, filed_on__lte=p.end)


def case_pending_at_end(p: Period) -> Q:
    """Not closed by 31 December: counted as 尚未审结 whatever the later result."""
    return Q(closed_on__isnull=True) | Q(closed_on__gt=p.end)


def case_result_at_end(p: Period, result: str) -> Q:
    if result == "pending":
        return case_pending_at_end(p)
    return Q(result=result, closed_on__isnull=False, closed_on__lte=p.end)


APPEAL_KIND_CODES: tuple[str, ...] = tuple(c.code for c in template.APPEAL_KINDS)
APPEAL_RESULT_CODES: tuple[str, ...] = tuple(c.code for c in template.APPEAL_RESULTS)


# --- 第二十条第（五）（六）（八）项: decision and fee records, else the yearly figures ----------
#
# Per agency and per cell: when the agency has at least one record of the cell's kind for the
# year (a decision of that kind dated in the year; a fee record of that year), the cell is
# computed from its records and its yearly figure for that cell is not used; otherwise the
# cell is the yearly figure (zero when none was entered).

FEE_FIELD = "fee_amount"
# yearly-figures field -> the decision kind that replaces it (`powers.DecisionKind` values)
DECISION_FIELDS: dict[str, str] = {
    "licensing_decisions": "licensing",
    "penalty_decisions": "penalty",
    "coercion_decisions": "coercion",
}
YUAN_PER_WAN = 10000


def decided_in(p: Period) -> Q:
    return Q(decided_on__gte=p.start, decided_on__lte=p.end)


def records_exist(field: str, p: Period, agency_ref) -> Q:
    """The agency (`agency_ref`, a value or an OuterRef) has records replacing `field`."""
    from django.db.models import Exists

    from gongkai.powers.models import Decision, FeeRecord

    if field == FEE_FIELD:
        return Q(Exists(FeeRecord.objects.filter(agency_id=agency_ref, year=p.year)))
    return Q(Exists(Decision.objects.filter(decided_in(p), agency_id=agency_ref,
                                            kind=DECISION_FIELDS[field])))
