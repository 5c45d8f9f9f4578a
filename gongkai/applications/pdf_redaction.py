"""The PDF work of 区分处理 (《条例》第三十七条): find text, render pages, and really remove what
is marked. Pure functions of bytes in, bytes out; no models, no Django settings.

Redaction is done by PyMuPDF (MuPDF's redaction annotations): `apply_redactions()` deletes the
characters whose boxes touch a mark from the page's content stream, blanks the image pixels under
it (an image wholly under a mark is removed) and covers vector graphics; the file is then written
out anew (`garbage=4`, no incremental update), so the old content objects do not survive in it.
A black box drawn over the text, which anyone could still copy, is exactly what this avoids.

A DOCX is first converted to PDF (mammoth → HTML → WeasyPrint): the layout is simplified, the
text, tables and pictures are kept, and the marks then refer to that PDF.
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from dataclasses import dataclass

import pymupdf

PDF_TYPE = "application/pdf"
DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
REDACTABLE_TYPES = (PDF_TYPE, DOCX_TYPE)
# Page images for marking and preview: about this many pixels wide.
PAGE_IMAGE_WIDTH = 900
MAX_PAGES = 500


class UnusableFile(ValueError):
    """The file cannot be redacted (damaged, encrypted, too many pages); `code` says why."""

    def __init__(self, code: str):
        super().__init__(code)
        self.code = code


@dataclass(frozen=True)
class Area:
    page: int  # from 0
    x0: float
    y0: float
    x1: float
    y1: float


def _open(pdf: bytes) -> pymupdf.Document:
    try:
        doc = pymupdf.open(stream=pdf, filetype="pdf")
    except (pymupdf.FileDataError, RuntimeError, ValueError) as exc:
        raise UnusableFile("damaged") from exc
    if doc.needs_pass or doc.is_encrypted:
        raise UnusableFile("encrypted")
    if doc.page_count == 0:
        raise UnusableFile("empty")
    if doc.page_count > MAX_PAGES:
        raise UnusableFile("too_many_pages")
    return doc


def docx_to_pdf(data: bytes) -> bytes:
    """A DOCX as a PDF. Pictures come along as data: URIs; nothing else is fetched."""
    import mammoth
    from weasyprint import HTML

    try:
        html = mammoth.convert_to_html(io.BytesIO(data)).value
    except Exception as exc:  # mammoth raises whatever the zip/XML layer raises
        raise UnusableFile("damaged") from exc
    page = ('<html lang="zh"><head><style>@page{size:A4;margin:2.5cm}'
            'body{font-family:"Noto Sans CJK SC","Noto Serif CJK SC",sans-serif;font-size:12pt;'
            'line-height:1.6}table{border-collapse:collapse}td,th{border:1px solid #000;'
            'padding:2pt 4pt}img{max-width:100%}</style></head><body>' + html + "</body></html>")
    return HTML(string=page, url_fetcher=_data_uris_only).write_pdf()


def _data_uris_only(url: str, timeout: int = 10, ssl_context=None):
    if not url.startswith("data:"):
        raise ValueError("only data: URIs are rendered")
    from weasyprint.urls import default_url_fetcher

    return default_url_fetcher(url, timeout=timeout, ssl_context=ssl_context)


def source_pdf(*, data: bytes, content_type: str) -> bytes:
    """The PDF the marks will refer to: the file itself, or the DOCX converted."""
    if content_type == DOCX_TYPE:
        data = docx_to_pdf(data)
    elif content_type != PDF_TYPE:
        raise UnusableFile("not_pdf_or_docx")
    _open(data).close()
    return data


def plain_text(*, data: bytes, content_type: str) -> str | None:
    """The text of a PDF or DOCX with all white space removed (a CJK line extracted from a PDF
    may carry spaces between characters); None for a kind of file whose text is not read."""
    if content_type == PDF_TYPE:
        with _open(data) as doc:
            text = "".join(page.get_text() for page in doc)
    elif content_type == DOCX_TYPE:
        import docx

        document = docx.Document(io.BytesIO(data))
        cells = (cell.text for table in document.tables for row in table.rows for cell in row.cells)
        text = "".join([*(p.text for p in document.paragraphs), *cells])
    else:
        return None
    return "".join(text.split())


def page_count(pdf: bytes) -> int:
    with _open(pdf) as doc:
        return doc.page_count


def find_text(pdf: bytes, term: str) -> list[Area]:
    """Every place `term` occurs, one area per occurrence part (a hit across a line break gives
    one area per line)."""
    areas = []
    with _open(pdf) as doc:
        for page in doc:
            for rect in page.search_for(term):
                areas.append(Area(page.number, rect.x0, rect.y0, rect.x1, rect.y1))
    return areas


def page_size(pdf: bytes, page: int) -> tuple[float, float]:
    with _open(pdf) as doc:
        rect = doc[page].rect
        return rect.width, rect.height


def render_page(pdf: bytes, page: int, *, marks: Iterable[Area] = (), redacted: bool = False
                ) -> bytes:
    """One page as PNG: the marks outlined in red over a light fill (for marking), or with
    `redacted` the page as it will go out (only this page is redacted, so a preview of one page
    of a long file costs one page)."""
    with _open(pdf) as doc:
        if not 0 <= page < doc.page_count:
            raise IndexError(page)
        target = doc[page]
        for mark in marks:
            if mark.page != page:
                continue
            rect = pymupdf.Rect(mark.x0, mark.y0, mark.x1, mark.y1)
            if redacted:
                target.add_redact_annot(rect, fill=(0, 0, 0), cross_out=False)
            else:
                target.draw_rect(rect, color=(0.8, 0, 0), fill=(1, 0.6, 0.6), fill_opacity=0.45,
                                 width=1.2)
        if redacted:
            _apply_page(target)
        zoom = min(PAGE_IMAGE_WIDTH / target.rect.width, 3.0)
        return target.get_pixmap(matrix=pymupdf.Matrix(zoom, zoom), alpha=False).tobytes("png")


def _apply_page(page: pymupdf.Page) -> None:
    page.apply_redactions(images=pymupdf.PDF_REDACT_IMAGE_PIXELS,
                          graphics=pymupdf.PDF_REDACT_LINE_ART_REMOVE_IF_TOUCHED,
                          text=pymupdf.PDF_REDACT_TEXT_REMOVE)


def apply(pdf: bytes, marks: Iterable[Area]) -> bytes:
    """A new PDF with everything under the marks removed (text, image pixels, drawings),
    filled black, metadata, outline, annotations and embedded files dropped."""
    by_page: dict[int, list[Area]] = {}
    for mark in marks:
        by_page.setdefault(mark.page, []).append(mark)
    with _open(pdf) as doc:
        for page in doc:
            for annot in list(page.annots() or ()):
                page.delete_annot(annot)
            for widget in list(page.widgets() or ()):
                page.delete_widget(widget)
            for mark in by_page.get(page.number, ()):
                page.add_redact_annot(pymupdf.Rect(mark.x0, mark.y0, mark.x1, mark.y1),
                                      fill=(0, 0, 0), cross_out=False)
            if page.number in by_page:
                _apply_page(page)
        # The outline and metadata may repeat what the pages said.
        doc.set_toc([])
        doc.set_metadata({})
        doc.del_xml_metadata()
        for name in doc.embfile_names():
            doc.embfile_del(name)
        return doc.tobytes(garbage=4, deflate=True, clean=True)
