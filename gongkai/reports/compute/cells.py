"""The records behind one number: `cell_filter` returns the queryset a cell counts.

The report page links each number to this list. The conditions are the ones the aggregate
queries count with (`rules`), so the length of the list is the number in the cell (for the
figures of 第（五）（六）（八）项 the list is the yearly-figures records the number is read from).
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db.models import Q, QuerySet

from gongkai.reportformat import template

from . import rules
from .aggregate import _models
from .rules import Period


class UnknownCell(LookupError):
    """The table, row or column is not a cell of the format."""


def cell_filter(
    agency_ids: Iterable[int], year: int, table: str, row: str, column: str
) -> QuerySet:
    """The records counted in cell (`table`, `row`, `column`) of the agencies' report for `year`.

    Raises `UnknownCell` for a cell the format does not have.
    """
    if template.cell_key(table, row, column) not in template.ALL_CELL_KEYS:
        raise UnknownCell(template.cell_key(table, row, column))
    ids = sorted(set(agency_ids))
    p = Period(year)
    Document, Application, AppealCase, YearlyFigures = _models()

    if table == template.ITEM_1.code:
        qs = rules.annotate_documents(Document.objects.filter(agency_id__in=ids))
        return qs.filter(rules.documents_counted(), kind=row).filter(rules.DOC_COLUMNS[column](p))

    if table in (template.ITEM_5.code, template.ITEM_6.code, template.ITEM_8.code):
        return YearlyFigures.objects.filter(agency_id__in=ids, year=year)

    if table == template.TABLE3.code:
        qs = Application.objects.filter(agency_id__in=ids)
        if column == template.TOTAL:
            qs = qs.filter(applicant_type__in=rules.APPLICANT_CODES)
        else:
            qs = qs.filter(applicant_type=column)
        return qs.filter(_table3_row(p, row))

    # 表四: column is "<kind>.<result>" or "<kind>.total".
    kind, result = column.split(".")
    qs = AppealCase.objects.filter(agency_id__in=ids, kind=kind).filter(rules.case_filed(p))
    if result == template.TOTAL:
        return qs
    if result == "other":
        # 其他结果 also holds closed cases whose stored result the format does not know.
        known = [r for r in rules.APPEAL_RESULT_CODES if r not in ("other", "pending")]
        return qs.filter(~rules.case_pending_at_end(p)).exclude(result__in=known)
    return qs.filter(rules.case_result_at_end(p, result))


def _table3_row(p: Period, row: str) -> Q:
    if row == template.ROW_NEW:
        return rules.app_new(p)
    if row == template.ROW_CARRIED_IN:
        return rules.app_carried_in(p)
    if row == template.ROW_CARRIED_OUT:
        return rules.app_carried_out(p)
    if row == template.ROW_RESULTS_TOTAL:
        return rules.app_closed(p)
    if row == "other":
        known = [o for o in rules.OUTCOME_CODES if o != "other"]
        return rules.app_closed(p) & ~Q(outcome__in=known)
    return rules.app_closed(p) & Q(outcome=row)
