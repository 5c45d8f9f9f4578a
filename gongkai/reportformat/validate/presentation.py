"""Presenting findings: grouped by section, as readable Chinese text."""

from __future__ import annotations

from collections.abc import Iterable

from .. import template
from .findings import Finding

# --- presentation --------------------------------------------------------------------------


def group_by_section(findings: Iterable[Finding]) -> dict[str, list[Finding]]:
    """Findings keyed by section code, "" (the whole document) first, then 一 … 六."""
    order = ["", *(s.code for s in template.SECTIONS)]
    grouped: dict[str, list[Finding]] = {code: [] for code in order}
    for finding in findings:
        grouped.setdefault(finding.section or "", []).append(finding)
    return {k: v for k, v in grouped.items() if v}


def format_findings(findings: Iterable[Finding]) -> str:
    """Readable Chinese text: one block per section, one line per finding."""
    lines: list[str] = []
    for code, items in group_by_section(findings).items():
        if code:
            lines.append(f"【{template.SECTIONS_BY_CODE[code].heading}】")
        else:
            lines.append("【全文】")
        for f in sorted(items, key=lambda f: (f.line or 0, f.rule)):
            where = f"第{f.line}行 " if f.line else ""
            lines.append(f"  {f.severity.label} {f.rule} {where}{f.message}")
    return "\n".join(lines)
