"""Narrative rules: the year (N-1), wording of another level (N-2), claims against the tables
(N-3, X-1), information processing fees (X-2) and text copied from last year (T-3)."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from decimal import Decimal

from .. import template
from ..values import AgencyLevel, Number, Report
from .findings import Finding, Severity, appeal_total, fmt


def check_fees(report: Report, fees_charged: Decimal) -> Iterator[Finding]:
    """X-2: what section 六 says about information processing fees agrees with the records."""
    six = report.texts.get("六", "")
    says_none = bool(re.search(r"(?:未|没有|无|不)(?:收取|收缴|收费)", six))
    if fees_charged > 0 and says_none:
        yield Finding(
            "X-2", Severity.WARNING,
            f"第六部分称未收取信息处理费，但系统记录本年收取 {fmt(fees_charged)} 元",
            code="fee_mismatch", section="六", line=report.line_of("text/六"),
        )
    elif fees_charged == 0 and "信息处理费" in six and not says_none:
        yield Finding(
            "X-2", Severity.WARNING, "第六部分提到收取信息处理费，但系统中本年没有收费记录",
            code="fee_mismatch", section="六", line=report.line_of("text/六"),
        )



# Narrative (N-1, N-2, N-3, X-1, X-2).

_LEVEL_WORDS: dict[AgencyLevel, tuple[str, ...]] = {
    AgencyLevel.TOWNSHIP: ("全乡", "全镇", "本乡", "本镇", "全街道", "本街道"),
    AgencyLevel.COUNTY: ("全县", "本县"),
    AgencyLevel.CITY: ("全市", "本市"),
    AgencyLevel.PROVINCE: ("全省", "本省"),
}
_LEVEL_ORDER = [AgencyLevel.TOWNSHIP, AgencyLevel.COUNTY, AgencyLevel.CITY, AgencyLevel.PROVINCE,
                AgencyLevel.NATIONAL]


def _text_positions(report: Report) -> Iterator[tuple[str, str, int | None]]:
    """(section code, text, line of its first line) for each narrative text."""
    for code, text in report.texts.items():
        yield code, text, report.line_of(f"text/{code}")


def _flat(text: str) -> tuple[str, list[int]]:
    """The text without line breaks (a PDF copy breaks sentences anywhere) and half-width,
    with the offset in `text` of each character, so a match still names its source line."""
    chars: list[str] = []
    offsets: list[int] = []
    for i, ch in enumerate(text):
        if ch in "\r\n":
            continue
        for out in unicodedata.normalize("NFKC", ch):
            chars.append(out)
            offsets.append(i)
    offsets.append(len(text))
    return "".join(chars), offsets


def _line_at(start: int | None, text: str, offset: int) -> int | None:
    if start is None:
        return None
    return start + text.count("\n", 0, offset)


def check_narrative(report: Report) -> Iterator[Finding]:
    yield from _check_year(report)
    yield from _check_level_wording(report)
    yield from _check_claims(report)
    yield from _check_stated_numbers(report)
    six = report.texts.get("六")
    # Fees for information were introduced with the 2021 format (国办函〔2020〕109号).
    if six is not None and report.format != template.FORMAT_2019 and not _FEES_STATED.search(six):
        yield Finding(
            "X-2", Severity.WARNING, "第六部分没有说明信息处理费的收取情况（未收取的应写明“未收取”）",
            code="fee_not_stated", section="六", line=report.line_of("text/六"),
        )


# "未收取信息处理费", "无收取信息处理费情况", "未发生收费情况": any statement about the fees.
_FEES_STATED = re.compile(r"处理费|(?:未|没有|无|不)(?:发生|产生)?(?:收取|收缴)?(?:费用|收费)")


def _all_text(report: Report) -> str:
    return "\n".join([report.title, *report.texts.values()])


_PERIOD = re.compile(r"统计(?:期限|时限|区间|期间)?[为是：:]?\s*(\d{4})\s*年\s*1\s*月\s*1\s*日")


def _check_year(report: Report) -> Iterator[Finding]:
    if report.year is None:
        yield Finding("N-1", Severity.WARNING, "报告没有写明年度（标题中应有“XXXX年”）",
                      code="year_unknown")
        return
    # "2024 年": PDF copies and typists put spaces between a number and its unit.
    text = re.sub(r"(\d)\s+年", r"\1年", unicodedata.normalize("NFKC", _all_text(report)))
    if f"{report.year}年" not in text:
        yield Finding("N-1", Severity.WARNING, f"报告正文和标题中没有出现“{report.year}年”",
                      code="year_not_named")
    for match in _PERIOD.finditer(text):
        if int(match.group(1)) != report.year:
            yield Finding(
                "N-1", Severity.WARNING,
                f"统计期限写的是{match.group(1)}年，与报告年度{report.year}年不符",
                code="period_year_mismatch",
            )


def _check_level_wording(report: Report) -> Iterator[Finding]:
    if report.level not in _LEVEL_ORDER:
        return
    own = _LEVEL_ORDER.index(report.level)
    words = [w for lvl in _LEVEL_ORDER[:own] for w in _LEVEL_WORDS.get(lvl, ())]
    if not words:
        return
    pattern = re.compile("|".join(words))
    for code, text, start in _text_positions(report):
        for match in pattern.finditer(text):
            yield Finding(
                "N-2", Severity.WARNING,
                f"{report.level.label}机关的报告中出现“{match.group(0)}”，"
                f"疑似照搬其他层级的报告",
                code="other_level_wording", section=code, line=_line_at(start, text, match.start()),
            )


_ZERO_REQUESTS = re.compile(
    r"(?:未|没有|无)(?:接到|收到|受理|接收)[^。；;]{0,30}?(?:公开)?申请"
    r"|申请(?:数量|件数)?(?:为|是)\s*(?:0|零)\s*件?"
)
# "未发生因依申请公开被行政复议纠错或行政诉讼败诉情形" speaks of results, not of cases.
_ZERO_APPEALS = re.compile(
    r"(?:未|没有|无)(?:发生|出现|收到|接到|涉及)[^。；;]{0,40}?(行政复议|行政诉讼)"
    r"(?!纠错|纠正|败诉|被纠|被撤销|撤销)"
)


def _table4_read(report: Report) -> bool:
    return report.has_table(template.TABLE4.code) and report.readable(template.TABLE4.code)


def _check_claims(report: Report) -> Iterator[Finding]:
    new_total = (report.get(template.TABLE3.code, template.ROW_NEW, template.TOTAL)
                 if report.readable(template.TABLE3.code, template.ROW_NEW, template.TOTAL) else None)
    review = appeal_total(report, template.APPEAL_REVIEW) if _table4_read(report) else None
    lawsuits = (
        appeal_total(report, template.APPEAL_LAWSUIT_DIRECT)
        + appeal_total(report, template.APPEAL_LAWSUIT_AFTER_REVIEW)
        if _table4_read(report) else None
    )
    for code, text, start in _text_positions(report):
        flat, offsets = _flat(text)
        for match in _ZERO_REQUESTS.finditer(flat):
            if new_total is not None and new_total > 0:
                yield Finding(
                    "N-3", Severity.WARNING,
                    f"文字称“{match.group(0)}”，但第三部分表格本年新收申请 {fmt(new_total)} 件",
                    code="zero_requests_claim", section=code,
                    line=_line_at(start, text, offsets[match.start()]),
                )
        for match in _ZERO_APPEALS.finditer(flat):
            segment = match.group(0)
            for word, value in (("行政复议", review), ("行政诉讼", lawsuits)):
                if word in segment and value is not None and value > 0:
                    yield Finding(
                        "N-3", Severity.WARNING,
                        f"文字称“{segment}”，但第四部分表格{word}共 {fmt(value)} 件",
                        code="zero_appeals_claim", section=code,
                        line=_line_at(start, text, offsets[match.start()]),
                    )


_NUM = r"(\d[\d,，]*)"
_STATED: tuple[tuple[re.Pattern[str], str, str], ...] = (
    (re.compile(r"(?:收到|受理|接收|新收|接到)[^。；;\d]{0,25}?申请[^。；;\d]{0,6}?" + _NUM
                + r"\s*[件个条份]"), "table3/new/total", "本年新收申请"),
    (re.compile(r"行政复议[^。；;\d]{0,6}?" + _NUM + r"\s*[件起宗次]"), "review", "行政复议"),
    (re.compile(r"行政诉讼[^。；;\d]{0,6}?" + _NUM + r"\s*[件起宗次]"), "lawsuits", "行政诉讼"),
    (re.compile(r"(?:制发|出台|印发|制定)[^。；;\d]{0,10}?行政规范性文件[^。；;\d]{0,4}?" + _NUM
                + r"\s*件"), "item1/normative/issued", "本年制发行政规范性文件"),
)


def _table_value(report: Report, target: str) -> Number | None:
    if target == "review":
        return appeal_total(report, template.APPEAL_REVIEW) if _table4_read(report) else None
    if target == "lawsuits":
        if not _table4_read(report):
            return None
        return appeal_total(report, template.APPEAL_LAWSUIT_DIRECT) + appeal_total(
            report, template.APPEAL_LAWSUIT_AFTER_REVIEW
        )
    table, row, column = target.split("/")
    return report.cells.get(target) if report.readable(table, row, column) else None


def _check_stated_numbers(report: Report) -> Iterator[Finding]:
    for code, text, start in _text_positions(report):
        flat, offsets = _flat(text)
        for pattern, target, what in _STATED:
            for match in pattern.finditer(flat):
                stated = int(re.sub(r"[,，]", "", match.group(1)))
                value = _table_value(report, target)
                if value is not None and stated != value:
                    yield Finding(
                        "X-1", Severity.WARNING,
                        f"文字称“{match.group(0)}”，但表格中{what}为 {fmt(value)}",
                        code="stated_number_mismatch", section=code,
                        line=_line_at(start, text, offsets[match.start()]),
                    )



SIMILARITY_THRESHOLD = 0.8


def _shingles(text: str, size: int = 4) -> set[str]:
    text = re.sub(r"[\s\d０-９]+", "", unicodedata.normalize("NFKC", text))
    return {text[i : i + size] for i in range(max(len(text) - size + 1, 0))}


def text_similarity(report: Report, previous: Report) -> float:
    """Jaccard similarity of 4-character shingles of the narrative texts (years ignored)."""
    a = _shingles("".join(report.texts.get(s.code, "") for s in template.NARRATIVE_SECTIONS))
    b = _shingles("".join(previous.texts.get(s.code, "") for s in template.NARRATIVE_SECTIONS))
    if len(a) < 50 or len(b) < 50:
        return 0.0
    return len(a & b) / len(a | b)

