"""The request on paper: the printable 政府信息公开申请表 (DOCX and PDF) for those who apply by
letter, fax or in person (《条例》第二十九条), and the 办理流程图 (an SVG drawn here).

The form's labels and tick boxes are the model's own (`Application` field names and choices,
the applicant types of the report template), so the paper and the online form ask the same
things. The Word file uses the official page of every document (`docx_page`, GB/T 9704); the
PDF is WeasyPrint from `applications/paper_form.html`, with the flow chart on its second page.
"""

from __future__ import annotations

import base64
import io
from dataclasses import dataclass
from html import escape

from django.template.loader import render_to_string
from django.utils.translation import gettext as _

from gongkai.agencies.models import Agency
from gongkai.reportformat.render.docx_page import (
    BODY_FONT,
    add_body,
    add_title,
    official_document,
    set_font,
)
from gongkai.reportformat.template import OUTCOME_GROUPS

from .models import Application

BOX = "☐"
# Fields of the paper form, in the order of the online form, grouped as the printed table.
APPLICANT_FIELDS = ("applicant_type", "applicant_name", "id_type", "id_number", "legal_representative",
                    "contact_person", "phone", "email", "address", "postal_code")
REQUEST_FIELDS = ("title", "document_number", "description", "info_form", "delivery")
TALL_FIELDS = {"description": 4, "address": 1}


@dataclass(frozen=True)
class FormRow:
    label: str
    options: tuple[str, ...] = ()  # tick boxes; empty for a line to write on
    lines: int = 1


@dataclass(frozen=True)
class PaperForm:
    title: str
    agency: str
    sections: tuple[tuple[str, tuple[FormRow, ...]], ...]
    notes: tuple[str, ...]


def _row(name: str) -> FormRow:
    field = Application._meta.get_field(name)
    options = tuple(str(label) for value, label in field.choices or () if value)
    return FormRow(str(field.verbose_name), options, TALL_FIELDS.get(name, 1))


def paper_form(agency: Agency | None = None) -> PaperForm:
    """The blank form, addressed to `agency` when given (its address and phone in the notes)."""
    notes = [
        _("依据《中华人民共和国政府信息公开条例》第二十九条，申请人应当提供姓名或者名称、身份证明、联系方式，"
          "所需信息的名称、文号或者便于查询的其他特征性描述，以及获取信息的形式要求。"),
        _("申请人为自然人的，请附身份证件复印件；为法人或者其他组织的，请附统一社会信用代码证明复印件，"
          "并填写法定代表人或负责人、联系人。"),
        _("一份申请表请只申请一项政府信息；所需信息的描述应当尽量具体，便于查找。"),
        _("本表可当面递交、邮寄或传真，也可在本网站“依申请公开”栏目在线提交。"),
    ]
    if agency is not None and (agency.address or agency.phone):
        parts = [p for p in (
            _("受理地址：%(address)s") % {"address": agency.address} if agency.address else "",
            _("联系电话：%(phone)s") % {"phone": agency.phone} if agency.phone else "",
        ) if p]
        notes.append("；".join(parts) + "。")
    return PaperForm(
        title=_("政府信息公开申请表"),
        agency=agency.name if agency is not None else "",
        sections=(
            (_("申请人信息"), tuple(_row(name) for name in APPLICANT_FIELDS)),
            (_("所需信息情况"), tuple(_row(name) for name in REQUEST_FIELDS)),
        ),
        notes=tuple(notes),
    )


def _options_text(row: FormRow) -> str:
    return "  ".join(f"{BOX}{option}" for option in row.options)


def paper_form_docx(form: PaperForm) -> bytes:
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.shared import Mm, Pt

    document = official_document()
    add_title(document, form.title)
    add_body(document, _("受理机关：") + (form.agency or "_" * 24), indent=False)
    rows = [(section, row) for section, section_rows in form.sections for row in section_rows]
    table = document.add_table(rows=len(rows) + 1, cols=3)
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    widths = (Mm(18), Mm(42), Mm(96))  # the type area is 156 mm wide
    start = 0
    for section, section_rows in form.sections:
        head = table.cell(start, 0).merge(table.cell(start + len(section_rows) - 1, 0))
        set_font(head.paragraphs[0].add_run(section), BODY_FONT, 12, bold=True)
        start += len(section_rows)
    for i, (_section, row) in enumerate(rows):
        set_font(table.cell(i, 1).paragraphs[0].add_run(row.label), BODY_FONT, 12)
        value = table.cell(i, 2)
        if row.options:
            set_font(value.paragraphs[0].add_run(_options_text(row)), BODY_FONT, 12)
        for _extra in range(row.lines - 1):
            value.add_paragraph()
    last = len(rows)
    signature = table.cell(last, 0).merge(table.cell(last, 2))
    set_font(signature.paragraphs[0].add_run(_("申请人签名（盖章）：")), BODY_FONT, 12)
    date = signature.add_paragraph()
    set_font(date.add_run(_("申请日期：        年    月    日")), BODY_FONT, 12)
    for row in table.rows:
        row.height = Mm(9)
        for cell, width in zip(row.cells, widths, strict=True):
            cell.width = width
    add_body(document, _("填表说明："), indent=False)
    for i, note in enumerate(form.notes, start=1):
        paragraph = add_body(document, "", indent=False)
        set_font(paragraph.add_run(f"{i}. {note}"), BODY_FONT, 12)
        paragraph.paragraph_format.line_spacing = Pt(20)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def paper_form_pdf(form: PaperForm) -> bytes:
    from weasyprint import HTML

    chart = base64.b64encode(flowchart_svg().encode()).decode()
    html = render_to_string("applications/paper_form.html", {
        "form": form, "box": BOX, "flowchart": f"data:image/svg+xml;base64,{chart}",
    })
    return HTML(string=html).write_pdf()


# --- 办理流程图 -----------------------------------------------------------------------------

@dataclass(frozen=True)
class Step:
    text: str
    basis: str = ""              # the article, printed small under the text
    branch: str = ""             # a side box reached from this step …
    branch_label: str = ""       # … along an arrow labelled so
    branch_basis: str = ""


def flowchart_steps() -> tuple[Step, ...]:
    """The steps of a request (《条例》第二十七条至第四十五条), with their side branches."""
    outcomes = "、".join(group.split("）")[-1] for group in OUTCOME_GROUPS)
    return (
        Step(_("申请人提出申请（在线提交、信函、当面递交、传真、电子邮件）"), _("《条例》第二十七条、第二十九条")),
        Step(_("行政机关登记收件，确定收到申请之日"), _("《条例》第三十一条")),
        Step(_("审查申请内容"), "",
             _("申请内容不明确的，自收到申请之日起7个工作日内一次性告知补正；答复期限自收到补正之日起计算，"
               "无正当理由逾期不补正的视为放弃申请"),
             _("内容不明确"), _("《条例》第三十条")),
        Step(_("检索、调取、审查所需信息"), "",
             _("公开可能损害第三方合法权益的，书面征求第三方意见（第三方应在15个工作日内提出）；"
               "征求意见所需时间不计算在答复期限内"),
             _("涉及第三方"), _("《条例》第三十二条、第三十三条")),
        Step(_("作出答复：能够当场答复的当场答复；不能当场答复的，自收到申请之日起20个工作日内答复，"
               "需要延长的经负责人同意并告知申请人，延长不超过20个工作日"), "",
             _("答复的情形：") + outcomes, _("答复"), _("《条例》第三十六条")),
        Step(_("制作答复告知书并送达申请人"), _("《条例》第四十条")),
        Step(_("申请人认为侵犯其合法权益的，可以自收到答复之日起60日内申请行政复议，"
               "或者6个月内提起行政诉讼"), _("《条例》第五十一条")),
    )


def _wrap(text: str, width: int) -> list[str]:
    """Lines of at most `width` characters (Chinese has no spaces to break at)."""
    return [text[i:i + width] for i in range(0, len(text), width)] or [""]


def flowchart_svg() -> str:
    """The flow chart as a standalone SVG: the main steps top to bottom, side branches right."""
    main_x, main_w, side_x, side_w = 20, 360, 460, 300
    line_h, pad, gap, size = 22, 12, 34, 15
    font = '"Noto Sans CJK SC","WenQuanYi Micro Hei","Microsoft YaHei","PingFang SC",sans-serif'
    parts: list[str] = []
    y = 20

    def box(x: int, top: int, w: int, lines: list[str], basis: str, fill: str) -> int:
        height = pad * 2 + line_h * len(lines) + (18 if basis else 0)
        parts.append(f'<rect x="{x}" y="{top}" width="{w}" height="{height}" rx="6" fill="{fill}" '
                     'stroke="#a4161a" stroke-width="1.5"/>')
        for i, line in enumerate(lines):
            parts.append(f'<text x="{x + w / 2}" y="{top + pad + line_h * (i + 1) - 6}" '
                         f'text-anchor="middle" font-size="{size}">{escape(line)}</text>')
        if basis:
            parts.append(f'<text x="{x + w / 2}" y="{top + height - pad + 2}" text-anchor="middle" '
                         f'font-size="12" fill="#555">{escape(basis)}</text>')
        return height

    for n, step in enumerate(flowchart_steps()):
        lines = _wrap(step.text, 22)
        height = box(main_x, y, main_w, lines, step.basis, "#fff")
        if step.branch:
            side_lines = _wrap(step.branch, 18)
            side_h = pad * 2 + line_h * len(side_lines) + (18 if step.branch_basis else 0)
            side_top = y + height / 2 - side_h / 2 if side_h < height else y
            box(side_x, int(side_top), side_w, side_lines, step.branch_basis, "#fdf3f3")
            mid = y + height / 2
            parts.append(f'<line x1="{main_x + main_w}" y1="{mid}" x2="{side_x - 4}" y2="{mid}" '
                         'stroke="#333" stroke-width="1.5" marker-end="url(#arrow)"/>')
            parts.append(f'<text x="{(main_x + main_w + side_x) / 2}" y="{mid - 6}" text-anchor="middle" '
                         f'font-size="12" fill="#a4161a">{escape(step.branch_label)}</text>')
            height = max(height, int(side_top + side_h - y))
        y += height
        if n < len(flowchart_steps()) - 1:
            parts.append(f'<line x1="{main_x + main_w / 2}" y1="{y}" x2="{main_x + main_w / 2}" '
                         f'y2="{y + gap - 4}" stroke="#333" stroke-width="1.5" marker-end="url(#arrow)"/>')
            y += gap
    title = _("政府信息公开申请办理流程图")
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 780 {y + 20}" width="780" '
        f'height="{y + 20}" role="img" font-family=\'{font}\'>'
        f"<title>{escape(title)}</title>"
        '<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" '
        'markerHeight="7" orient="auto"><path d="M0,0 L10,5 L0,10 z" fill="#333"/></marker></defs>'
        '<rect width="100%" height="100%" fill="#fff"/>'
        + "".join(parts) + "</svg>"
    )
