"""Letters and drafted documents as file downloads (PDF or Word), shared by the applicant's,
the staff's and the published pages."""

from __future__ import annotations

from urllib.parse import quote

from django.http import Http404, HttpResponse

from ..letters import letter_docx, letter_pdf

DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def attachment(data: bytes, content_type: str, filename: str) -> HttpResponse:
    """`data` as a download named `filename` (RFC 5987, so a Chinese name survives)."""
    response = HttpResponse(data, content_type=content_type)
    response["Content-Disposition"] = f"attachment; filename*=UTF-8''{quote(filename)}"
    return response


def letter_download(content, fmt: str, application) -> HttpResponse:
    """A letter to `application` as PDF or Word; 404 for any other format."""
    name = f"{content.short_name}-{application.pk}"
    if fmt == "pdf":
        return attachment(letter_pdf(content), "application/pdf", f"{name}.pdf")
    if fmt == "docx":
        return attachment(letter_docx(content), DOCX_TYPE, f"{name}.docx")
    raise Http404
