"""Hostile report files, generated (small on disk, huge once read), as an outside test sent them.

Each builder returns bytes; the sizes are parameters so that the suite can use files that are
hostile enough to break an unguarded reader yet cheap to build. The defaults are the sizes
of issue 14 item 2 (used for the before/after figures in `measure.py`).
"""

from __future__ import annotations

import io
import random
import zipfile

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.wordprocessingml.document.main+xml"/></Types>'
)
_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="word/document.xml"/></Relationships>'
)
_HEAD = f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{_W}"><w:body>'.encode()
_TAIL = b"</w:body></w:document>"
MB = 1024 * 1024


def _docx(chunks, *, level: int = 6) -> bytes:
    """A DOCX whose word/document.xml is `_HEAD`, the chunks, `_TAIL`, written streaming."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=level) as archive:
        archive.writestr("[Content_Types].xml", _CONTENT_TYPES)
        archive.writestr("_rels/.rels", _RELS)
        with archive.open("word/document.xml", "w", force_zip64=True) as member:
            member.write(_HEAD)
            for chunk in chunks:
                member.write(chunk)
            member.write(_TAIL)
    return buffer.getvalue()


def _repeat(chunk: bytes, total: int):
    for _ in range(max(1, total // len(chunk))):
        yield chunk


def bomb_docx(inflated: int = 630 * MB) -> bytes:
    """A DOCX of ~1 MB whose document.xml inflates to `inflated` bytes of paragraphs."""
    paragraph = "<w:p><w:r><w:t>一、总体情况 本机关主动公开政府信息</w:t></w:r></w:p>".encode()
    return _docx(_repeat(paragraph * 1000, inflated), level=9)


def prefixed_zip_txt(inflated: int = 630 * MB, padding: int = 1 * MB) -> bytes:
    """`PK\\x03\\x04`, padding, then a zip bomb: sent as a `.txt` (zipfile tolerates prefixes)."""
    return b"PK\x03\x04" + b" " * padding + bomb_docx(inflated)


def prefixed_zip(prefix: bytes = b"%%%% not a zip %%%%\n" * 50, inflated: int = 630 * MB) -> bytes:
    """A zip bomb behind a prefix that does not start with PK at all."""
    return prefix + bomb_docx(inflated)


def high_ratio_docx(inflated: int = 180 * MB) -> bytes:
    """A DOCX with a compression ratio near 10 (passes a ratio-100 zip check), whose
    document.xml is `inflated` bytes of small table rows: gigabytes once parsed into a tree."""
    rng = random.Random(14)
    rows = []
    for _ in range(3000):
        cells = "".join(f"<w:tc><w:p><w:r><w:t>{rng.randrange(10**6)}</w:t></w:r></w:p></w:tc>"
                        for _ in range(8))
        rows.append(f"<w:tbl><w:tr>{cells}</w:tr></w:tbl>")
    chunk = "".join(rows).encode()
    return _docx(_repeat(chunk, inflated), level=1)


def deep_docx(depth: int = 200_000) -> bytes:
    """Content controls nested `depth` deep (the reader recurses into each)."""
    opening = b"<w:sdt><w:sdtContent>" * depth
    closing = b"</w:sdtContent></w:sdt>" * depth
    return _docx([opening, b"<w:p><w:r><w:t>x</w:t></w:r></w:p>", closing])


def wide_docx(cells: int = 2_000_000) -> bytes:
    """One table row with millions of cells."""
    cell = b"<w:tc><w:p><w:r><w:t>1</w:t></w:r></w:p></w:tc>"
    return _docx([b"<w:tbl><w:tr>", *_repeat(cell * 1000, cells * len(cell)), b"</w:tr></w:tbl>"])


def deep_html(depth: int = 500_000) -> bytes:
    return b"<html><body>" + b"<div>" * depth + "一、总体情况".encode() + b"</div>" * depth


def wide_html(cells: int = 2_000_000) -> bytes:
    return b"<html><body><table><tr>" + b"<td>1</td>" * cells + b"</tr></table></body></html>"


def many_page_pdf(pages: int = 500) -> bytes:
    """A PDF of `pages` pages, each with 40 lines of text and a ruled 10 x 12 grid."""
    lines = []
    for row in range(40):
        lines.append(f"BT /F1 9 Tf 50 {780 - row * 18} Td (Row {row} 1 2 3 4 5 6 7 8 9 10) Tj ET")
    for i in range(13):
        lines.append(f"50 {300 + i * 30} m 550 {300 + i * 30} l S")
    for i in range(11):
        lines.append(f"{50 + i * 50} 300 m {50 + i * 50} 660 l S")
    stream = "\n".join(lines).encode()
    objects: list[bytes] = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"",  # the page tree, filled in below
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
    ]
    kids = []
    for _ in range(pages):
        objects.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
                       b"/Resources << /Font << /F1 3 0 R >> >> /Contents 4 0 R >>")
        kids.append(f"{len(objects)} 0 R")
    objects[1] = f"<< /Type /Pages /Kids [{' '.join(kids)}] /Count {pages} >>".encode()
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def prefixed_xlsx(inflated: int = 400 * MB) -> bytes:
    """An XLSX behind a non-zip prefix whose shared strings inflate to `inflated` bytes."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("[Content_Types].xml", (
            '<?xml version="1.0" encoding="UTF-8"?>'
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-'
            'officedocument.spreadsheetml.sheet.main+xml"/>'
            '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.'
            'openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
            '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.'
            'openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>'))
        archive.writestr("_rels/.rels", (
            '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.'
            'openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" '
            'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
            'officeDocument" Target="xl/workbook.xml"/></Relationships>'))
        archive.writestr("xl/workbook.xml", (
            '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.'
            'org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/'
            'officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" '
            'r:id="rId1"/></sheets></workbook>'))
        archive.writestr("xl/_rels/workbook.xml.rels", (
            '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.'
            'openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" '
            'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" '
            'Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.'
            'openxmlformats.org/officeDocument/2006/relationships/sharedStrings" '
            'Target="sharedStrings.xml"/></Relationships>'))
        archive.writestr("xl/worksheets/sheet1.xml", (
            '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.'
            'openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="s">'
            '<v>0</v></c></row></sheetData></worksheet>'))
        with archive.open("xl/sharedStrings.xml", "w", force_zip64=True) as member:
            member.write(b'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.'
                         b'openxmlformats.org/spreadsheetml/2006/main">')
            for chunk in _repeat(b"<si><t>a</t></si>" * 10000, inflated):
                member.write(chunk)
            member.write(b"</sst>")
    return b"MZ-not-a-zip-prefix\n" * 20 + buffer.getvalue()
