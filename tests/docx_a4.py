"""Shared assertion: a Word file the platform wrote is laid out as an official document
(GB/T 9704: A4, margins 上37/下35/左28/右26 mm, page numbers “— N —” in the footers)."""

from __future__ import annotations

import io


def assert_official_a4(data: bytes) -> None:
    from docx import Document

    document = Document(io.BytesIO(data))
    assert document.settings.odd_and_even_pages_header_footer is True
    for section in document.sections:
        # Twips, as Word stores them: A4 is 11906 × 16838 (US Letter is 12240 × 15840).
        assert (section.page_width.twips, section.page_height.twips) == (11906, 16838)
        margins = (section.top_margin, section.bottom_margin, section.left_margin, section.right_margin)
        assert tuple(round(m.mm) for m in margins) == (37, 35, 28, 26)
        for footer in (section.footer, section.even_page_footer):
            xml = footer._element.xml
            assert 'w:instr="PAGE"' in xml and "— " in xml and " —" in xml
    body = document.element.body.xml
    assert "仿宋_GB2312" in body and "方正小标宋简体" in body
