"""The reply letter (政府信息公开申请答复告知书) per outcome, as DOCX (python-docx) and PDF
(WeasyPrint from HTML, font "WenQuanYi Micro Hei" from Debian's fonts-wqy-microhei).

Both formats are built from one `LetterContent`, so they say the same thing: the decision text
and legal basis of the outcome (`legal.OUTCOME_TEXTS`), the staff's specifics, the disclosed
files, and the applicant's remedies (行政复议 60 日, 行政诉讼 6 个月).
The applicant's address is printed in full only when `full_personal_data` is set (the applicant
themself, or the assigned handler — audited by the caller); anyone else gets it masked.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

from django.template.loader import render_to_string

from gongkai.reportformat.render.docx_page import add_body, add_title, official_document

from .legal import OUTCOME_TEXTS, WITHDRAWN_TEXT, remedies
from .models import Application, EventKind


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


def letter_content(application: Application, *, full_personal_data: bool) -> LetterContent:
    if not application.is_closed:
        raise ValueError("only a closed request has a reply letter")
    withdrawn = application.events.filter(kind=EventKind.WITHDRAWN).exists()
    outcome = OUTCOME_TEXTS[application.outcome]
    parent = application.agency.parent
    subject = application.title or application.description[:80]
    if application.document_number:
        subject += f"（{application.document_number}）"
    address = application.address if full_personal_data else application.address_masked
    decision = WITHDRAWN_TEXT if withdrawn else outcome.text
    specifics = [] if withdrawn else [p.strip() for p in application.reply_text.splitlines() if p.strip()]
    agency = application.agency
    contact = "；".join(
        part for part in (
            f"联系地址：{agency.address}" if agency.address else "",
            f"联系电话：{agency.phone}" if agency.phone else "",
        ) if part
    )
    return LetterContent(
        title="政府信息公开申请答复告知书",
        reference=application.reference,
        agency=agency.name,
        applicant=application.applicant_name,
        address=address,
        opening=(
            f"本机关于{application.received_on:%Y年%m月%d日}收到您（单位）提出的政府信息公开申请，"
            f"申请获取“{subject}”。经审查，现答复如下："
        ).replace("年0", "年").replace("月0", "月"),
        decision=decision,
        specifics=specifics,
        basis="" if withdrawn else f"依据：{outcome.basis}。",
        files=[f.original_name for f in application.files.all()],
        remedies=remedies(parent.name if parent else ""),
        date=f"{application.closed_on:%Y年%m月%d日}".replace("年0", "年").replace("月0", "月"),
        contact=contact,
    )


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
        add_body(document, text)
    if content.basis:
        add_body(document, content.basis)
    if content.files:
        add_body(document, "附件：")
        for i, name in enumerate(content.files, start=1):
            add_body(document, f"{i}. {name}")
    add_body(document, content.remedies)
    if content.contact:
        add_body(document, content.contact)
    for text in (content.agency, content.date):
        add_body(document, text, indent=False, align="right")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
