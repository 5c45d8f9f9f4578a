"""What an uploaded attachment really is: type by content, name cleaned, zip bombs refused.

Pure: no ORM, no settings. `inspect_upload()` is the single gate every attachment passes
before it is stored; it raises ValidationError with a code the tests assert on.
"""

from __future__ import annotations

import hashlib
import io
import re
import unicodedata
import zipfile
import zlib
from dataclasses import dataclass

import filetype
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

PDF, DOCX, XLSX, PNG, JPEG, GIF, OFD = "pdf", "docx", "xlsx", "png", "jpeg", "gif", "ofd"

# kind → (extensions the name may carry, Content-Type served)
KINDS: dict[str, tuple[tuple[str, ...], str]] = {
    PDF: ((".pdf",), "application/pdf"),
    DOCX: ((".docx",), "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    XLSX: ((".xlsx",), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    PNG: ((".png",), "image/png"),
    JPEG: ((".jpg", ".jpeg"), "image/jpeg"),
    GIF: ((".gif",), "image/gif"),
    OFD: ((".ofd",), "application/ofd"),
}
_BY_MIME = {"application/pdf": PDF, "image/png": PNG, "image/jpeg": JPEG, "image/gif": GIF}

# Zip containers (DOCX, XLSX, OFD): limits that a real office file never reaches.
ZIP_MAX_TOTAL = 200 * 1024 * 1024   # uncompressed bytes in all members
ZIP_MAX_RATIO = 100                  # uncompressed / compressed, per member and in total
ZIP_MAX_MEMBERS = 5000
_CONTENT_TYPES_MAX = 1024 * 1024
_OOXML_MAIN = {
    DOCX: ("word/document.xml", b"wordprocessingml.document.main+xml"),
    XLSX: ("xl/workbook.xml", b"spreadsheetml.sheet.main+xml"),
}

_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
_SPACES = re.compile(r"\s+")
NAME_MAX = 150


@dataclass(frozen=True)
class Inspected:
    kind: str
    name: str
    size: int
    sha256: str

    @property
    def content_type(self) -> str:
        return KINDS[self.kind][1]


def clean_filename(name: str) -> str:
    """The uploaded name without directories, control or format characters, or leading dots."""
    name = unicodedata.normalize("NFC", name or "")
    name = name.replace("\\", "/").split("/")[-1]
    name = "".join(ch for ch in name if unicodedata.category(ch) not in {"Cc", "Cf", "Cs", "Co"})
    name = _CONTROL.sub("", name)
    name = _SPACES.sub(" ", name).lstrip(". ").rstrip()
    for bad in '<>:"|?*':
        name = name.replace(bad, "_")
    if len(name) > NAME_MAX:
        stem, dot, ext = name.rpartition(".")
        if dot and len(ext) <= 10:
            name = stem[: NAME_MAX - len(ext) - 1] + "." + ext
        else:
            name = name[:NAME_MAX]
    return name.rstrip()


def _extension(name: str) -> str:
    stem, dot, ext = name.rpartition(".")
    return f".{ext.lower()}" if dot and stem else ""


def _zip_kind(data: bytes) -> str:
    """DOCX, XLSX or OFD by their parts; refuse archives that expand too far."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = archive.infolist()
    except (zipfile.BadZipFile, ValueError, OSError):
        raise ValidationError(_("文件已损坏，无法读取。"), code="corrupt_file") from None
    if len(members) > ZIP_MAX_MEMBERS:
        raise ValidationError(_("压缩文件包含的条目过多。"), code="zip_bomb")
    total = 0
    for member in members:
        total += member.file_size
        if member.file_size > ZIP_MAX_RATIO * max(member.compress_size, 1) and member.file_size > 1024 * 1024:
            raise ValidationError(_("文件解压后体积异常（疑似压缩炸弹），已拒绝。"), code="zip_bomb")
    if total > ZIP_MAX_TOTAL or (total > 1024 * 1024 and total > ZIP_MAX_RATIO * len(data)):
        raise ValidationError(_("文件解压后体积异常（疑似压缩炸弹），已拒绝。"), code="zip_bomb")
    # The checks above trust the declared sizes. Reading every member (zipfile stops at the
    # declared size, so at most ZIP_MAX_TOTAL bytes, in chunks) proves them: a member that
    # inflates past its declared size fails its CRC.
    try:
        damaged = archive.testzip()
    except (zipfile.BadZipFile, ValueError, OSError, EOFError, zlib.error, NotImplementedError):
        damaged = "?"
    if damaged is not None:
        raise ValidationError(_("文件已损坏或大小信息不实（疑似压缩炸弹），已拒绝。"), code="zip_bomb")
    names = {member.filename for member in members}
    if "OFD.xml" in names:
        return OFD
    if "[Content_Types].xml" in names:
        info = archive.getinfo("[Content_Types].xml")
        if info.file_size > _CONTENT_TYPES_MAX:
            raise ValidationError(_("文件结构不符合规范。"), code="bad_structure")
        content_types = archive.read(info)
        for kind, (part, main_type) in _OOXML_MAIN.items():
            if part in names and main_type in content_types:
                return kind
    raise ValidationError(
        _("不支持的压缩文件：只接受 Word（.docx）、Excel（.xlsx）和 OFD 文件。"), code="unsupported_type"
    )


def detect_kind(data: bytes) -> str:
    """The attachment kind by content, or ValidationError(code="unsupported_type")."""
    if data[:4] == b"PK\x03\x04":
        return _zip_kind(data)
    guess = filetype.guess(data[:8192])
    kind = _BY_MIME.get(guess.mime) if guess else None
    if kind is None:
        raise ValidationError(
            _("不支持的文件类型：只接受 PDF、Word（.docx）、Excel（.xlsx）、PNG、JPEG、GIF 和 OFD 文件。"),
            code="unsupported_type",
        )
    return kind


def too_large(max_bytes: int) -> ValidationError:
    return ValidationError(
        _("文件过大：最大允许 %(limit)s。"), code="file_too_large",
        params={"limit": filesizeformat(max_bytes)},
    )


def inspect_upload(*, name: str, data: bytes, max_bytes: int) -> Inspected:
    """Check an upload and say what it is. The extension must agree with the content."""
    size = len(data)
    if size == 0:
        raise ValidationError(_("文件是空的。"), code="empty_file")
    if size > max_bytes:
        raise too_large(max_bytes)
    clean = clean_filename(name)
    kind = detect_kind(data)
    extensions = KINDS[kind][0]
    extension = _extension(clean)
    if not extension:
        clean = f"{clean or '附件'}{extensions[0]}"
    elif extension not in extensions:
        raise ValidationError(
            _("文件扩展名“%(ext)s”与文件内容（%(kind)s）不一致。"), code="extension_mismatch",
            params={"ext": extension, "kind": kind.upper()},
        )
    return Inspected(kind=kind, name=clean, size=size, sha256=hashlib.sha256(data).hexdigest())


def read_upload(upload, *, max_bytes: int) -> tuple[bytes, Inspected]:
    """Read an uploaded file (refused by its declared size before a byte is read) and inspect it."""
    if getattr(upload, "size", None) is not None and upload.size > max_bytes:
        raise too_large(max_bytes)
    data = upload.read(max_bytes + 1)
    return data, inspect_upload(name=getattr(upload, "name", ""), data=data, max_bytes=max_bytes)
