"""Word (.docx) with python-docx, the tables laid out as in the official Word template:
merged header cells, label columns merged down their groups, 仿宋 body and 黑体 headings."""

from __future__ import annotations

import io

from .. import template as t
from ..values import Report
from .layout import Cell, item_grid, paragraphs, table3_grid, table4_grid

BODY_FONT = "仿宋"
HEADING_FONT = "黑体"
TITLE_FONT = "宋体"
TABLE_FONT = "宋体"


def _font(run, name: str, size_pt: float | None = None, bold: bool = False) -> None:  # noqa: ANN001
    from docx.oxml.ns import qn
    from docx.shared import Pt

    run.font.name = name
    rpr = run._element.get_or_add_rPr()
    fonts = rpr.get_or_add_rFonts()
    fonts.set(qn("w:eastAsia"), name)
    if size_pt:
        run.font.size = Pt(size_pt)
    run.font.bold = bold


def _grid_table(document, grid: list[list[Cell]], columns: int):  # noqa: ANN001, ANN202
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    table = document.add_table(rows=len(grid), cols=columns)
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for row in grid:
        for cell in row:
            target = table.cell(cell.row, cell.col)
            if cell.rowspan > 1 or cell.colspan > 1:
                target = target.merge(table.cell(cell.row + cell.rowspan - 1, cell.col + cell.colspan - 1))
            paragraph = target.paragraphs[0]
            if not cell.header or cell.colspan > 1 and cell.col > 0:
                paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
            _font(paragraph.add_run(cell.text), TABLE_FONT, 9)
    return table


def render_docx(report: Report) -> bytes:
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml.ns import qn
    from docx.shared import Pt

    document = Document()
    normal = document.styles["Normal"]
    normal.font.name = BODY_FONT
    normal.font.size = Pt(12)
    normal.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), BODY_FONT)

    title = document.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _font(title.add_run(report.title), TITLE_FONT, 18, bold=True)
    for section in t.SECTIONS:
        _font(document.add_paragraph().add_run(section.heading), HEADING_FONT, 14)
        for para in paragraphs(report.texts.get(section.code, "")):
            p = document.add_paragraph()
            p.paragraph_format.first_line_indent = Pt(24)
            _font(p.add_run(para), BODY_FONT, 12)
        if section.code == "二":
            _grid_table(document, item_grid(report), 4)
        elif section.code == "三":
            _grid_table(document, table3_grid(report), 10)
        elif section.code == "四":
            _grid_table(document, table4_grid(report), 15)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
