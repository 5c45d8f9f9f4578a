"""Resource limits for reading files nobody vouches for, and the checks made before reading.

Pure: no Django (the site builds `Limits` from its settings, see `gongkai.reports.untrusted`).
The limits themselves are enforced by `sandbox.run_limited` (memory, CPU and wall time in a
child process); what can be refused from the file's own structure is refused here, before a
byte is inflated or a page is parsed:

- a zip (DOCX, XLSX) wherever it starts in the file, whose declared sizes, member count or
  compression ratio exceed the limits, and any member that inflates past what it declared;
- a PDF with more pages than the page limit (pages are counted by walking the page tree,
  not by trusting its /Count).

Every refusal is a `LimitExceeded` with a stable `code` and a Chinese message for the user.
"""

from __future__ import annotations

import io
import struct
import zipfile
from contextvars import ContextVar
from dataclasses import dataclass

MB = 1024 * 1024


@dataclass(frozen=True)
class Limits:
    """What one reading of an untrusted file may use. Defaults are those of the settings."""

    memory_mb: int = 512          # address space of the reading process
    cpu_seconds: int = 20
    wall_seconds: int = 30
    max_pages: int = 100          # PDF pages
    max_inflated_mb: int = 50     # bytes inflated from a zip, all members read together
    max_ratio: int = 100          # inflated / compressed size of a zip member
    max_members: int = 5000
    concurrency: int = 2          # readings at once per server process

    @property
    def max_inflated(self) -> int:
        return self.max_inflated_mb * MB


# The limits the readers apply to what a file declares (zip sizes), whoever calls them: the
# defaults everywhere, the caller's own inside a sandboxed reading (`sandbox.run_limited`).
ACTIVE: ContextVar[Limits] = ContextVar("reportformat_limits", default=Limits())  # noqa: B039 - frozen


class LimitExceeded(Exception):
    """A file refused, or a reading stopped, because it would exceed a limit."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message

    def __reduce__(self):  # noqa: ANN204 - pickled back from the reading process
        return (LimitExceeded, (self.code, self.message))


def zip_bomb(limits: Limits) -> LimitExceeded:
    return LimitExceeded(
        "zip_bomb",
        f"文件解压后超过 {limits.max_inflated_mb} MB 或压缩比异常（疑似压缩炸弹），已拒绝读取。",
    )


def memory_exceeded(limits: Limits) -> LimitExceeded:
    return LimitExceeded(
        "memory_limit",
        f"读取该文件需要的内存超过上限（{limits.memory_mb} MB），已停止读取。"
        "请确认上传的是年度报告本身，或另存为较小的 PDF、Word 或文本文件后再试。",
    )


def time_exceeded(limits: Limits) -> LimitExceeded:
    return LimitExceeded(
        "time_limit",
        f"读取该文件的时间超过上限（{limits.wall_seconds} 秒），已停止读取。"
        "请确认上传的是年度报告本身，或另存为较小的 PDF、Word 或文本文件后再试。",
    )


def too_many_pages(pages: int, limits: Limits) -> LimitExceeded:
    return LimitExceeded(
        "too_many_pages",
        f"PDF 文件超过 {limits.max_pages} 页（至少 {pages} 页），超出可检查的上限。"
        "年度报告通常只有十几页，请只上传报告本身。",
    )


_EOCD = struct.Struct("<4s4H2LH")  # the end of central directory record


def contains_zip(data: bytes) -> bool:
    """Whether `data` holds a zip archive, wherever it starts. zipfile finds an archive by its
    end record, so a prefix of any kind (a ".txt" that starts with text) does not hide it; this
    looks for that record and the central directory it points to, reading nothing else (a
    directory of a million entries costs nothing here)."""
    tail_start = max(0, len(data) - (65535 + _EOCD.size))
    at = data.rfind(b"PK\x05\x06", tail_start)
    while at >= 0:
        if at + _EOCD.size <= len(data):
            _sig, _disk, _cd_disk, _here, entries, size, _offset, _comment = _EOCD.unpack_from(data, at)
            if data[at - 20:at - 16] == b"PK\x06\x07":  # zip64: the sizes are in another record
                return True
            if entries and size <= at and data[at - size:at - size + 4] == b"PK\x01\x02":
                return True
        at = data.rfind(b"PK\x05\x06", tail_start, at)
    return False


def open_zip(data: bytes, limits: Limits) -> zipfile.ZipFile:
    """The archive in `data`, after checking what its directory declares; LimitExceeded when
    the declared sizes or ratios are beyond the limits (nothing has been inflated yet)."""
    archive = zipfile.ZipFile(io.BytesIO(data))
    members = archive.infolist()
    if len(members) > limits.max_members:
        raise LimitExceeded("zip_members", f"压缩文件包含的条目过多（超过 {limits.max_members} 个），已拒绝读取。")
    total = 0
    for member in members:
        total += member.file_size
        if member.file_size > MB and member.file_size > limits.max_ratio * max(member.compress_size, 1):
            raise zip_bomb(limits)
    if total > limits.max_inflated:
        raise zip_bomb(limits)
    return archive


def read_member(archive: zipfile.ZipFile, name: str, limits: Limits) -> bytes:
    """One member, inflated in chunks and stopped as soon as it passes what it declared or the
    limit (a member whose header lies about its size is refused, not inflated)."""
    info = archive.getinfo(name)
    cap = min(info.file_size, limits.max_inflated)
    if info.file_size > limits.max_inflated:
        raise zip_bomb(limits)
    out = bytearray()
    with archive.open(info) as member:
        while True:
            chunk = member.read(256 * 1024)
            if not chunk:
                break
            out += chunk
            if len(out) > cap:
                raise zip_bomb(limits)
    return bytes(out)


def count_pdf_pages(data: bytes, stop_after: int) -> int:
    """Pages of a PDF by walking its page tree (stopping after `stop_after`); parsing no page."""
    from pdfminer.pdfdocument import PDFDocument
    from pdfminer.pdfpage import PDFPage
    from pdfminer.pdfparser import PDFParser

    document = PDFDocument(PDFParser(io.BytesIO(data)))
    pages = 0
    for _page in PDFPage.create_pages(document):
        pages += 1
        if pages > stop_after:
            break
    return pages


def check_pdf_pages(data: bytes, limits: Limits) -> None:
    try:
        pages = count_pdf_pages(data, limits.max_pages)
    except LimitExceeded:
        raise
    except Exception:  # noqa: BLE001 - a damaged PDF is the reader's to report
        return
    if pages > limits.max_pages:
        raise too_many_pages(pages, limits)


def near_memory_cap(limits: Limits, margin_mb: int = 48) -> bool:
    """Whether this process's peak address space came within `margin_mb` of the memory limit
    (Linux; False where /proc is not available)."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmPeak:"):
                    return int(line.split()[1]) // 1024 >= limits.memory_mb - margin_mb
    except (OSError, ValueError):
        pass
    return False
