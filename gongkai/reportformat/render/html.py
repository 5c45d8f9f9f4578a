"""HTML with the official multi-level table headers (rowspan/colspan), and an embedded CSS
that names the CJK font, so the page prints and converts to PDF as it shows."""

from __future__ import annotations

from html import escape

from .. import template
from ..values import Report
from .layout import Cell, item_grid, paragraphs, table3_grid, table4_grid

CJK_FONTS = '"WenQuanYi Micro Hei", "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "SimSun", sans-serif'

CSS = f"""
@page {{ size: A4; margin: 2cm 1.6cm; @bottom-center {{ content: "- " counter(page) " -"; font-size: 9pt; }} }}
.annual-report {{ font-family: {CJK_FONTS}; font-size: 12pt; line-height: 1.7; color: #111; max-width: 60em; margin: 0 auto; }}
.annual-report h1 {{ font-size: 18pt; text-align: center; margin: 0 0 1em; }}
.annual-report h2 {{ font-size: 14pt; margin: 1.2em 0 .5em; }}
.annual-report p {{ text-indent: 2em; margin: .3em 0; }}
.annual-report table {{ border-collapse: collapse; width: 100%; margin: .6em 0 1em; font-size: 9pt; line-height: 1.35; page-break-inside: auto; }}
.annual-report th, .annual-report td {{ border: 1px solid #000; padding: 3px 4px; vertical-align: middle; }}
.annual-report th {{ font-weight: normal; text-align: left; }}
.annual-report thead th, .annual-report th.caption, .annual-report tr.head th {{ text-align: center; font-weight: bold; }}
.annual-report td {{ text-align: center; }}
.annual-report tr {{ page-break-inside: avoid; }}
"""


def _cell(cell: Cell, scope: str = "") -> str:
    tag = "th" if cell.header else "td"
    attrs = ""
    if cell.header and scope:  # screen readers announce a number with its row and column
        if scope == "col":
            scope = "colgroup" if cell.colspan > 1 else "col"
        else:
            scope = "rowgroup" if cell.rowspan > 1 else "row"
        attrs += f' scope="{scope}"'
    if cell.rowspan > 1:
        attrs += f' rowspan="{cell.rowspan}"'
    if cell.colspan > 1:
        attrs += f' colspan="{cell.colspan}"'
    if cell.header and cell.rowspan == 1 and cell.colspan == 4:
        attrs += ' class="caption"'
    return f"<{tag}{attrs}>{escape(cell.text)}</{tag}>"


def _rows(grid: list[list[Cell]], head: int) -> str:
    out = ["<thead>"] if head else []
    for i, row in enumerate(grid):
        if head and i == head:
            out.append("</thead><tbody>")
        scope = "col" if i < head else "row"
        out.append("<tr>" + "".join(_cell(c, scope) for c in row) + "</tr>")
    out.append("</tbody>" if head else "")
    return "".join(out)


def render_table_html(section_code: str, report: Report) -> str:
    if section_code == "二":
        rows = []
        for row in item_grid(report):
            cls = ' class="head"' if all(c.header for c in row) else ""
            scope = "col" if cls else "row"
            rows.append(f"<tr{cls}>" + "".join(_cell(c, scope) for c in row) + "</tr>")
        return '<table class="report-table items"><tbody>' + "".join(rows) + "</tbody></table>"
    if section_code == "三":
        return '<table class="report-table requests">' + _rows(table3_grid(report), 3) + "</table>"
    if section_code == "四":
        return '<table class="report-table appeals">' + _rows(table4_grid(report), 3) + "</table>"
    return ""


def render_fragment(report: Report, *, title: bool = True) -> str:
    """The report as an <article>, for embedding in a site page (styles in `CSS`); without its
    <h1> title where the page already has it (a published report's document page)."""
    parts = ['<article class="annual-report">'] + ([f"<h1>{escape(report.title)}</h1>"] if title else [])
    for section in template.SECTIONS:
        parts.append(f'<section id="section-{section.number}"><h2>{escape(section.heading)}</h2>')
        for para in paragraphs(report.texts.get(section.code, "")):
            parts.append(f"<p>{escape(para)}</p>")
        parts.append(render_table_html(section.code, report))
        parts.append("</section>")
    parts.append("</article>")
    return "\n".join(parts)


def render_html(report: Report) -> str:
    """A complete HTML document (UTF-8, lang zh-CN) with the CSS embedded."""
    return (
        '<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{escape(report.title)}</title>\n<style>{CSS}</style>\n</head>\n<body>\n"
        f"{render_fragment(report)}\n</body>\n</html>\n"
    )
