"""The same report computed row by row in Python: the reference the aggregate queries are
checked against (tests, `bench/report_compute.py`), never used by the site.

It reads every record of the agencies (no date filter in SQL) and states each counting rule
a second time, in the most direct form, so that a mistake in a `Q` shows up as a difference:

- documents: issued = issue date in the year; repealed = 废止 with end date in the year;
  in force = issued by 31 Dec and not (废止/失效 with end date by 31 Dec);
- requests: closing date for counting = max(答复日期, 收到日期); new = received in the year;
  carried in = received before 1 Jan and not closed before 1 Jan; closed row = closed in the
  year; carried out = received by 31 Dec and not closed by 31 Dec;
- cases: filed in the year; the result counts if the case closed by 31 Dec, else 尚未审结;
- 第（五）（六）（八）项: decisions dated in the year counted by kind, fee records of the year
  summed per agency in 元 and turned into 万元 (four decimals); an agency's yearly figure for a
  cell counts only when it has no such record for that cell.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from decimal import Decimal

from gongkai.reportformat import template
from gongkai.reportformat.values import Report

from . import rules
from .aggregate import ROLLUP, _models, finish_table3, finish_table4, tidy_amount


def collect_python(
    agency_ids: Iterable[int], year: int, *, by_agency: bool
) -> dict[int | None, Report]:
    ids = sorted(set(agency_ids))
    start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
    keys: list[int | None] = list(ids) if by_agency else [ROLLUP]
    reports = {k: Report.blank(year=year) for k in keys}
    if not ids:
        return reports
    Document, Application, AppealCase, YearlyFigures = _models()

    def report_for(agency_id: int) -> Report:
        return reports[agency_id if by_agency else ROLLUP]

    def bump(report: Report, table: str, row: str, column: str, n: int | Decimal = 1) -> None:
        report.set(table, row, column, report.value(table, row, column) + n)

    docs = Document.objects.filter(agency_id__in=ids).values_list(
        "agency_id", "status", "kind", "validity", "written_on", "published_on",
        "validity_changed_on",
    )
    for agency_id, status, kind, validity, written, published, changed in docs.iterator(5000):
        if status != rules.DOC_PUBLISHED or kind not in rules.DOC_KINDS:
            continue
        issued_on = written or published
        if issued_on is None:
            continue
        ended_on = max(changed or issued_on, issued_on)
        report = report_for(agency_id)
        if start <= issued_on <= end:
            bump(report, template.ITEM_1.code, kind, "issued")
        if validity == rules.DOC_REPEALED and start <= ended_on <= end:
            bump(report, template.ITEM_1.code, kind, "repealed")
        ended_by_year_end = validity in rules.DOC_ENDED and ended_on <= end
        if issued_on <= end and not ended_by_year_end:
            bump(report, template.ITEM_1.code, kind, "in_force")

    apps = Application.objects.filter(agency_id__in=ids).values_list(
        "agency_id", "applicant_type", "outcome", "received_on", "closed_on"
    )
    for agency_id, applicant, outcome, received, closed in apps.iterator(5000):
        if applicant not in rules.APPLICANT_CODES:
            continue
        report = report_for(agency_id)
        closed_eff = max(closed, received) if closed is not None else None
        if start <= received <= end:
            bump(report, template.TABLE3.code, template.ROW_NEW, applicant)
        if received < start and (closed_eff is None or closed_eff >= start):
            bump(report, template.TABLE3.code, template.ROW_CARRIED_IN, applicant)
        if closed_eff is not None and start <= closed_eff <= end:
            row = outcome if outcome in rules.OUTCOME_CODES else "other"
            bump(report, template.TABLE3.code, row, applicant)
        if received <= end and (closed_eff is None or closed_eff > end):
            bump(report, template.TABLE3.code, template.ROW_CARRIED_OUT, applicant)
    for report in reports.values():
        finish_table3(report)

    cases = AppealCase.objects.filter(agency_id__in=ids).values_list(
        "agency_id", "kind", "result", "filed_on", "closed_on"
    )
    for agency_id, kind, result, filed, closed in cases.iterator(5000):
        if kind not in rules.APPEAL_KIND_CODES or not (start <= filed <= end):
            continue
        if closed is None or closed > end:
            column = "pending"
        elif result in rules.APPEAL_RESULT_CODES and result != "pending":
            column = result
        else:
            column = "other"
        bump(report_for(agency_id), template.TABLE4.code, "cases", f"{kind}.{column}")
    for report in reports.values():
        finish_table4(report)

    # 第（五）（六）（八）项: an agency's records of a cell's kind replace its figure for that cell.
    from gongkai.powers.models import Decision, FeeRecord

    from ..models import FIGURE_CELLS

    counted: dict[tuple[int, str], int] = {}
    for agency_id, kind, decided in Decision.objects.filter(agency_id__in=ids).values_list(
            "agency_id", "kind", "decided_on").iterator(5000):
        if start <= decided <= end:
            counted[agency_id, kind] = counted.get((agency_id, kind), 0) + 1
    fees_in_yuan: dict[int, Decimal] = {}
    for agency_id, fee_year, amount in FeeRecord.objects.filter(agency_id__in=ids).values_list(
            "agency_id", "year", "amount").iterator(5000):
        if fee_year == year:
            fees_in_yuan[agency_id] = fees_in_yuan.get(agency_id, Decimal(0)) + amount
    for (agency_id, kind), n in counted.items():
        for name, field_kind in rules.DECISION_FIELDS.items():
            if field_kind == kind:
                bump(report_for(agency_id), *FIGURE_CELLS[name], n)
    for agency_id, total in fees_in_yuan.items():
        wan = (total / 10000).quantize(Decimal("0.0001"))
        bump(report_for(agency_id), *FIGURE_CELLS["fee_amount"], wan)

    figures = YearlyFigures.objects.filter(agency_id__in=ids, year=year).values(
        "agency_id", *FIGURE_CELLS
    )
    for row in figures.iterator(5000):
        agency_id = row["agency_id"]
        report = report_for(agency_id)
        for name, (table, row_code, column) in FIGURE_CELLS.items():
            if name == "fee_amount":
                has_records = agency_id in fees_in_yuan
            else:
                has_records = (agency_id, rules.DECISION_FIELDS[name]) in counted
            if not has_records:
                bump(report, table, row_code, column, row[name])
    for report in reports.values():
        amount = report.value(template.ITEM_8.code, template.ROW_FEES, "amount")
        report.set(template.ITEM_8.code, template.ROW_FEES, "amount", tidy_amount(Decimal(amount)))
    return reports
