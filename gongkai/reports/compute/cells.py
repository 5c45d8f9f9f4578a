"""The records behind one number: `cell_filter` returns the queryset a cell counts.

The report page links each number to this list. The conditions are the ones the aggregate
queries count with (`rules`), so the length of the list is the number in the cell.

第（五）（六）（八）项 come from two sources (`rules.records_exist`): `item_sources` says, per cell,
which agencies' numbers are computed from decision and fee records and which are the yearly
figures staff entered; `cell_filter` lists the records when the agencies have any (for a fee,
the fee items whose amounts add up to it), else the yearly-figures records.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db.models import Q, QuerySet

from gongkai.reportformat import template

from . import rules
from .aggregate import _models
from .rules import Period


def _field_of_cell() -> dict[tuple[str, str, str], str]:
    from ..models import FIGURE_CELLS

    return {cell: name for name, cell in FIGURE_CELLS.items()}


def item_records(ids: list[int], p: Period, field: str) -> QuerySet:
    """The decision or fee records of the year that replace yearly figure `field`."""
    from gongkai.powers.models import Decision, FeeRecord

    if field == rules.FEE_FIELD:
        return FeeRecord.objects.filter(agency_id__in=ids, year=p.year)
    return Decision.objects.filter(rules.decided_in(p), agency_id__in=ids,
                                   kind=rules.DECISION_FIELDS[field])


@dataclass
class ItemSource:
    """Where one number of 第（五）（六）（八）项 comes from."""

    records: int = 0  # decision or fee records counted
    record_agencies: list[int] = field(default_factory=list)
    figure_agencies: list[int] = field(default_factory=list)  # with a yearly-figures record

    @property
    def kind(self) -> str:
        """"records", "figures", "mixed" or "none" (zero: neither was entered)."""
        if self.record_agencies and self.figure_agencies:
            return "mixed"
        if self.record_agencies:
            return "records"
        return "figures" if self.figure_agencies else "none"


def item_sources(agency_ids: Iterable[int], year: int) -> dict[str, ItemSource]:
    """Cell key -> `ItemSource` for the four cells of 第（五）（六）（八）项; three queries."""
    from django.db.models import Count

    from gongkai.powers.models import Decision, FeeRecord

    from ..models import FIGURE_CELLS, YearlyFigures

    ids = sorted(set(agency_ids))
    p = Period(year)
    sources = {name: ItemSource() for name in FIGURE_CELLS}
    field_of_kind = {kind: name for name, kind in rules.DECISION_FIELDS.items()}
    for agency_id, kind, n in (Decision.objects.filter(rules.decided_in(p), agency_id__in=ids)
                               .values("agency_id", "kind").annotate(n=Count("id"))
                               .order_by().values_list("agency_id", "kind", "n")):
        if kind in field_of_kind:
            source = sources[field_of_kind[kind]]
            source.records += n
            source.record_agencies.append(agency_id)
    for agency_id, n in (FeeRecord.objects.filter(agency_id__in=ids, year=year)
                         .values("agency_id").annotate(n=Count("id")).order_by()
                         .values_list("agency_id", "n")):
        sources[rules.FEE_FIELD].records += n
        sources[rules.FEE_FIELD].record_agencies.append(agency_id)
    with_figures = set(YearlyFigures.objects.filter(agency_id__in=ids, year=year)
                       .values_list("agency_id", flat=True))
    for source in sources.values():
        source.figure_agencies = sorted(with_figures - set(source.record_agencies))
    return {template.cell_key(*FIGURE_CELLS[name]): source for name, source in sources.items()}


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
        records = item_records(ids, p, _field_of_cell()[table, row, column])
        if records.exists():
            return records
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
