"""The report computed by aggregate queries: seven grouped queries per call, whatever the size.

One query per source (documents, requests received in the year, requests carried in, appeal
cases, decisions, fees, yearly figures), each filtered to the agencies and the year, grouped by agency (or not
at all, for a roll-up) and by the columns the table splits on, with one conditional COUNT per
table column. Only the groups come back to
Python (a few hundred rows at most), never the records.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

from django.db.models import Count, Q, Sum

from gongkai.reportformat import template
from gongkai.reportformat.values import Report

from . import rules
from .rules import Period

ROLLUP = None  # key of the single group of a roll-up


def _models():
    # Imported late: the reports engine must stay importable without the Django apps.
    from gongkai.appeals.models import AppealCase
    from gongkai.applications.models import Application
    from gongkai.catalog.models import Document

    from ..models import YearlyFigures

    return Document, Application, AppealCase, YearlyFigures


def _key(row: dict, by_agency: bool):
    return row["agency_id"] if by_agency else ROLLUP


def collect(agency_ids: Iterable[int], year: int, *, by_agency: bool) -> dict[int | None, Report]:
    """Blank-layout reports filled by the grouped queries, keyed by agency id (or `ROLLUP`).

    With `by_agency` every requested agency gets a report, zeros where it has no records.
    Labels (agency name, level, title) are set by the caller.
    """
    ids = sorted(set(agency_ids))
    p = Period(year)
    keys: list[int | None] = list(ids) if by_agency else [ROLLUP]
    reports = {k: Report.blank(year=year) for k in keys}
    if not ids:
        return reports
    Document, Application, AppealCase, YearlyFigures = _models()
    group = ["agency_id"] if by_agency else []

    # 第二十条第（一）项
    docs = (
        rules.annotate_documents(Document.objects.filter(agency_id__in=ids))
        .filter(rules.documents_counted())
        .values(*group, "kind")
        .annotate(
            **{name: Count("kind", filter=cond(p)) for name, cond in rules.DOC_COLUMNS.items()}
        )
        .order_by()
    )
    for row in docs:
        report = reports[_key(row, by_agency)]
        for column in rules.DOC_COLUMNS:
            report.set(template.ITEM_1.code, row["kind"], column, row[column])

    # Counts name a NOT NULL column of the covering index, not the primary key: PostgreSQL
    # can then answer from the index alone (an index-only scan), without reading the rows.
    #
    # 表三, in two queries: the requests received in the year (one index range) and the ones
    # carried in from earlier years. One query with an OR of both costs more than the two: the
    # database then evaluates the OR on every earlier request and sorts both sets together.
    # Within either set a request closed (答复日期) by 31 December is closed in the year (the
    # set's condition puts its counting date on or after 1 January, see rules.app_closed), and
    # every other one is carried out, so one conditional count per group is enough.
    # The carried-in query is always grouped by agency too: the extra groups are few, and
    # they keep SQLite on the agency-first index (reports_app_year), whose range "received
    # before 1 January" is read once per agency, instead of a skip-scan of the whole history.
    closed_by_year_end = Count("closed_on", filter=Q(closed_on__lte=p.end))
    for first_row, condition, grouping in (
        (template.ROW_NEW, rules.app_new(p), group),
        (template.ROW_CARRIED_IN, rules.app_carried_in(p), ["agency_id"]),
    ):
        apps = (
            Application.objects.filter(agency_id__in=ids)
            .filter(condition)
            .values(*grouping, "applicant_type", "outcome")
            .annotate(n=Count("received_on"), closed=closed_by_year_end)
            .order_by()
        )
        for row in apps:
            if row["applicant_type"] not in rules.APPLICANT_CODES:
                continue
            report = reports[_key(row, by_agency)]
            column = row["applicant_type"]
            _add(report, first_row, column, row["n"])
            _add(report, template.ROW_CARRIED_OUT, column, row["n"] - row["closed"])
            if row["closed"]:
                _add(report, _outcome_row(row["outcome"]), column, row["closed"])
    for report in reports.values():
        finish_table3(report)

    # 表四
    cases = (
        AppealCase.objects.filter(agency_id__in=ids)
        .filter(rules.case_filed(p))
        .values(*group, "kind", "result")
        .annotate(
            pending=Count("filed_on", filter=rules.case_pending_at_end(p)),
            closed=Count("filed_on", filter=~rules.case_pending_at_end(p)),
        )
        .order_by()
    )
    for row in cases:
        if row["kind"] not in rules.APPEAL_KIND_CODES:
            continue
        report = reports[_key(row, by_agency)]
        _add4(report, row["kind"], "pending", row["pending"])
        if row["closed"]:
            _add4(report, row["kind"], _final_result(row["result"]), row["closed"])
    for report in reports.values():
        finish_table4(report)

    # 第二十条第（五）（六）（八）项: the decision and fee records, and the yearly figures of
    # the cells an agency has no records for (rules.records_exist, inside the query).
    collect_items(reports, ids, p, by_agency)
    return reports


def collect_items(reports: dict, ids: list[int], p: Period, by_agency: bool) -> None:
    """第（五）（六）（八）项 in three queries: decisions counted by kind, fees summed per agency
    (每个机关的金额先折成万元再相加, as `sum_reports` adds them), and the yearly figures of the
    cells without records."""
    from django.db.models import OuterRef

    from gongkai.powers.models import Decision, FeeRecord

    from ..models import FIGURE_CELLS, YearlyFigures

    group = ["agency_id"] if by_agency else []
    decisions = (Decision.objects.filter(agency_id__in=ids).filter(rules.decided_in(p))
                 .values(*group, "kind").annotate(n=Count("decided_on")).order_by())
    cell_of_kind = {kind: FIGURE_CELLS[name] for name, kind in rules.DECISION_FIELDS.items()}
    for row in decisions:
        if row["kind"] in cell_of_kind:
            table, row_code, column = cell_of_kind[row["kind"]]
            report = reports[_key(row, by_agency)]
            report.set(table, row_code, column, report.value(table, row_code, column) + row["n"])
    fee_cell = FIGURE_CELLS[rules.FEE_FIELD]
    fees = (FeeRecord.objects.filter(agency_id__in=ids, year=p.year)
            .values("agency_id").annotate(total=Sum("amount")).order_by())
    for row in fees:
        report = reports[_key(row, by_agency)]
        report.set(*fee_cell, report.value(*fee_cell) + yuan_to_wan(row["total"]))

    without_records = {name: Sum(name, filter=~rules.records_exist(name, p, OuterRef("agency_id")))
                       for name in FIGURE_CELLS}
    figures = YearlyFigures.objects.filter(agency_id__in=ids, year=p.year)
    if by_agency:
        rows = list(figures.values("agency_id").annotate(**without_records).order_by())
    else:  # values() without fields would group by every column: aggregate instead
        rows = [figures.aggregate(**without_records)]
    for row in rows:
        report = reports[_key(row, by_agency)]
        for name, (table, row_code, column) in FIGURE_CELLS.items():
            report.set(table, row_code, column,
                       report.value(table, row_code, column) + (row[name] or 0))
    for report in reports.values():
        report.set(*fee_cell, tidy_amount(Decimal(report.value(*fee_cell))))


def yuan_to_wan(amount) -> Decimal:
    """An agency's fees of the year in 元 as 万元 with four decimals (the format's unit)."""
    return tidy_amount(Decimal(amount or 0) / rules.YUAN_PER_WAN)


def _outcome_row(outcome: str) -> str:
    """A closed request's row; an outcome the format does not know counts as 3.其他."""
    return outcome if outcome in rules.OUTCOME_CODES else "other"


def _final_result(result: str) -> str:
    """A closed case's column; a result the format does not know counts as 其他结果."""
    return result if result in rules.APPEAL_RESULT_CODES and result != "pending" else "other"


def _add(report: Report, row: str, column: str, n: int) -> None:
    if n:
        report.set(template.TABLE3.code, row, column, report.value(template.TABLE3.code, row, column) + n)


def _add4(report: Report, kind: str, result: str, n: int) -> None:
    if n:
        key = f"{kind}.{result}"
        report.set(template.TABLE4.code, "cases", key, report.value(template.TABLE4.code, "cases", key) + n)


def finish_table3(report: Report) -> None:
    """Fill the derived cells: （七）总计 per column and the 总计 column of every row."""
    table = template.TABLE3.code
    for column in rules.APPLICANT_CODES:
        total = sum(report.value(table, o, column) for o in rules.OUTCOME_CODES)
        report.set(table, template.ROW_RESULTS_TOTAL, column, total)
    for row in template.TABLE3.rows:
        total = sum(report.value(table, row.code, c) for c in rules.APPLICANT_CODES)
        report.set(table, row.code, template.TOTAL, total)


def finish_table4(report: Report) -> None:
    table = template.TABLE4.code
    for kind in rules.APPEAL_KIND_CODES:
        total = sum(report.value(table, "cases", f"{kind}.{r}") for r in rules.APPEAL_RESULT_CODES)
        report.set(table, "cases", f"{kind}.{template.TOTAL}", total)


def tidy_amount(value: Decimal) -> Decimal:
    """万元 to four decimals without trailing zeros (12.3400 → 12.34, 100.0000 → 100)."""
    value = value.quantize(Decimal("0.0001"))
    if value == value.to_integral_value():
        return value.quantize(Decimal("1"))
    return value.normalize()
