"""The page of a Chinese official document (GB/T 9704-2012《党政机关公文格式》) for every Word file
the platform writes: the annual report, the reply letters (告知书) and the application form.

One place sets the paper (A4, 210 mm × 297 mm), the margins (上 37 mm、下 35 mm、左 28 mm、
右 26 mm), the fonts (title 方正小标宋简体 二号, body 仿宋_GB2312 三号, first-level headings 黑体,
with the fonts a Windows or WPS machine without them substitutes, declared in the font table)
and the page numbers (“— 1 —”, 四号宋体, odd pages on the right, even pages on the left, one
full-width space in from the edge).

Pure python-docx: part of the report engine, so it imports nothing of the site.
"""

from __future__ import annotations

from dataclasses import dataclass

A4_MM = (210, 297)
MARGINS_MM = {"top": 37, "bottom": 35, "left": 28, "right": 26}
# Chinese type sizes in points: 二号 22 pt, 三号 16 pt, 四号 14 pt.
TITLE_PT = 22
BODY_PT = 16
PAGE_NUMBER_PT = 14
# GB/T 9704 asks for 22 lines of 28 characters; a fixed line pitch of 28.95 pt gives 22 lines
# in the 225 mm type area.
BODY_LINE_PT = 28.95


@dataclass(frozen=True)
class Font:
    name: str
    fallback: str  # what Word/WPS substitutes where `name` is not installed (fontTable altName)


TITLE_FONT = Font("方正小标宋简体", "宋体")
BODY_FONT = Font("仿宋_GB2312", "仿宋")
HEADING_FONT = Font("黑体", "SimHei")
SUBHEADING_FONT = Font("楷体_GB2312", "楷体")
PAGE_NUMBER_FONT = Font("宋体", "SimSun")
LATIN_FONT = "Times New Roman"


def twips(mm: float) -> int:
    """Millimetres in twentieths of a point, the unit of w:pgSz and w:pgMar."""
    return round(mm * 1440 / 25.4)


def official_document():  # noqa: ANN201 - python-docx's Document, imported lazily
    """A new python-docx Document laid out as an official document (A4, GB/T 9704)."""
    from docx import Document

    document = Document()
    _page_setup(document)
    _normal_style(document)
    _declare_fallbacks(document)
    _page_numbers(document)
    return document


def set_font(run, font: Font, size_pt: float | None = None, *, bold: bool = False) -> None:  # noqa: ANN001
    """Give a run a Chinese font (east-Asian slot) and Times New Roman for Latin and digits."""
    from docx.oxml.ns import qn
    from docx.shared import Pt

    run.font.name = LATIN_FONT
    fonts = run._element.get_or_add_rPr().get_or_add_rFonts()
    fonts.set(qn("w:eastAsia"), font.name)
    if size_pt:
        run.font.size = Pt(size_pt)
    run.font.bold = bold


def add_title(document, text: str):  # noqa: ANN001, ANN201
    """The document's title: 二号方正小标宋, centred, lines broken where `text` has newlines."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    paragraph = document.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    for i, line in enumerate(text.split("\n")):
        if i:
            paragraph.runs[-1].add_break()
        set_font(paragraph.add_run(line), TITLE_FONT, TITLE_PT)
    _fixed_line(paragraph, 36)
    return paragraph


def add_heading(document, text: str, *, level: int = 1):  # noqa: ANN001, ANN201
    """一级标题 黑体, 二级标题 楷体, both 三号, indented two characters like the body."""
    paragraph = add_body(document, "")
    set_font(paragraph.add_run(text), HEADING_FONT if level == 1 else SUBHEADING_FONT, BODY_PT)
    return paragraph


def add_body(document, text: str, *, indent: bool = True, align: str | None = None):  # noqa: ANN001, ANN201
    """A body paragraph: 三号仿宋, first line indented two characters, fixed line pitch.
    `align` is "right" or "center" for signatures and dates."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    paragraph = document.add_paragraph()
    if indent:
        paragraph.paragraph_format.first_line_indent = Pt(BODY_PT * 2)
    if align:
        paragraph.alignment = {"right": WD_ALIGN_PARAGRAPH.RIGHT, "center": WD_ALIGN_PARAGRAPH.CENTER}[align]
    _fixed_line(paragraph, BODY_LINE_PT)
    if text:
        set_font(paragraph.add_run(text), BODY_FONT, BODY_PT)
    return paragraph


def _fixed_line(paragraph, points: float) -> None:  # noqa: ANN001
    from docx.enum.text import WD_LINE_SPACING
    from docx.shared import Pt

    fmt = paragraph.paragraph_format
    fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    fmt.line_spacing = Pt(points)
    fmt.space_before = Pt(0)
    fmt.space_after = Pt(0)


def _page_setup(document) -> None:  # noqa: ANN001
    from docx.enum.section import WD_ORIENT
    from docx.shared import Twips

    for section in document.sections:
        section.orientation = WD_ORIENT.PORTRAIT
        section.page_width, section.page_height = (Twips(twips(mm)) for mm in A4_MM)
        section.top_margin = Twips(twips(MARGINS_MM["top"]))
        section.bottom_margin = Twips(twips(MARGINS_MM["bottom"]))
        section.left_margin = Twips(twips(MARGINS_MM["left"]))
        section.right_margin = Twips(twips(MARGINS_MM["right"]))
        # The page number sits 7 mm below the type area (GB/T 9704 7.5).
        section.footer_distance = Twips(twips(MARGINS_MM["bottom"] - 7 - 5))
        section.header_distance = Twips(twips(15))


def _normal_style(document) -> None:  # noqa: ANN001
    from docx.oxml.ns import qn
    from docx.shared import Pt

    normal = document.styles["Normal"]
    normal.font.name = LATIN_FONT
    normal.font.size = Pt(BODY_PT)
    normal.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), BODY_FONT.name)


def _declare_fallbacks(document) -> None:  # noqa: ANN001
    """Name each Chinese font in the font table with its substitute (w:altName), so Word and WPS
    use 仿宋 where 仿宋_GB2312 is missing instead of a default sans-serif."""
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.oxml import OxmlElement, parse_xml
    from docx.oxml.ns import qn
    from lxml import etree

    try:
        part = document.part.part_related_by(RT.FONT_TABLE)
    except KeyError:
        return
    table = parse_xml(part.blob)  # python-docx keeps the font table as plain bytes
    known = {node.get(qn("w:name")) for node in table.findall(qn("w:font"))}
    for font in (TITLE_FONT, BODY_FONT, HEADING_FONT, SUBHEADING_FONT, PAGE_NUMBER_FONT):
        if font.name in known:
            continue
        node = OxmlElement("w:font")
        node.set(qn("w:name"), font.name)
        alt = OxmlElement("w:altName")
        alt.set(qn("w:val"), font.fallback)
        node.append(alt)
        charset = OxmlElement("w:charset")
        charset.set(qn("w:val"), "86")  # GB2312
        node.append(charset)
        table.append(node)
    part._blob = etree.tostring(table, xml_declaration=True, encoding="UTF-8", standalone=True)


def _page_numbers(document) -> None:  # noqa: ANN001
    """“— N —” in 四号宋体: odd pages right-aligned, even pages left-aligned (GB/T 9704 7.5)."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    document.settings.odd_and_even_pages_header_footer = True
    for section in document.sections:
        _page_number_paragraph(section.footer, WD_ALIGN_PARAGRAPH.RIGHT, "— ", " —\u3000")
        _page_number_paragraph(section.even_page_footer, WD_ALIGN_PARAGRAPH.LEFT, "\u3000— ", " —")


def _page_number_paragraph(footer, alignment, before: str, after: str) -> None:  # noqa: ANN001
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    footer.is_linked_to_previous = False
    paragraph = footer.paragraphs[0]
    paragraph.alignment = alignment
    set_font(paragraph.add_run(before), PAGE_NUMBER_FONT, PAGE_NUMBER_PT)
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), "PAGE")
    run = paragraph.add_run("1")
    set_font(run, PAGE_NUMBER_FONT, PAGE_NUMBER_PT)
    paragraph._p.remove(run._r)
    field.append(run._r)
    paragraph._p.append(field)
    set_font(paragraph.add_run(after), PAGE_NUMBER_FONT, PAGE_NUMBER_PT)
