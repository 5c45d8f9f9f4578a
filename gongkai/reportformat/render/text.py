"""Plain text in the official layout: headings, paragraphs, tables as tab-separated cells.

Merged header and label cells are printed once, in the row where they start (as a copy of the
official table into a text editor gives them); the parser reads this back.
"""

from __future__ import annotations

from .. import template
from ..values import Report
from .layout import Cell, item_grid, paragraphs, table3_grid, table4_grid


def _data_line(cells: list[Cell]) -> str:
    """A data row: leading blanks where a label cell of a row above spans down, no blanks
    between the label and the numbers (a blank there would read as a zero)."""
    labels = [c for c in cells if c.header]
    numbers = [c for c in cells if not c.header]
    first = labels[0].col if labels else 0
    return "\t".join([""] * first + [c.text for c in labels] + [c.text for c in numbers])


def render_text(report: Report) -> str:
    lines: list[str] = [report.title or "", ""]
    for section in template.SECTIONS:
        lines += [section.heading, ""]
        text = report.texts.get(section.code, "")
        if text:
            lines += [p for para in paragraphs(text) for p in (para, "")]
        if section.code == "二":
            for row in item_grid(report):
                if len(row) == 1:
                    lines.append(row[0].text)
                elif row[1].header:
                    lines.append("\t".join(c.text for c in row))
                else:
                    lines.append(_data_line(row))
            lines.append("")
        elif section.code == "三":
            grid = table3_grid(report)
            lines.append(template.TABLE3_NOTE)
            lines.append("\t\t\t" + template.APPLICANT_GROUP)
            lines.append("\t\t\t" + "\t".join(c.text for c in grid[1]))
            lines.append("\t\t\t\t" + "\t".join(c.text for c in grid[2]))
            lines += [_data_line(row) for row in grid[3:]]
            lines.append("")
        elif section.code == "四":
            grid = table4_grid(report)
            lines.append("\t".join(c.text for c in grid[0]))
            lines.append("\t".join(c.text for c in grid[1]))
            lines.append("\t" * 5 + "\t".join(c.text for c in grid[2]))
            lines.append("\t".join(c.text for c in grid[3]))
            lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"
