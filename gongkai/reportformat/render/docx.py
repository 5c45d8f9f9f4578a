"""Word (.docx) with python-docx, the tables laid out as in the official Word template:
merged header cells, label columns merged down their groups; the page, title, 仿宋 body and
黑体 headings are those of every official document (`docx_page`, GB/T 9704)."""

from __future__ import annotations

import io

from .. import template
from ..values import Report
from .docx_page import add_body, add_heading, add_title, official_document
from .layout import Cell, item_grid, paragraphs, table3_grid, table4_grid

TABLE_FONT = "宋体"


def _grid_table(document, grid: list[list[Cell]], columns: int):  # noqa: ANN001, ANN202
    """A table whose merged cells are written as Word writes them: gridSpan for a cell that
    spans columns, vMerge restart/continue for one that spans rows. (Built directly in the
    XML: python-docx's cell merging re-reads the whole grid per call and is slow on table 三.)"""
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    rows = len(grid)
    owner: dict[tuple[int, int], Cell] = {}
    for row in grid:
        for cell in row:
            for r in range(cell.row, cell.row + cell.rowspan):
                for c in range(cell.col, cell.col + cell.colspan):
                    owner[(r, c)] = cell
    table = document.add_table(rows=rows, cols=columns)
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for r, tr in enumerate(table._tbl.tr_lst):
        for tc in list(tr.tc_lst):
            tr.remove(tc)
        c = 0
        while c < columns:
            cell = owner.get((r, c))
            span = cell.colspan if cell is not None and cell.col == c else 1
            tc = OxmlElement("w:tc")
            pr = OxmlElement("w:tcPr")
            if span > 1:
                grid_span = OxmlElement("w:gridSpan")
                grid_span.set(qn("w:val"), str(span))
                pr.append(grid_span)
            if cell is not None and cell.rowspan > 1:
                merge = OxmlElement("w:vMerge")
                if r == cell.row:
                    merge.set(qn("w:val"), "restart")
                pr.append(merge)
            align = OxmlElement("w:vAlign")
            align.set(qn("w:val"), "center")
            pr.append(align)
            tc.append(pr)
            paragraph = OxmlElement("w:p")
            if cell is not None and r == cell.row and cell.col == c:
                if not cell.header or (cell.colspan > 1 and cell.col > 0) or r < 3 and columns > 4:
                    ppr = OxmlElement("w:pPr")
                    jc = OxmlElement("w:jc")
                    jc.set(qn("w:val"), "center")
                    ppr.append(jc)
                    paragraph.append(ppr)
                paragraph.append(_run(cell.text))
            tc.append(paragraph)
            tr.append(tc)
            c += span
    return table


def _run(text: str):  # noqa: ANN202
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    run = OxmlElement("w:r")
    rpr = OxmlElement("w:rPr")
    fonts = OxmlElement("w:rFonts")
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia"):
        fonts.set(qn(attr), TABLE_FONT)
    size = OxmlElement("w:sz")
    size.set(qn("w:val"), "18")  # half-points: 9 pt
    rpr.append(fonts)
    rpr.append(size)
    run.append(rpr)
    node = OxmlElement("w:t")
    node.text = text
    node.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    run.append(node)
    return run


def render_docx(report: Report) -> bytes:
    document = official_document()
    add_title(document, report.title)
    for section in template.SECTIONS:
        add_heading(document, section.heading)
        for para in paragraphs(report.texts.get(section.code, "")):
            add_body(document, para)
        if section.code == "二":
            _grid_table(document, item_grid(report), 4)
        elif section.code == "三":
            _grid_table(document, table3_grid(report), 10)
        elif section.code == "四":
            _grid_table(document, table4_grid(report), 15)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
