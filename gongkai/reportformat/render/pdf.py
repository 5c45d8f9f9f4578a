"""PDF through WeasyPrint from the HTML rendering; the CSS names the CJK font
("WenQuanYi Micro Hei", Debian package fonts-wqy-microhei, installed by `make`)."""

from __future__ import annotations

from ..values import Report
from .html import render_html


def render_pdf(report: Report) -> bytes:
    import logging

    from weasyprint import HTML  # imported here: WeasyPrint is slow to import

    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    logging.getLogger("fontTools").setLevel(logging.ERROR)
    return HTML(string=render_html(report)).write_pdf()
