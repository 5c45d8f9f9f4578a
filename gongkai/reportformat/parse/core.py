"""Placing what a file says into a `Report`, by labels: the core every reader shares.

The readers (text, HTML, DOCX, PDF) turn a file into `Block`s; `place` walks them once:

- a section heading starts a section (narrative text is collected with its line numbers);
- a 第二十条第（X）项 caption, a header line or a row label sets the table being read, so a
  table is recognised even where its section heading or its caption is lost;
- a row is found by its label (numbering, group headings, spacing and bracket width ignored)
  and takes the numbers after it, continued on the next lines when a row is broken across
  lines or pages ("- 4 -" lines are skipped); columns follow the header order where a header
  gives one;
- whatever cannot be placed becomes a P-1 finding with its line number.

Copies are damaged in ways the corpus of published reports shows (tests/fixtures/corpus/), and
the reader recovers what it can and says what it could not, as reading notices (never errors):

- a page run together on one line is cut into its parts (`runs.segment`), a row's run-together
  digits are split when only one split fits the format's sums (`runs.splits`, `split_runs`);
- empty cells between a label and its numbers are the label's merged cells, not values;
- numbers printed above a wrapped label are kept for it; a table whose labels drifted away
  from their numbers is read by position when every label left beside its numbers agrees
  (`read_by_position`);
- a row, cell or table that cannot be read is marked in `Report.unread`, and the rules skip it.

`place` never raises: any bug shows up as a P-2 finding instead of a crash.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache

from .. import template
from ..validate import Finding, Severity, table_name
from ..values import Report, guess_agency_level
from .blocks import Block, is_page_number, split_label
from .detect import detect_format, format_2019_markers
from .labels import (
    ITEM_BY_NUMERAL,
    RowKey,
    continues,
    header_labels,
    is_heading_fragment,
    is_table3_note,
    label_starts,
    match_item_title,
    match_row,
    match_section,
    normalise,
    numbering_agrees,
    row_core,
    without_fragments,
)
from .numbers import parse_number
from .runs import (
    drop_chars,
    is_digit_run,
    needs_segmenting,
    segment,
    split_header,
    splits,
    sum_groups,
)

IGNORE = "ignore"  # reading a table the 2021 format does not have (2019 format)
SUBTOTAL = "subtotal"  # a homemade 法人或其他组织 subtotal column, skipped
_SUBTOTAL_LABEL = "小计"
_ITEM_CODES = tuple(table.code for table in template.ITEM_TABLES)
_ROW_TABLES = (*_ITEM_CODES, template.TABLE3.code)
_NOTE_MAX = 80  # the note of table 三, with a header label or two beside it
_SECTION_TABLE = {"三": template.TABLE3.code, "四": template.TABLE4.code}
_TABLE4_ROW_WORDS = {"案件数量", "数量", "件数", "案件数", "数据"}


@dataclass
class ParseResult:
    """What a reader recovered from one file: the report and the findings about reading it."""

    report: Report
    findings: list[Finding] = field(default_factory=list)
    source_format: str = "text"
    path: str = ""

    def to_dict(self) -> dict[str, object]:
        return {
            "path": self.path,
            "source_format": self.source_format,
            "report": self.report.to_dict(),
            "findings": [f.to_dict() for f in self.findings],
        }


def failed(source_format: str, message: str, path: str = "") -> ParseResult:
    report = Report()
    finding = Finding("P-2", Severity.ERROR, message, code="unreadable")
    return ParseResult(report, [finding], source_format, path)


def place(blocks: Iterable[Block], source_format: str = "text") -> ParseResult:
    """Read blocks into a report. Never raises."""
    blocks = list(_segmented(blocks))
    try:
        placer = _Placer(blocks, source_format)
        placer.run()
        return ParseResult(placer.report, placer.findings, source_format)
    except Exception as exc:  # the contract is "never raises"; report the bug as a finding
        return failed(source_format, f"解析时出现内部错误（{type(exc).__name__}），请报告此文件")


def _segmented(blocks: Iterable[Block]) -> Iterable[Block]:
    """Blocks, with a line that holds a whole run-together report cut into its parts."""
    for block in blocks:
        if len(block.cells) <= 2 and needs_segmenting(block.joined):
            for cells in segment(block.joined):
                yield Block(cells, block.line, block.table_row)
        else:
            yield block


@dataclass
class _Run:
    """A row whose cells ran together: its digit strings, split once the whole table is read."""

    key: RowKey
    pieces: list[str]
    line: int
    label: str


@dataclass
class _Pending:
    key: RowKey
    label: str
    line: int
    expected: int
    values: list[str] = field(default_factory=list)

    @property
    def complete(self) -> bool:
        return len(self.values) >= self.expected

    def add(self, values: list[str]) -> None:
        values = list(values)
        room = self.expected - len(self.values)
        if len(values) > room:
            # Blanks between the label and the first number are the label's merged cells (a
            # tab-separated copy keeps them); trailing blanks are merged cells too. Neither is
            # a value.
            while len(values) > room and values and not values[0].strip():
                values.pop(0)
            while len(values) > room and values and not values[-1].strip():
                values.pop()
        elif len(values) < room:
            # A broken row: trailing blanks are where the line ended, not zeros.
            while values and not values[-1].strip():
                values.pop()
        self.values.extend(values)


class _Placer:
    def __init__(self, blocks: list[Block], source_format: str) -> None:
        self.blocks = blocks
        self.source_format = source_format
        self.report = Report()
        self.findings: list[Finding] = []
        self.section: str | None = None
        self.table: str | None = None
        self.pending: _Pending | None = None
        self.texts: dict[str, list[tuple[int, str]]] = {}
        self.preamble: list[tuple[int, str]] = []
        self.headers: dict[str, list[str]] = {}
        self.header_lines: dict[str, list[list[str]]] = {}
        self.orders: dict[str, list[str]] = {}  # column order per table, once headers are read
        self.subtotal_reported = False
        self.transposed_reported = False
        self.rows_seen: set[str] = set()  # tables with at least one row read
        self.last_row: list | None = None  # [RowKey, label] of the row read last
        self.header_text: dict[str, str] = {}  # broken header lines before a table's first row
        self.runs: dict[str, list[_Run]] = {}  # rows whose digits ran together, per table
        self.orphan: tuple[Block, list[str]] | None = None  # numbers printed above their label
        self.six_group: int | None = None  # line of a "（六）其他处理" row read as "3.其他"
        # Lines of table 三 with a row's worth of numbers: (line, values, row the label names).
        self.data_lines: list[tuple[int, list[str], str | None]] = []
        all_text = "\n".join(b.joined for b in blocks)
        self.format = detect_format(all_text)
        self.markers = format_2019_markers(all_text) if self.format == template.FORMAT_2019 else []

    # --- driver ------------------------------------------------------------------------------

    def run(self) -> None:
        for block in self.blocks:
            self.feed(block)
        self.finish()

    def feed(self, block: Block) -> None:
        text = block.text
        if not text or is_page_number(block.joined):
            self.add_text(block.line, "")
            return
        if len(text) <= 60:
            code = match_section(block.joined)
            if code is not None:
                self.start_section(code, block)
                return
        in_narrative = self.section is None or template.SECTIONS_BY_CODE[self.section].narrative
        if in_narrative and (self.table is None or self.table == IGNORE):
            if not self.looks_like_table(block):
                self.table = None
                self.add_text(block.line, block.joined)
                return
        elif in_narrative and not self.looks_like_table(block) and self.pending is None:
            self.flush()
            self.table = None
            self.add_text(block.line, block.joined)
            return
        self.table_line(block)

    def add_text(self, line: int, text: str) -> None:
        if self.section is None:
            self.preamble.append((line, text))
        else:
            self.texts.setdefault(self.section, []).append((line, text))

    def start_section(self, code: str, block: Block) -> None:
        self.flush()
        self.drop_orphan()
        self.table = None
        self.section = code
        if code in self.report.headings:
            self.unplaced(block, f"第{code}部分标题重复出现：“{block.joined}”", Severity.WARNING)
            return
        self.report.headings[code] = block.joined
        self.report.source_lines[f"section/{code}"] = block.line
        self.texts.setdefault(code, [])

    # --- recognising table lines -------------------------------------------------------------

    def header_table(self, block: Block) -> str | None:
        """The table a header line belongs to, or None when the line is not a header."""
        labels = header_labels()
        cells = _header_cells(block)
        if not cells:
            return None
        known = [c for c in cells if c in labels]
        if len(known) < max(1, (len(cells) + 1) // 2):
            return None
        if any(parse_number(c) is not None for c in cells if c not in labels):
            return None
        votes: dict[str, int] = {}
        for cell in known:
            for table in labels[cell]:
                votes[table] = votes.get(table, 0) + 1
        best = max(votes.values())
        candidates = [tbl for tbl, n in votes.items() if n == best]
        if self.table in candidates:
            return self.table
        if len(known) == 1 and self.table not in (None, IGNORE) and known[0] in ("总计", "其他"):
            return self.table
        for preferred in (template.TABLE4.code, template.TABLE3.code, *_ITEM_CODES):
            if preferred in candidates:
                return preferred
        return None

    def looks_like_table(self, block: Block) -> bool:
        text = block.text
        if len(text) < 40 and match_item_title(text):
            return True
        if is_table3_note(text) and len(text) < _NOTE_MAX:
            return True
        if len([c for c in block.cells if c.strip()]) >= 2 and self.header_table(block):
            return True
        label, values = split_label(block.cells)
        numbers = [v for v in values if v.strip()]
        if not label:
            return len(numbers) >= 5
        if not numbers:
            return False
        core, grouped = row_core(label)
        return grouped or match_row(core) is not None

    def table_line(self, block: Block) -> None:
        self.note_data_line(block)
        text = block.text
        numeral = match_item_title(text) if len(text) < 40 else None
        if numeral:
            self.start_item(numeral, block)
            return
        if is_table3_note(text) and len(text) < _NOTE_MAX:
            self.switch(template.TABLE3.code, block)
            self.orders.pop(template.TABLE3.code, None)
            labels = header_labels()
            self.headers.setdefault(template.TABLE3.code, []).extend(
                c.strip() for c in block.cells if normalise(c) in labels
            )
            self.header_lines.setdefault(template.TABLE3.code, []).append(
                [normalise(c) for c in block.cells if normalise(c) in labels]
            )
            self.header_text[template.TABLE3.code] = self.header_text.get(template.TABLE3.code, "") + normalise(text)
            return
        header = self.header_table(block)
        if header in _ITEM_CODES and self.table == IGNORE:
            return  # the header of a table in the 2019 format
        if header is not None:
            if header != self.table:
                self.switch(header, block)
            self.orders.pop(header, None)
            self.headers.setdefault(header, []).extend(_header_cells(block))
            self.header_lines.setdefault(header, []).append(_header_cells(block))
            return
        if self.format == template.FORMAT_2019 and format_2019_markers(text):
            return  # a header of the old format's tables; P-3 says so
        label, values = split_label(block.cells)
        if label:
            self.labelled_line(block, label, values)
        else:
            self.numbers_line(block, values)

    def infer_section_five(self) -> None:
        """Section 五 written without its heading ("（一）主要问题 …" right after the table of
        section 四): recognised by its words, with a warning instead of "missing"."""
        if "五" in self.report.headings or "四" not in self.report.headings:
            return
        after = self.report.source_lines.get(f"row/{template.TABLE4.code}/cases", 0)
        lines = self.texts.get("四", [])
        tail = [(n, text) for n, text in lines if n > after]
        words = template.SECTION_CONTENT_WORDS["五"]
        start = next((i for i, (_, text) in enumerate(tail) if any(w in text for w in words)), None)
        if start is None:
            return
        moved = tail[start:]
        self.texts["四"] = [x for x in lines if x not in moved]
        self.texts["五"] = moved
        line, first = moved[0]
        self.report.headings["五"] = template.SECTIONS_BY_CODE["五"].heading
        self.report.source_lines["section/五"] = line
        self.findings.append(Finding(
            "P-1", Severity.WARNING,
            f"第五部分没有标题“{template.SECTIONS_BY_CODE['五'].heading}”，按内容（“{first[:20]}”）识别",
            code="heading_inferred", section="五", line=line,
        ))

    def note_data_line(self, block: Block) -> None:
        """Remember a line of table 三 holding one row's numbers, for `read_by_position`."""
        if self.table == template.TABLE4.code or (self.section != "三" and self.table != template.TABLE3.code):
            return
        label, values = split_label(block.cells)
        size = len(template.TABLE3.columns)
        values = list(values)
        while values and not values[0].strip():
            values.pop(0)
        while len(values) > size and not values[-1].strip():
            values.pop()
        if len(values) != size or len([v for v in values if v.strip()]) < size - 1:
            return
        row = None
        if label:
            for start in (0, *label_starts(label)):
                match = self.find_row(label[start:])
                if match is not None:
                    row = match[0].row if match[0].table == template.TABLE3.code else None
                    break
        self.data_lines.append((block.line, values, row))

    def read_by_position(self) -> None:
        """Table 三 as a PDF converter leaves it: labels wrapped away from their numbers, some
        above, some below, some lost. When the lines of numbers are exactly as many as the rows
        and every label still beside its numbers names the row at that place, the rows are read
        in order instead of by label."""
        table = template.TABLE3
        if self.runs.get(table.code) or SUBTOTAL in self.order_for(table):
            return
        unread = self.report.unread
        rows = [r.code for r in table.rows
                if unread.get(f"{table.code}/{r.code}") != "merged"
                and not (self.format == template.FORMAT_2019 and r.code in _NOT_IN_2019)]
        troubled = [f for f in self.findings if f.section == "三" and f.code in _READING_TROUBLE]
        missing = [r for r in rows if not self.report.has_row(table.code, r)]
        if not (missing or troubled) or len(self.data_lines) != len(rows):
            return
        anchors = [(row, named) for row, (_, _, named) in zip(rows, self.data_lines, strict=True)
                   if named is not None]
        if any(row != named for row, named in anchors) or len(anchors) < len(rows) // 3:
            return
        self.findings = [f for f in self.findings if f not in troubled]
        for key in [k for k in self.report.cells if k.startswith(f"{table.code}/")]:
            del self.report.cells[key]
        for key in [k for k in unread if k.startswith(f"{table.code}/") and unread[k] != "merged"]:
            del unread[key]
        for key in [k for k in self.report.row_labels if k.startswith(f"{table.code}/")]:
            del self.report.row_labels[key]  # pieces of wrapped labels, not what the table says
        columns = self.order_for(table)
        blanks = []
        for row, (line, values, _named) in zip(rows, self.data_lines, strict=True):
            self.report.source_lines[f"row/{table.code}/{row}"] = line
            for column, raw in zip(columns, values, strict=True):
                key = template.cell_key(table.code, row, column)
                if not raw.strip():
                    unread[key] = "blank"
                    blanks.append(f"第{line}行")
                    continue
                number = parse_number(raw)
                if number is not None:
                    self.report.cells[key] = number
                    self.report.source_lines[key] = line
        self.findings.append(Finding(
            "P-1", Severity.NOTICE,
            f"表格“{table_name(table)}”的行标签与数字错位（标签折行、在数字上方或下方），已按行序读取 "
            f"{len(rows)} 行（第{self.data_lines[0][0]}–{self.data_lines[-1][0]}行，"
            f"其中 {len(anchors)} 行的标签与位置一致）"
            + (f"；{'、'.join(blanks)}有空白单元格，未核对" if blanks else ""),
            code="read_by_position", section=table.section, table=table.code,
            line=self.data_lines[0][0],
        ))

    def start_item(self, numeral: str, block: Block) -> None:
        self.flush()
        code = ITEM_BY_NUMERAL.get(numeral)
        if code is None or self.format == template.FORMAT_2019:
            self.table = IGNORE
            return
        self.table = code
        if code in self.report.table_titles:
            self.unplaced(block, f"表格“{template.TABLES_BY_CODE[code].title}”重复出现", Severity.WARNING)
            return
        self.report.table_titles[code] = block.joined
        self.report.source_lines[f"table/{code}"] = block.line

    def switch(self, table: str, block: Block) -> None:
        self.flush()
        self.table = table
        self.report.source_lines.setdefault(f"table/{table}", block.line)

    # --- rows ----------------------------------------------------------------------------------

    def find_row(self, label: str) -> tuple[RowKey, bool] | None:
        core, _grouped = row_core(label)
        match = None
        if self.table in _ROW_TABLES:
            match = match_row(core, (self.table,))
        if match is None:
            match = match_row(core)
        if match is not None and not numbering_agrees(label, match[0]):
            return None  # "（六）其他" is the group heading, not the row "3.其他"
        return match

    def labelled_line(self, block: Block, label: str, values: list[str]) -> None:
        core, grouped = row_core(label)
        has_numbers = any(v.strip() for v in values)
        if not has_numbers and self.in_table4() and is_heading_fragment(block):
            # "总 计 总计", "维持 纠正 结果 审结": table 四's header wrapped in pieces.
            self.header_text[template.TABLE4.code] = self.header_text.get(template.TABLE4.code, "") + normalise(label)
            return
        match = self.find_row(label)
        if match is None:
            # Text copied from a PDF puts pieces of a wrapped group heading before the row's
            # own label ("（三）不予 4.保护第三方合法权益 1 0 …"): try from each numbering on.
            for start in label_starts(label):
                match = self.find_row(label[start:])
                if match is not None:
                    label = label[start:]
                    core, grouped = row_core(label)
                    break
        pending = self.pending
        rest = without_fragments(block)  # the label without pieces of wrapped group headings
        if pending is not None and not pending.complete and (match is None or match[1]):
            for extra in (label, rest):
                if extra and continues(pending.label, extra, pending.key):
                    pending.label += extra
                    pending.add(values)
                    self.maybe_flush()
                    return
        if match is None and not core and grouped:
            if "其他处理" in normalise(label) and (self.format == template.FORMAT_2019 or has_numbers):
                # The 2019 format has one 其他处理 row; in a 2021 report it is the (六) group
                # written as one row, or a homemade subtotal (decided when the table is read).
                match = (RowKey(template.TABLE3.code, "other", "其他处理", True), False)
                if self.format != template.FORMAT_2019:
                    self.flush()
                    self.six_group = block.line
            elif has_numbers:
                self.flush()
                self.unplaced(
                    block, f"“{label}”是分组标题，官方格式没有小计行，此行数字未计入",
                    Severity.WARNING,
                )
                return
            else:
                self.flush()
                if self.table not in (template.TABLE3.code,):
                    self.switch(template.TABLE3.code, block)
                return
        if match is None and self.table == IGNORE:
            return  # a row of a table only the 2019 format has (P-3 says so)
        kind = _appeal_kind(label)
        if match is None and kind is not None and len([v for v in values if v.strip()]) >= 4 and (
            self.table == template.TABLE4.code or self.section == "四"
        ):
            self.appeal_row(block, kind, values)
            return
        if match is None and self.table == template.TABLE4.code and normalise(label) in _TABLE4_ROW_WORDS:
            self.numbers_line(block, values)
            return
        fragments = is_heading_fragment(block)
        if match is None and has_numbers and fragments and pending is not None and not pending.complete:
            pending.add(values)  # "处理 0 0 0 …": a wrapped heading's tail beside the numbers
            self.maybe_flush()
            return
        if match is None and not has_numbers:
            last = self.last_row
            for extra in (label, rest):
                if last is not None and extra and continues(last[1], extra, last[0]):
                    last[1] += extra  # the end of a label wrapped below its numbers
                    self.report.row_labels[f"{last[0].table}/{last[0].row}"] = last[1]
                    return
            table = self.table or _SECTION_TABLE.get(self.section or "")
            if fragments or _header_like(label, table):
                if table in (*_ROW_TABLES, template.TABLE4.code) and table not in self.rows_seen:
                    if table != self.table:
                        self.switch(table, block)
                    self.header_text[table] = self.header_text.get(table, "") + normalise(label)
                return
        if match is None:
            if has_numbers:
                self.unplaced(block, f"无法识别的表格行“{block.joined}”，其中的数字未计入",
                              Severity.NOTICE)
            elif self.section is not None:
                self.add_text(block.line, block.joined)
            return
        key, _partial = match
        if key.table in _ITEM_CODES and self.format == template.FORMAT_2019:
            return
        self.flush()
        if key.table != self.table:
            self.switch(key.table, block)
        expected = len(self.order_for(template.TABLES_BY_CODE[key.table]))
        self.pending = _Pending(key, _own_label(label), block.line, expected)
        self.pending.add(values)
        orphan = self.orphan
        if not has_numbers and orphan is not None and block.line - orphan[0].line <= 3:
            self.orphan = None  # the row's numbers were printed above its (wrapped) label
            self.pending.add(orphan[1])
        self.maybe_flush()

    def in_table4(self) -> bool:
        return self.table == template.TABLE4.code or (self.section == "四" and self.table is None)

    def appeal_row(self, block: Block, kind: template.Column, values: list[str]) -> None:
        """Table 四 written one row per kind of case ("行政复议 1 0 0 1 2"), not as one row of 15."""
        self.flush()
        if self.table != template.TABLE4.code:
            self.switch(template.TABLE4.code, block)
        table = template.TABLE4
        if not self.transposed_reported:
            self.transposed_reported = True
            self.findings.append(Finding(
                "P-1", Severity.WARNING,
                "第四部分表格按行填写三类案件（行列与官方格式不同），已按行标签读取",
                code="transposed_table4", section="四", table=table.code, line=block.line,
            ))
            self.headers.setdefault(table.code, []).extend(template.TABLE4_GROUP_LABELS)
        values = list(values)
        while values and not values[-1].strip():
            values.pop()
        results = [*template.APPEAL_RESULTS, template.APPEAL_TOTAL]
        for result, raw in zip(results, values, strict=False):
            number = parse_number(raw)
            if number is None:  # pragma: no cover - split_label only yields numbers
                continue
            key = template.cell_key(table.code, "cases", f"{kind.code}.{result.code}")
            if key in self.report.cells:
                self.unplaced(block, f"“{kind.label}”行重复出现，此行未计入")
                return
            self.report.cells[key] = number
            self.report.source_lines[key] = block.line
        self.report.source_lines.setdefault(f"row/{table.code}/cases", block.line)
        self.rows_seen.add(table.code)
        if len([v for v in values if v.strip()]) > len(results):
            self.unplaced(block, f"“{kind.label}”行多出数值，未计入")

    def numbers_line(self, block: Block, values: list[str]) -> None:
        if not any(v.strip() for v in values):
            return
        if self.pending is not None and not self.pending.complete:
            self.pending.add(values)
            self.maybe_flush()
            return
        numbers = [v for v in values if v.strip()]
        if self.table == template.TABLE4.code or (len(numbers) == 15 and self.table != template.TABLE3.code):
            self.flush()
            if self.table != template.TABLE4.code:
                self.switch(template.TABLE4.code, block)
            key = RowKey(template.TABLE4.code, "cases", "", False)
            self.pending = _Pending(key, "", block.line, len(template.TABLE4.columns))
            self.pending.add(values)
            self.maybe_flush()
            return
        if self.table in _ROW_TABLES:
            # Numbers printed above their label (a PDF copy of a cell whose label wraps):
            # kept for the label that follows.
            self.drop_orphan()
            self.orphan = (block, values)
            return
        self.unplaced(block, f"无法归位的数字“{block.joined}”（找不到所属的行）", Severity.NOTICE)

    def drop_orphan(self) -> None:
        orphan, self.orphan = self.orphan, None
        if orphan is not None:
            self.unplaced(orphan[0], f"无法归位的数字“{orphan[0].joined}”（找不到所属的行）",
                          Severity.NOTICE)

    def maybe_flush(self) -> None:
        if self.pending is not None and self.pending.complete:
            self.flush()

    def flush(self) -> None:
        pending, self.pending = self.pending, None
        if pending is None:
            return
        table = template.TABLES_BY_CODE[pending.key.table]
        row = pending.key.row
        row_key = f"row/{table.code}/{row}"
        if (table.code, row) == (template.TABLE3.code, "other") and self.six_group is not None and (
            pending.line != self.six_group
        ):
            self.unsix()
        if self.report.has_row(table.code, row):
            self.findings.append(Finding(
                "P-1", Severity.WARNING,
                f"“{pending.label or row}”行重复出现（第{self.report.source_lines.get(row_key)}行已读取），"
                "此行未计入",
                code="duplicate_row", section=table.section, table=table.code, row=row,
                line=pending.line,
            ))
            return
        self.report.source_lines[row_key] = pending.line
        self.rows_seen.add(table.code)
        self.last_row = [pending.key, pending.label]
        if pending.label and not (self.format == template.FORMAT_2019 and pending.key.core == "其他处理"):
            self.report.row_labels[f"{table.code}/{row}"] = pending.label
        columns = self.order_for(table)
        pieces = [v.strip() for v in pending.values if v.strip()]
        if len(pending.values) < len(columns) and SUBTOTAL not in columns and pieces and all(
            is_digit_run(p) for p in pieces
        ) and sum(len(p) for p in pieces) > len(pieces):
            # "270020130": the row's cells ran together; split when the table is read.
            self.runs.setdefault(table.code, []).append(
                _Run(pending.key, pieces, pending.line, pending.label)
            )
            return
        missing = columns[len(pending.values):]
        if missing and pending.values:
            self.mark_unread(table, row, missing, pending.line, "blank",
                             f"“{pending.label or '数据'}”行只读到 {len(pending.values)} 个数值"
                             f"（应有 {len(columns)} 个），缺少的单元格未核对")
        for column, raw in zip(columns, pending.values, strict=False):
            if column == SUBTOTAL:
                continue
            number = parse_number(raw)
            if number is None:  # pragma: no cover - split_label only yields numbers
                continue
            if table.decimal:
                number = Decimal(number)
            key = template.cell_key(table.code, row, column)
            self.report.cells[key] = number
            self.report.source_lines[key] = pending.line
        extra = [v for v in pending.values[len(columns):] if v.strip()]
        if extra:
            self.findings.append(Finding(
                "P-1", Severity.WARNING,
                f"“{pending.label or '数据'}”行多出 {len(extra)} 个数值（{'、'.join(extra)}），未计入",
                code="extra_values", section=table.section, table=table.code, row=row,
                line=pending.line,
            ))

    def mark_unread(self, table: template.Table, row: str | None, columns: list[str], line: int | None,
                    why: str, message: str) -> None:
        """Record cells (or a whole row, or table) not read from this copy, with a notice."""
        unread = self.report.unread
        if row is None:
            unread[table.code] = why
        elif not columns:
            unread[f"{table.code}/{row}"] = why
        for column in columns:
            if column != SUBTOTAL:
                unread[template.cell_key(table.code, row or "", column)] = why
        self.findings.append(Finding(
            "P-1", Severity.NOTICE, message, code=f"unread_{why}", section=table.section,
            table=table.code, row=row, column=columns[0] if len(columns) == 1 else None, line=line,
        ))

    def unsix(self) -> None:
        """The "（六）其他处理" row read as "3.其他" was a homemade subtotal: its sub-rows follow."""
        line, self.six_group = self.six_group, None
        for column in template.TABLE3.columns:
            self.report.cells.pop(template.cell_key(template.TABLE3.code, "other", column.code), None)
        self.report.source_lines.pop(f"row/{template.TABLE3.code}/other", None)
        self.report.row_labels.pop(f"{template.TABLE3.code}/other", None)
        self.findings.append(Finding(
            "P-1", Severity.WARNING, "“（六）其他处理”是分组标题，官方格式没有小计行，此行数字未计入",
            code="unplaced", section="三", table=template.TABLE3.code, line=line,
        ))

    def finish_six(self) -> None:
        """A "（六）其他处理" row without its three sub-rows: the group written as one row."""
        if self.six_group is None:
            return
        subs = ("other_no_correction", "other_unpaid_fee")
        if any(self.report.has_row(template.TABLE3.code, r) for r in subs):
            self.unsix()
            return
        line, self.six_group = self.six_group, None
        for row in subs:
            self.report.unread[f"{template.TABLE3.code}/{row}"] = "merged"
        self.report.row_labels.pop(f"{template.TABLE3.code}/other", None)
        self.findings.append(Finding(
            "P-1", Severity.WARNING,
            "“（六）其他处理”只填了一行，没有分为官方格式的三个子项（1.逾期不补正、2.逾期未缴费、3.其他）；"
            "该行数字按“3.其他”核对",
            code="merged_group_row", section="三", table=template.TABLE3.code, row="other", line=line,
        ))

    # --- rows whose cells ran together ---------------------------------------------------------

    def split_runs(self, table: template.Table, runs: list[_Run]) -> None:
        """Split each run-together row into its cells: a split is used when it is the only one
        possible, or the only one that fits every sum of the table; otherwise the row is left
        unread (never a sum error from a guess)."""
        size = len(table.columns)
        groups = sum_groups(table.code)
        certain: dict[str, tuple[int, ...]] = {}
        options: dict[str, list[tuple[int, ...]]] = {}
        possible: dict[str, list[tuple[int, ...]] | None] = {}
        lost: list[_Run] = []
        for run in runs:
            free = possible[run.key.row] = splits(run.pieces, size)
            if free is not None and len(free) == 1:
                certain[run.key.row] = free[0]
                continue
            fitting = splits(run.pieces, size, groups) if groups else free
            if fitting:
                options[run.key.row] = fitting
            else:
                lost.append(run)
        chosen, unsure = self.choose(table, certain, options)
        by_row = {run.key.row: run for run in runs}
        doubts: set[tuple[str, int]] = set()
        how = "只有一种拆分能使各行、各列的总计都成立，已按此拆分读取"
        if table.code == template.TABLE3.code and options and not chosen and not unsure:
            # No split makes every column sum hold: take each row's only split that makes its
            # own total hold, but a column sum is reported only if it fails whatever the split.
            chosen = {row: found[0] for row, found in options.items() if len(found) == 1}
            unsure = [row for row in options if row not in chosen]
            doubts = self.doubtful_columns(table, {**certain, **chosen}, unsure, possible)
            how = ("各按本行“总计 = 各列之和”的唯一拆分读取；没有一种拆分能使各列之和都成立，"
                   "只有在任何拆分下都不成立的列才报告为错误")
        for row, values in (*certain.items(), *chosen.items()):
            run = by_row[row]
            for i, (column, value) in enumerate(zip(table.columns, values, strict=True)):
                key = template.cell_key(table.code, row, column.code)
                if (row, i) in doubts:
                    self.report.unread[key] = "unread"
                self.report.cells[key] = Decimal(value) if table.decimal else value
                self.report.source_lines[key] = run.line
        if chosen:
            lines = "、".join(f"第{by_row[r].line}行“{by_row[r].label or '数据'}”" for r in chosen)
            self.findings.append(Finding(
                "P-1", Severity.NOTICE,
                f"表格“{table_name(table)}”中 {len(chosen)} 行的数字连在一起（{lines}），{how}",
                code="cells_split", section=table.section, table=table.code,
                line=min(by_row[r].line for r in chosen),
            ))
        for run in [*lost, *(by_row[r] for r in unsure)]:
            count = len(options.get(run.key.row, ()))
            why = ("可有多种拆分" if not groups
                   else f"有 {count} 种拆分都能使总计成立" if count > 1
                   else "没有一种拆分能使总计成立")
            self.mark_unread(
                table, run.key.row, [], run.line, "unread",
                f"“{run.label or '数据'}”行的数字连在一起（“{' '.join(run.pieces)}”），{why}，"
                "无法确定各单元格的数值，此行未核对",
            )

    def choose(self, table: template.Table, certain: dict[str, tuple[int, ...]],
               options: dict[str, list[tuple[int, ...]]]
               ) -> tuple[dict[str, tuple[int, ...]], list[str]]:
        """The rows whose split is settled by the table's column sums, and those left unsure."""
        if not options:
            return {}, []
        if table.code != template.TABLE3.code:
            chosen = {row: found[0] for row, found in options.items() if len(found) == 1}
            return chosen, [row for row in options if row not in chosen]
        known: dict[str, tuple[int, ...] | None] = {}
        for row in table.rows:
            if row.code in certain:
                known[row.code] = certain[row.code]
            elif row.code in options:
                continue
            elif self.report.has_row(table.code, row.code) and self.report.readable(
                table.code, row.code
            ):
                known[row.code] = tuple(
                    int(self.report.value(table.code, row.code, c.code)) for c in table.columns
                )
            elif self.report.unread.get(f"{table.code}/{row.code}") == "merged" or (
                self.format == template.FORMAT_2019 and row.code in _NOT_IN_2019
            ):
                known[row.code] = (0,) * len(table.columns)
            else:
                known[row.code] = None
        ambiguous = sorted(options, key=lambda r: len(options[r]))
        total = 1
        for row in ambiguous:
            total *= len(options[row])
        if total > 50_000:
            return {}, ambiguous
        solutions = []
        for combo in itertools.product(*(options[r] for r in ambiguous)):
            values = {**known, **dict(zip(ambiguous, combo, strict=True))}
            if _columns_hold(values, len(table.columns)):
                solutions.append(combo)
                if len(solutions) > 50:
                    return {}, ambiguous  # too many readings to tell which rows agree in all
        if not solutions:
            return {}, []  # the caller falls back to each row's own total
        chosen = {}
        for i, row in enumerate(ambiguous):
            if all(s[i] == solutions[0][i] for s in solutions):
                chosen[row] = solutions[0][i]
        return chosen, [r for r in ambiguous if r not in chosen]

    def doubtful_columns(self, table: template.Table, settled: dict[str, tuple[int, ...]],
                         unsure: list[str], possible: dict[str, list[tuple[int, ...]] | None]
                         ) -> set[tuple[str, int]]:
        """Cells of split rows in the columns whose sums fail as split but would hold under some
        other split: those sums cannot be checked from this copy."""
        doubts: set[tuple[str, int]] = set()
        for i, column in enumerate(table.columns):
            for rows, holds in _COLUMN_RULES:
                if any(r in unsure for r in rows):
                    continue
                sets = []
                for r in rows:
                    if r in settled and r in possible:
                        found = possible[r]
                        sets.append(None if found is None else {c[i] for c in found})
                    else:
                        sets.append({int(self.report.value(table.code, r, column.code))})
                as_split = [{settled[r][i]} if r in settled else sets[k] for k, r in enumerate(rows)]
                if not holds(as_split) and holds(sets) and any(r in possible for r in rows):
                    doubts.update((r, i) for r in rows if r in possible)
        return doubts

    def order_for(self, table: template.Table) -> list[str]:
        order = self.orders.get(table.code)
        if order is None:
            order = self.orders[table.code] = self.column_order(table)
            if SUBTOTAL in order and not self.subtotal_reported:
                self.subtotal_reported = True
                self.findings.append(Finding(
                    "P-1", Severity.WARNING,
                    "表格有官方格式没有的“法人或其他组织”小计列，已按表头跳过该列",
                    code="subtotal_column", section=table.section, table=table.code,
                    line=self.report.source_lines.get(f"table/{table.code}"),
                ))
        return order

    def column_order(self, table: template.Table) -> list[str]:
        """Column codes in the order the file's header gives them (official order otherwise)."""
        official = [c.code for c in table.columns]
        seen = [normalise(x) for x in self.headers.get(table.code, [])]
        if table.code == template.TABLE3.code:
            return self.table3_order(official)
        if table.code == template.TABLE4.code:
            results = [*template.APPEAL_RESULTS, template.APPEAL_TOTAL]
            by_label = {normalise(c.label): c.code for c in results}
            seq = [by_label[x] for x in seen if x in by_label]
            if len(seq) == 10:
                seq = [c.code for c in results] + seq
            if len(seq) != 15:
                return official
            order = []
            for i, kind in enumerate(template.APPEAL_KINDS):
                group = seq[i * 5 : i * 5 + 5]
                if sorted(group) != sorted(c.code for c in results):
                    return official
                order += [f"{kind.code}.{code}" for code in group]
            return order
        return official

    def table3_order(self, official: list[str]) -> list[str]:
        """Applicant columns as the header orders them: one line with all seven, or a line
        with 法人或其他组织 whose five types are on a following line."""
        by_label = {normalise(c.label): c.code for c in template.TABLE3.columns}
        org_group = normalise(template.ORGANISATION_GROUP)
        org_codes = {c.code for c in template.ORGANISATION_TYPES}
        lines = [[x for x in line if x in by_label or x in (org_group, _SUBTOTAL_LABEL)]
                 for line in self.header_lines.get(template.TABLE3.code, [])]
        for i, line in enumerate(lines):
            own_orgs = [x for x in line if by_label.get(x) in org_codes]
            total = normalise(template.APPLICANT_TOTAL.label)
            if org_group in line and total in line and own_orgs and (
                line.index(org_group) < line.index(total) < line.index(own_orgs[0])
            ):
                # "自然人 法人或其他组织 总计 商业企业 …": the header's two lines run together.
                return official
            seq = [SUBTOTAL if x in (org_group, _SUBTOTAL_LABEL) and len(own_orgs) >= 2
                   else by_label.get(x, x) for x in line]
            if org_group in line and len(own_orgs) < 2:
                orgs = next(
                    ([SUBTOTAL if x == _SUBTOTAL_LABEL else by_label[x] for x in later
                      if x == _SUBTOTAL_LABEL or by_label.get(x) in org_codes]
                     for later in lines[i + 1:]
                     if len([x for x in later if by_label.get(x) in org_codes]) >= 2),
                    [],
                )
                at = seq.index(org_group)
                seq = seq[:at] + orgs + seq[at + 1:]
            seq = list(dict.fromkeys(seq))
            if sorted(c for c in seq if c != SUBTOTAL) == sorted(official):
                return seq
        return official

    def unplaced(self, block: Block, message: str, severity: Severity = Severity.WARNING) -> None:
        if self.format == template.FORMAT_2019 and self.section == "二":
            return  # the old format's tables of section 二 are not read (P-3 says so)
        self.findings.append(Finding(
            "P-1", severity, message, code="unplaced", section=self.section, line=block.line,
        ))

    # --- end -----------------------------------------------------------------------------------

    def finish(self) -> None:
        self.flush()
        self.drop_orphan()
        self.finish_six()
        self.read_by_position()
        self.infer_section_five()
        for table, rows in self.runs.items():
            self.split_runs(template.TABLES_BY_CODE[table], rows)
        report = self.report
        report.format = self.format
        for code, lines in self.texts.items():
            text, start = _join_lines(lines, contiguous=self.source_format == "text")
            report.texts[code] = text
            if start is not None:
                report.source_lines[f"text/{code}"] = start
        report.column_labels = {k: list(v) for k, v in self.headers.items()}
        for table, text in self.header_text.items():
            # Header cells wrapped into pieces ("结果维 … 持"), or a converter's columns of header
            # text read across ("商业企科研机社会公法律服 / 业 构 益组织 务机构"): a label whose
            # characters all appear in the header lines, in order or not, counts as present.
            seen = {normalise(x) for x in report.column_labels.get(table, [])}
            for label in template.table_header_labels(template.TABLES_BY_CODE[table]):
                if normalise(label) not in seen and _within(normalise(label), text):
                    report.column_labels.setdefault(table, []).append(label)
        self.read_title()
        if self.format == template.FORMAT_2019:
            # The 2021 format applies from the 2021 reports on; before that the old one was due.
            late = report.year is not None and report.year >= template.FORMAT_FIRST_YEAR
            self.findings.append(Finding(
                "P-3", Severity.ERROR if late else Severity.WARNING,
                "该报告使用2019年试行格式（国办公开办函〔2019〕60号，见“"
                + "”“".join(self.markers)
                + "”）；第二部分表格按旧格式未逐项核对，2021年度起应使用国办公开办函〔2021〕30号格式",
                code="format_2019", section="二",
            ))

    def read_title(self) -> None:
        lines = [(n, s.strip()) for n, s in self.preamble if s.strip()]
        title_line = next((x for x in lines if "报告" in x[1]), lines[0] if lines else None)
        if title_line is not None and not re.search(r"\d{4}\s*年", title_line[1]):
            # A title broken over two lines: "2024 年上海市科委政府信息公开工作" / "年度报告".
            at = lines.index(title_line)
            if at and re.search(r"\d{4}\s*年", lines[at - 1][1]) and len(lines[at - 1][1]) < 40:
                title_line = (lines[at - 1][0], lines[at - 1][1] + title_line[1])
        report = self.report
        if title_line is not None:
            # "标题: …" in front of the title: a web archive's metadata line.
            report.title = re.sub(r"^(?:标题|题目|名称)\s*[:：]\s*", "", title_line[1])
            report.source_lines["title"] = title_line[0]
        title = normalise(report.title)
        match = re.search(r"(\d{4})年度?", title)
        if match:
            report.year = int(match.group(1))
            before = title[: match.start()].strip("“”\"《》")
            after = re.split(r"政府信息公开|政务公开", title[match.end():])[0]
            report.agency = before or after
        else:
            whole = "\n".join(s for _, s in self.preamble) + "\n" + "\n".join(report.texts.values())
            period = re.search(r"统计(?:期限|时限|区间|期间)?[为是：:]?\s*(\d{4})\s*年", whole)
            if period:
                report.year = int(period.group(1))
            report.agency = re.split(r"政府信息公开|政务公开", title)[0] if title else ""
        report.level = guess_agency_level(report.agency)


_APPEAL_KIND_LABELS = {normalise(k.label): k for k in template.APPEAL_KINDS}


def _appeal_kind(label: str) -> template.Column | None:
    """"行政复议", "行政诉讼（复议后起诉）", "未经复议直接起诉" → the kind of case."""
    norm = re.sub(r"[()（）:：]", "", normalise(label))
    if norm.startswith("行政诉讼") and len(norm) > 4:
        norm = norm[4:]
    return _APPEAL_KIND_LABELS.get(norm)


def _within(needle: str, haystack: str) -> bool:
    """Every character of `needle` occurs in `haystack` (as many times)."""
    return not (Counter(needle) - Counter(haystack))


@lru_cache(maxsize=8)
def _header_chars(table: str) -> frozenset[str]:
    return frozenset("".join(normalise(x) for x in template.table_header_labels(template.TABLES_BY_CODE[table])))


def _header_like(label: str, table: str | None) -> bool:
    """A line made only of characters of `table`'s header labels: a piece of its header."""
    norm = normalise(label)
    return table is not None and 0 < len(norm) <= 60 and set(norm) <= _header_chars(table)


def _own_label(label: str) -> str:
    """The row's own label without the group headings written before it (compared after
    `normalise`, so "三、本年度办 理结果 (一)予以公开" loses its heading too)."""
    text = label.strip()
    changed = True
    while changed:
        changed = False
        norm = normalise(text)
        for heading in _GROUP_FORMS:
            if norm.startswith(heading) and len(norm) > len(heading):
                text = drop_chars(text, len(heading)).strip()
                changed = True
                break
    return text


_GROUP_FORMS = tuple(sorted({normalise(h) for h in template.TABLE3_GROUP_HEADINGS}, key=len, reverse=True))


def _join_lines(lines: list[tuple[int, str]], *, contiguous: bool) -> tuple[str, int | None]:
    """Text of a section, trimmed of blank lines at both ends, with the line it starts on.

    For text files gaps (table rows read in between) are kept as blank lines, so that the
    n-th line of the text is source line start + n and narrative findings can cite lines.
    """
    while lines and not lines[0][1].strip():
        lines = lines[1:]
    while lines and not lines[-1][1].strip():
        lines = lines[:-1]
    if not lines:
        return "", None
    if not contiguous:
        return "\n".join(s for _, s in lines), lines[0][0]
    out: list[str] = []
    expected = lines[0][0]
    for number, text in lines:
        while expected < number:
            out.append("")
            expected += 1
        out.append(text)
        expected = number + 1
    return "\n".join(out), lines[0][0]


__all__ = ["ParseResult", "failed", "place"]


def _header_cells(block: Block) -> list[str]:
    """The block's cells, normalised, with header labels run together split apart."""
    labels = header_labels()
    cells: list[str] = []
    for cell in block.cells:
        norm = normalise(cell)
        if not norm:
            continue
        parts = split_header(cell) if norm not in labels else []
        cells.extend(parts or [norm])
    return cells


def _columns_hold(values: dict[str, tuple[int, ...] | None], columns: int) -> bool:
    """Table 三's column sums (R3-1, R3-3) hold wherever every row they need is known."""
    balance = (template.ROW_NEW, template.ROW_CARRIED_IN, template.ROW_RESULTS_TOTAL, template.ROW_CARRIED_OUT)
    outcomes = (*template.OUTCOME_CODES, template.ROW_RESULTS_TOTAL)
    for i in range(columns):
        if all(values.get(r) is not None for r in balance):
            new, carried_in, total, carried_out = (values[r][i] for r in balance)
            if new + carried_in != total + carried_out:
                return False
        if all(values.get(r) is not None for r in outcomes):
            if sum(values[r][i] for r in template.OUTCOME_CODES) != values[template.ROW_RESULTS_TOTAL][i]:
                return False
    return True


_NOT_IN_2019 = ("other_no_correction", "other_unpaid_fee")
_READING_TROUBLE = ("unplaced", "extra_values", "duplicate_row", "unread_blank")
_SUM_CAP = 5000


def _sumset(sets: list[set[int] | None]) -> set[int] | None:
    """Every sum of one number from each set (None when unknown or too many)."""
    total = {0}
    for values in sets:
        if values is None:
            return None
        total = {a + b for a in total for b in values}
        if len(total) > _SUM_CAP:
            return None
    return total


def _may_balance(sets: list[set[int] | None]) -> bool:
    """R3-1 (new + carried in = total + carried out) holds for some choice of values."""
    left, right = _sumset(sets[:2]), _sumset(sets[2:])
    return left is None or right is None or bool(left & right)


def _may_add_up(sets: list[set[int] | None]) -> bool:
    """R3-3 (the outcomes add up to 总计) holds for some choice of values."""
    parts, total = _sumset(sets[:-1]), sets[-1]
    return parts is None or total is None or bool(parts & total)


_COLUMN_RULES = (
    ((template.ROW_NEW, template.ROW_CARRIED_IN, template.ROW_RESULTS_TOTAL, template.ROW_CARRIED_OUT), _may_balance),
    ((*template.OUTCOME_CODES, template.ROW_RESULTS_TOTAL), _may_add_up),
)
