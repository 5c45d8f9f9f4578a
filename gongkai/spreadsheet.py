"""Spreadsheets in and out: reading an uploaded CSV or XLSX table (`read_table`), and cells for
exports that spreadsheet programs open as text, never as formulas (`safe_cell`).

Reading: the figures import and the 权责清单 import share one reader with the same limits.

Writing:

Applicants and staff type the text the exports carry (names, titles, reasons). A cell that
begins with = + - @ (or a tab or carriage return before one) is run by Excel and WPS as a
formula: `=HYPERLINK(...)` can send the row to another site, `=cmd|...` can start a program.
Such strings get a leading apostrophe, which the spreadsheet shows as text (OWASP "CSV
injection"). Numbers and dates pass unchanged.
"""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Iterable

from gongkai.reportformat.limits import Limits, open_zip
from gongkai.reportformat.sandbox import run_limited

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: object) -> object:
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def safe_row(values: Iterable[object]) -> list[object]:
    return [safe_cell(value) for value in values]


def read_table(filename: str, content: bytes, *, max_bytes: int, max_lines: int,
               limits: Limits | None = None) -> list[tuple[int, list[object]]]:
    """(line number, cells) of the lines of a CSV or XLSX file (blank XLSX rows left out).
    Raises ValueError in Chinese. An XLSX is untrusted input: it is read in a sandboxed child
    process within `limits` (memory, time, inflation: `gongkai.reportformat.limits`)."""
    if len(content) > max_bytes:
        raise ValueError(f"文件超过 {max_bytes // (1024 * 1024)} MB，请拆分后导入")
    name = filename.lower()
    if name.endswith(".xlsx"):
        limits = limits or Limits()
        run = run_limited(_read_xlsx, content, max_lines, limits, limits=limits)
        if not run.ok:
            raise ValueError(run.failure.message)
        if isinstance(run.value, str):
            raise ValueError(run.value)
        return run.value
    if name.endswith((".csv", ".txt")):
        return _read_csv(content)
    raise ValueError("只能导入 CSV（.csv）或 Excel（.xlsx）文件")


def blank(cells: list[object]) -> bool:
    return all(c is None or str(c).strip() == "" for c in cells)


def _read_csv(content: bytes) -> list[tuple[int, list[object]]]:
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = content.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:  # pragma: no cover - gb18030 decodes any byte string
        raise ValueError("无法识别文件编码，请另存为 UTF-8 编码的 CSV")
    reader = csv.reader(io.StringIO(text, newline=""))
    lines = []
    try:
        for cells in reader:
            lines.append((reader.line_num, list(cells)))
    except csv.Error as exc:
        raise ValueError(f"第{reader.line_num}行：CSV 格式错误（{exc}）") from exc
    return lines


def _read_xlsx(content: bytes, max_lines: int,
               limits: Limits) -> list[tuple[int, list[object]]] | str:
    """The lines of the first sheet, or a Chinese message; runs in the sandbox's child."""
    from openpyxl import load_workbook

    # A 2 MB zip can expand to gigabytes of sheet XML, and zipfile finds a zip behind any
    # prefix: the declared sizes are checked wherever the archive starts, before inflating.
    try:
        open_zip(content, limits).close()
    except (zipfile.BadZipFile, ValueError, OSError, EOFError):
        return "无法读取该 Excel 文件，请确认是 .xlsx 格式"
    try:
        book = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except MemoryError:
        raise
    except Exception:  # openpyxl raises many kinds for a damaged file
        return "无法读取该 Excel 文件，请确认是 .xlsx 格式"
    try:
        lines = []
        for number, row in enumerate(book.worksheets[0].iter_rows(values_only=True), start=1):
            cells = list(row)
            if not blank(cells):
                lines.append((number, cells))
            # A line past the limit is enough for the caller to say the file is too long.
            if len(lines) > max_lines + 1:
                break
        return lines
    finally:
        book.close()
