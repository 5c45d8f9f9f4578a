"""The report tables for the staff page: the official layout of `render.layout`, each number a
link to the records it counts (`compute.cell_filter`), changed cells marked.

The data cells of each section's grid come in the order of `template` (tables, rows, columns),
so the n-th number of a section is the n-th cell key of that section's tables.
"""

from __future__ import annotations

from collections.abc import Callable, Container
from html import escape

from gongkai.reportformat import template
from gongkai.reportformat.render.layout import Cell, item_grid, paragraphs, table3_grid, table4_grid
from gongkai.reportformat.values import Report

_GRIDS = {"二": (item_grid, 0), "三": (table3_grid, 3), "四": (table4_grid, 3)}


def section_keys(section_code: str) -> list[str]:
    return [template.cell_key(table.code, r, c) for table in template.SECTION_TABLES[section_code]
            for (r, c) in table.cells]


def _cell(cell: Cell, key: str | None, link: Callable[[str], str] | None,
          changed: Container[str], scope: str) -> str:
    if cell.header:
        attrs = f' scope="{scope}"' if scope else ""
    else:
        attrs = ""
    if cell.rowspan > 1:
        attrs += f' rowspan="{cell.rowspan}"'
    if cell.colspan > 1:
        attrs += f' colspan="{cell.colspan}"'
    text = escape(cell.text)
    if key is not None:
        if key in changed:
            attrs += ' class="changed"'
        if link is not None:
            text = f'<a href="{escape(link(key))}">{text}</a>'
    tag = "th" if cell.header else "td"
    return f"<{tag}{attrs}>{text}</{tag}>"


def render_table(section_code: str, report: Report, *, link=None, changed=()) -> str:
    grid_fn, head = _GRIDS[section_code]
    keys = iter(section_keys(section_code))
    out = []
    for i, row in enumerate(grid_fn(report)):
        all_header = all(c.header for c in row)
        scope = "col" if (i < head or (head == 0 and all_header)) else "row"
        cls = ' class="head"' if head == 0 and all_header else ""
        cells = "".join(
            _cell(c, None if c.header else next(keys), link, changed, scope if c.header else "")
            for c in row
        )
        out.append(f"<tr{cls}>{cells}</tr>")
    css = {"二": "items", "三": "requests", "四": "appeals"}[section_code]
    return f'<table class="report-table {css}">' + "".join(out) + "</table>"


def render_report(report: Report, *, link: Callable[[str], str] | None = None,
                  changed: Container[str] = ()) -> str:
    """The whole report as an <article class="annual-report"> with linked numbers."""
    parts = ['<article class="annual-report">', f"<h1>{escape(report.title)}</h1>"]
    for section in template.SECTIONS:
        parts.append(f'<section id="section-{section.number}"><h2>{escape(section.heading)}</h2>')
        if section.narrative:
            text = report.texts.get(section.code, "")
            for para in paragraphs(text):
                parts.append(f"<p>{escape(para)}</p>")
            if not text.strip():
                parts.append('<p class="empty">（尚未填写）</p>')
        else:
            parts.append(render_table(section.code, report, link=link, changed=changed))
        parts.append("</section>")
    parts.append("</article>")
    return "\n".join(parts)
