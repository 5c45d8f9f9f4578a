"""Reading reports written elsewhere: text, HTML, PDF and Word, into a `Report` and findings.

    parse_file(path) -> ParseResult          # by extension, then by content
    parse_bytes(data, name="") -> ParseResult
    parse_text(str) / parse_html(str|bytes) / parse_docx(bytes|path) / parse_pdf(bytes|path)

Every function returns a `ParseResult` (the report, findings P-1/P-2/P-3 about the reading)
and never raises. Validate the report with `validate.validate` for the format's rules.
"""

from __future__ import annotations

from pathlib import Path

from ..limits import contains_zip
from .core import ParseResult, failed
from .docx import parse_docx
from .html import parse_html
from .pdf import parse_pdf
from .text import decode, parse_text

__all__ = ["ParseResult", "parse_file", "parse_bytes", "parse_text", "parse_html", "parse_docx",
           "parse_pdf", "sniff_format"]


_PDF_PREFIX_MAX = 1024  # PDF readers accept the header anywhere in the first kilobyte


def sniff_format(data: bytes, name: str = "") -> str:
    """"text", "html", "docx" or "pdf": by the content wherever it starts, then the extension.

    A zip is found by its end record (a ".txt" that starts with text and carries a zip after
    it is read as what it is, with the zip limits), a PDF by its header in the first kilobyte.
    """
    suffix = Path(name).suffix.lower()
    if b"%PDF-" in data[:_PDF_PREFIX_MAX]:
        return "pdf"
    if data.startswith(b"PK\x03\x04") or contains_zip(data):
        return "docx"
    if suffix in (".html", ".htm", ".xhtml", ".shtml"):
        return "html"
    if suffix == ".pdf":
        return "pdf"
    if suffix == ".docx":
        return "docx"
    head = data[:2048].lstrip().lower()
    if head.startswith((b"<!doctype html", b"<html", b"<?xml")) or b"<table" in head or b"<body" in head:
        return "html"
    return "text"


_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # .doc, .wps, .xls: the old binary formats


def parse_bytes(data: bytes, name: str = "") -> ParseResult:
    if data.startswith(_OLE):
        return failed("docx", "旧版 Word/WPS 文件（.doc、.wps）无法直接读取，请另存为 .docx 或 PDF 后再检查",
                      name)
    kind = sniff_format(data, name)
    if kind == "pdf":
        result = parse_pdf(data)
    elif kind == "docx":
        result = parse_docx(data)
    elif kind == "html":
        result = parse_html(data)
    else:
        result = parse_text(decode(data))
    result.path = name
    return result


def parse_file(path: str | Path) -> ParseResult:
    """Parse the report in `path`. Never raises: an unreadable file is a P-2 finding."""
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        return failed("text", f"无法打开文件：{exc.strerror or exc}", str(path))
    return parse_bytes(data, str(path))
