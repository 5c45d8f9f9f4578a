"""Printing a `Report` in the official layout: text, HTML, Word and PDF.

    render_text(report) -> str      render_html(report) -> str (a whole page)
    render_docx(report) -> bytes    render_pdf(report) -> bytes
    render(report, "text"|"html"|"docx"|"pdf") -> str | bytes

All labels come from `template`; every renderer prints every row and column of the format.
"""

from __future__ import annotations

from ..values import Report
from .docx import render_docx
from .html import CSS, render_fragment, render_html
from .pdf import render_pdf
from .text import render_text

FORMATS = ("text", "html", "docx", "pdf")

__all__ = ["CSS", "FORMATS", "render", "render_docx", "render_fragment", "render_html",
           "render_pdf", "render_text"]


def render(report: Report, to: str) -> str | bytes:
    if to == "text":
        return render_text(report)
    if to == "html":
        return render_html(report)
    if to == "docx":
        return render_docx(report)
    if to == "pdf":
        return render_pdf(report)
    raise ValueError(f"未知的输出格式：{to}（可选 {'、'.join(FORMATS)}）")
