"""Writes of yearly figures: one record per agency and year, entered or imported.

An import is all or nothing: every line is checked first (format, agency, permission), and
only a file without errors is saved, in one transaction, with one audit entry per record.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q

from gongkai import audit
from gongkai.agencies.models import Agency
from gongkai.reports.audit_actions import (  # noqa: F401  (re-exported for callers)
    FIGURES_IMPORT,
    FIGURES_SAVE,
)

from ..models import FIGURE_FIELDS, YearlyFigures
from ..untrusted import parse_limits
from .parse import LineError, ParsedFigures, parse_figures
from .permissions import can_edit_figures


def _jsonable(values: dict) -> dict:
    return {k: str(v) for k, v in values.items()}


@transaction.atomic
def figures_save(
    *, actor, agency: Agency, year: int, values: dict, note: str = "",
    source: str = YearlyFigures.Source.MANUAL, action: str = FIGURES_SAVE,
) -> YearlyFigures:
    """Create or replace the agency's figures for `year`."""
    if not can_edit_figures(actor, agency):
        raise PermissionDenied
    figures = (
        YearlyFigures.objects.select_for_update().filter(agency=agency, year=year).first()
        or YearlyFigures(agency=agency, year=year)
    )
    before = figures.values() if figures.pk else None
    for name in FIGURE_FIELDS:
        setattr(figures, name, values.get(name, 0))
    figures.note = note
    figures.source = source
    figures.updated_by = actor if actor.is_authenticated else None
    figures.full_clean()
    figures.save()
    audit.record(
        actor=actor, action=action, target=figures, agency=agency,
        data={"year": year, "before": _jsonable(before) if before else None,
              "after": _jsonable(figures.values())},
    )
    return figures


@dataclass
class ImportResult:
    saved: list[YearlyFigures]
    errors: list[LineError]

    @property
    def ok(self) -> bool:
        return not self.errors


def figures_import(*, actor, filename: str, content: bytes) -> ImportResult:
    """Import a CSV/XLSX file of figures; nothing is saved unless every line is valid."""
    parsed: ParsedFigures = parse_figures(filename, content, parse_limits())
    errors = list(parsed.errors)
    resolved = []
    codes = {r.agency_code for r in parsed.rows if r.agency_code}
    names = {r.agency_name for r in parsed.rows if r.agency_name}
    agencies = list(Agency.objects.filter(Q(code__in=codes) | Q(name__in=names)))
    by_code = {a.code.upper(): a for a in agencies}
    by_name: dict[str, list[Agency]] = {}
    for a in agencies:
        by_name.setdefault(a.name, []).append(a)
    for row in parsed.rows:
        agency = by_code.get(row.agency_code) if row.agency_code else None
        if row.agency_code and agency is None:
            errors.append(LineError(row.line, f"找不到机构代码为“{row.agency_code}”的机构", "unknown_agency"))
            continue
        if agency is None:
            matches = by_name.get(row.agency_name, [])
            if len(matches) != 1:
                message = (f"找不到名称为“{row.agency_name}”的机构" if not matches
                           else f"名称为“{row.agency_name}”的机构不止一个，请填写机构代码")
                errors.append(LineError(row.line, message, "unknown_agency"))
                continue
            agency = matches[0]
        elif row.agency_name and row.agency_name != agency.name:
            errors.append(LineError(
                row.line, f"机构代码“{row.agency_code}”对应“{agency.name}”，与所填名称“{row.agency_name}”不符",
                "agency_mismatch"))
            continue
        if not can_edit_figures(actor, agency):
            errors.append(LineError(row.line, f"您无权填报“{agency.name}”的业务数据", "not_allowed"))
            continue
        resolved.append((row, agency))
    seen: dict[tuple[int, int], int] = {}
    for row, agency in resolved:
        key = (agency.pk, row.year)
        if key in seen:
            errors.append(LineError(row.line, f"与第{seen[key]}行重复（同一机构同一年度只能有一行）", "duplicate_line"))
        seen.setdefault(key, row.line)
    if errors:
        return ImportResult(saved=[], errors=sorted(errors, key=lambda e: e.line))
    saved = []
    with transaction.atomic():
        for row, agency in resolved:
            try:
                saved.append(figures_save(
                    actor=actor, agency=agency, year=row.year, values=row.values,
                    note=f"由文件“{filename}”第{row.line}行导入",
                    source=YearlyFigures.Source.IMPORT, action=FIGURES_IMPORT,
                ))
            except ValidationError as exc:  # a model rule the parser does not check
                errors.append(LineError(row.line, "；".join(exc.messages), "invalid"))
        if errors:
            transaction.set_rollback(True)
            return ImportResult(saved=[], errors=errors)
    return ImportResult(saved=saved, errors=[])
