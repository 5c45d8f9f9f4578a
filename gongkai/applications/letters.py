"""The letters of a request — the reply (政府信息公开申请答复告知书) per outcome, the 补正通知书
and the 延期答复告知书 — as DOCX (python-docx) and PDF (WeasyPrint from HTML, font
"WenQuanYi Micro Hei" from Debian's fonts-wqy-microhei). Each letter is sent by one event of
the request's log (`LETTERS`), so the timeline lists them where they happened.

Both formats are built from one `LetterContent`, so they say the same thing: the decision text
and legal basis of the outcome (`legal.OUTCOME_TEXTS`), the staff's specifics, the disclosed
files, and the applicant's remedies (行政复议 60 日, 行政诉讼 6 个月).
The applicant's address is printed in full only when `full_personal_data` is set (the applicant
themself, or the assigned handler — audited by the caller); anyone else gets it masked.

The applicant's own documents (the 行政复议申请书 and 投诉书 drafted by `escalation`) are not
letters of the agency: no number, addressee or seal, only a title and paragraphs
(`ApplicantDocument`). They are rendered on the same page, in the same type, by
`document_docx` / `document_pdf`.
"""

from __future__ import annotations

import dataclasses
import datetime
import io
from dataclasses import dataclass

from django.template.loader import render_to_string
from django.utils.translation import gettext_lazy as _

from gongkai.reportformat.render.docx_page import add_body, add_title, official_document

from .legal import OUTCOME_TEXTS, REGULATION, WITHDRAWN_TEXT, remedies
from .models import Application, ApplicationEvent, EventKind


@dataclass(frozen=True)
class LetterContent:
    title: str
    reference: str
    agency: str
    applicant: str
    address: str
    opening: str
    decision: str
    specifics: list[str]
    basis: str
    files: list[str]
    remedies: str
    date: str
    contact: str
    short_name: str = "答复告知书"  # in the file name of a download


def chinese_date(day) -> str:
    """2026年1月5日 (no leading zeros), as official letters write dates."""
    return f"{day.year}年{day.month}月{day.day}日"


def requested_subject(application: Application) -> str:
    """What was asked for, as letters name it: the title (or the start of the description)
    and the document number."""
    subject = application.title or application.description[:80]
    if application.document_number:
        subject += f"（{application.document_number}）"
    return subject


def _contact(agency) -> str:
    return "；".join(
        part for part in (
            f"联系地址：{agency.address}" if agency.address else "",
            f"联系电话：{agency.phone}" if agency.phone else "",
        ) if part
    )


def _received(application: Application) -> str:
    return (f"本机关于{chinese_date(application.received_on)}收到您（单位）提出的政府信息公开申请，"
            f"申请获取“{requested_subject(application)}”。")


def _letter(application: Application, *, full_personal_data: bool, **parts) -> LetterContent:
    """The parts every letter of a request shares: agency, number, addressee, contact."""
    return LetterContent(
        reference=application.reference,
        agency=application.agency.name,
        applicant=application.applicant_name,
        address=application.address if full_personal_data else application.address_masked,
        contact=_contact(application.agency),
        **parts,
    )


def letter_content(application: Application, *, full_personal_data: bool) -> LetterContent:
    if not application.is_closed:
        raise ValueError("only a closed request has a reply letter")
    withdrawn = application.events.filter(kind=EventKind.WITHDRAWN).exists()
    outcome = OUTCOME_TEXTS[application.outcome]
    parent = application.agency.parent
    return _letter(
        application, full_personal_data=full_personal_data,
        title="政府信息公开申请答复告知书",
        opening=_received(application) + "经审查，现答复如下：",
        decision=WITHDRAWN_TEXT if withdrawn else outcome.text,
        specifics=[] if withdrawn else [
            p.strip() for p in application.reply_text.splitlines() if p.strip()],
        basis="" if withdrawn else f"依据：{outcome.basis}。",
        files=[f.original_name for f in application.files.all()],
        remedies=remedies(parent.name if parent else ""),
        date=chinese_date(application.closed_on),
    )


def correction_letter(event: ApplicationEvent, *, full_personal_data: bool) -> LetterContent:
    """补正通知书 (《条例》第三十条): what is unclear, the period, and what happens after it."""
    application = event.application
    period_end = datetime.date.fromisoformat(event.data["period_end"])
    return _letter(
        application, full_personal_data=full_personal_data,
        title="政府信息公开申请补正通知书", short_name="补正通知书",
        opening=_received(application) + "经审查，您的申请内容不明确，请您对下列事项作出补正：",
        decision="",
        specifics=[p.strip() for p in event.data.get("items", "").splitlines() if p.strip()],
        basis=(f"请于{chinese_date(period_end)}前向本机关提交补正后的申请。答复期限自本机关收到"
               f"补正后的申请之日起计算。无正当理由逾期不补正的，视为放弃申请，本机关不再处理"
               f"该政府信息公开申请。依据：{REGULATION}第三十条。"),
        files=[], remedies="", date=chinese_date(event.on),
    )


def extension_letter(event: ApplicationEvent, *, full_personal_data: bool) -> LetterContent:
    """延期答复告知书 (《条例》第三十三条第一款): by how long, until when, and why."""
    from .services.base import deadline_of

    application = event.application
    deadline = deadline_of(application, up_to=event.pk)
    due_on = deadline.due_on
    # A date across a year whose holiday schedule is not yet published is provisional: say so.
    provisional = (f"（暂定：{deadline.provisional_reason}，节假日安排公布后如有变化另行告知）"
                   if deadline.provisional else "")
    new_due = f"，延长后的答复期限为{chinese_date(due_on)}{provisional}" if due_on else ""
    notified_on = event.data.get("notified_on") or event.on.isoformat()
    return _letter(
        application, full_personal_data=full_personal_data,
        title="政府信息公开申请延期答复告知书", short_name="延期答复告知书",
        opening=_received(application),
        decision=(f"因{event.note.strip() or '需要延长答复期限'}，本机关不能在规定期限内作出答复。"
                  f"经政府信息公开工作机构负责人同意，答复期限延长{event.data.get('days')}个工作日"
                  f"{new_due}。"),
        specifics=[],
        basis=f"依据：{REGULATION}第三十三条第一款。",
        files=[], remedies="", date=chinese_date(datetime.date.fromisoformat(notified_on)),
    )


# The letters a request's log produces, by the event that sends them.
LETTERS = {
    EventKind.CORRECTION_REQUESTED: correction_letter,
    EventKind.EXTENDED: extension_letter,
    EventKind.CLOSED: lambda event, **kw: letter_content(event.application, **kw),
    EventKind.WITHDRAWN: lambda event, **kw: letter_content(event.application, **kw),
}
# How the timeline names them.
LETTER_TITLES = {
    EventKind.CORRECTION_REQUESTED: _("补正通知书"),
    EventKind.EXTENDED: _("延期答复告知书"),
    EventKind.CLOSED: _("答复告知书"),
    EventKind.WITHDRAWN: _("答复告知书"),
}


def letter_for_event(event: ApplicationEvent, *, full_personal_data: bool) -> LetterContent:
    """The letter `event` sent; LookupError if that kind of event sends none."""
    builder = LETTERS.get(EventKind(event.kind))
    if builder is None:
        raise LookupError(event.kind)
    return builder(event, full_personal_data=full_personal_data)


# How a letter published in the disclosure log names its addressee, and what stands in for
# any of the applicant's details that staff wrote into a letter's text.
PUBLIC_ADDRESSEE = "申请人"


def public_letter(event: ApplicationEvent, publication, *, file_names: list[str]) -> LetterContent:
    """The letter `event` sent, as the disclosure log shows it: addressed to "申请人" with no
    address, the request named by the publication's staff-written question, the reply letter's
    specifics taken from the publication's public reply, the files listed under their disclosed
    names, and any of the applicant's details found in the rest (a 补正 item, an extension's
    reason) replaced by ＊＊＊. The reference number stays: it names the request, not a person."""
    from .models.publication import mask_identity

    application = event.application
    content = letter_for_event(event, full_personal_data=False)
    parts = {
        "applicant": PUBLIC_ADDRESSEE, "address": "",
        "opening": content.opening.replace(requested_subject(application), publication.question),
    }
    if event.kind in (EventKind.CLOSED, EventKind.WITHDRAWN):
        parts["specifics"] = [p.strip() for p in publication.reply.splitlines() if p.strip()]
        parts["files"] = list(file_names)
    content = dataclasses.replace(content, **parts)

    def scrub(text: str) -> str:
        return mask_identity(text, application)

    return dataclasses.replace(content, **{
        field.name: ([scrub(x) for x in value] if isinstance(value, list) else scrub(value))
        for field in dataclasses.fields(content)
        if field.name not in ("applicant", "agency", "contact", "reference")
        for value in [getattr(content, field.name)]
    })


def letter_html(content: LetterContent) -> str:
    return render_to_string("applications/letter.html", {"letter": content})


def letter_pdf(content: LetterContent) -> bytes:
    from weasyprint import HTML

    return HTML(string=letter_html(content)).write_pdf()


def letter_docx(content: LetterContent) -> bytes:
    """The letter as an official document: A4 and GB/T 9704 type (`docx_page`, shared with the
    annual report and every other Word file the platform writes)."""
    document = official_document()
    add_title(document, content.agency + "\n" + content.title)
    add_body(document, content.reference, indent=False, align="right")
    add_body(document, f"{content.applicant}：", indent=False)
    if content.address:
        add_body(document, f"（通信地址：{content.address}）", indent=False)
    for text in (content.opening, content.decision, *content.specifics):
        if text:
            add_body(document, text)
    if content.basis:
        add_body(document, content.basis)
    if content.files:
        add_body(document, "附件：")
        for i, name in enumerate(content.files, start=1):
            add_body(document, f"{i}. {name}")
    if content.remedies:
        add_body(document, content.remedies)
    if content.contact:
        add_body(document, content.contact)
    for text in (content.agency, content.date):
        add_body(document, text, indent=False, align="right")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


# ---- The applicant's own documents (`escalation`): a title and paragraphs, same page and type.

BLOCK_STYLES = ("body", "line", "heading", "sign")


@dataclass(frozen=True)
class Block:
    text: str
    style: str = "body"  # body: first line indented; line: flush left; heading; sign: right

    def __post_init__(self):
        if self.style not in BLOCK_STYLES:
            raise ValueError(self.style)


@dataclass(frozen=True)
class ApplicantDocument:
    title: str
    blocks: tuple[Block, ...]
    short_name: str  # in the file name of a download


def document_html(document: ApplicantDocument) -> str:
    return render_to_string("applications/applicant_document.html", {"document": document})


def document_pdf(document: ApplicantDocument) -> bytes:
    from weasyprint import HTML

    return HTML(string=document_html(document)).write_pdf()


def document_docx(document: ApplicantDocument) -> bytes:
    from gongkai.reportformat.render.docx_page import add_heading

    docx = official_document()
    add_title(docx, document.title)
    for block in document.blocks:
        if block.style == "heading":
            add_heading(docx, block.text)
        elif block.style == "sign":
            add_body(docx, block.text, indent=False, align="right")
        else:
            add_body(docx, block.text, indent=block.style == "body")
    buffer = io.BytesIO()
    docx.save(buffer)
    return buffer.getvalue()
