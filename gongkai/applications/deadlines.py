"""The reply due date of a request as a pure function of its received date and event log.

Rules (《政府信息公开条例》, 《政府信息公开信息处理费管理办法》):
- 第三十三条: the reply is due on the 20th working day after the received date (the received
  date itself never counts; `workdays.add_workdays`).
- 第三十条: one 补正 notice, within 7 working days of receipt. While the applicant corrects,
  there is no reply due date, only the correction period the agency set. When the corrected
  application arrives, the 20 working days **start again** from that day; pauses before it no
  longer matter.
- 第三十三条第一款: an extension of at most 20 more working days, approved by the head of the
  disclosure office and notified to the applicant.
- 第三十三条第二款, 第三十二条, 第三十四条: the time spent waiting for a third party's or another
  agency's opinion is not counted. The answer period is 15 working days; a late answer does
  not extend the pause (the agency decides on its own after the period), so a pause ends at the
  answer or at the end of the period, whichever is earlier.
- 信息处理费: from a fee notice the applicant has 20 working days to pay (our rule: counted from
  the day the notice is sent); the time is not counted, on the same terms as above.
- Not counted = the working days d with pause start < d ≤ pause end; overlapping pauses count
  once; the due date moves by exactly that many working days, so adding a pause never brings
  the due date forward.
- A pause still open is assumed to last its whole period: the due date shown is the latest it
  can become, and `wait_until` is the end of that period.
- A period reaching into a year whose holiday schedule is not yet known (no State Council
  notice in `chinesecalendar`, none entered) still gets a date, marked provisional (暂定) with
  the reason: weekends and the fixed-date statutory holidays only (`workdays.calendar`). The
  due date is recomputed when the year is entered (`workdays.schedule_changed`).

Only the services that write events call `compute()`; they store `due_on` / `wait_until` /
`due_on_provisional`. Imports the public API of gongkai.workdays and the event kinds of the
event model (values, no queries) and nothing else of ours.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from gongkai.workdays import Calendar, calendar, provisional_reason

from .models.event import EventKind

REPLY_DAYS = 20
CORRECTION_NOTICE_DAYS = 7
MAX_EXTENSION_DAYS = 20
CONSULTATION_DAYS = 15
FEE_PAYMENT_DAYS = 20

RUNNING = "running"
AWAITING_CORRECTION = "awaiting_correction"
PAUSED = "paused"
CLOSED = "closed"

PAUSE_LABELS = {
    "third_party": "征求第三方意见",
    "other_agency": "征求其他机关意见",
    "fee": "等待缴纳信息处理费",
}


@dataclass(frozen=True)
class Fact:
    """One event as the clock sees it."""

    kind: str
    on: datetime.date
    data: Mapping = field(default_factory=dict)


@dataclass(frozen=True)
class Pause:
    reason: str  # "third_party" | "other_agency" | "fee"
    start: datetime.date
    limit: datetime.date  # end of the answer / payment period
    end: datetime.date | None  # when it ended (answer, payment); None while open

    @property
    def effective_end(self) -> datetime.date:
        return min(self.end, self.limit) if self.end is not None else self.limit

    @property
    def label(self) -> str:
        return PAUSE_LABELS.get(self.reason, self.reason)


@dataclass(frozen=True)
class Deadline:
    state: str
    received_on: datetime.date
    clock_start: datetime.date
    due_on: datetime.date | None
    wait_until: datetime.date | None = None
    extension_days: int = 0
    paused_days: int = 0
    pauses: tuple[Pause, ...] = ()
    correction_due: datetime.date | None = None
    lines: tuple[str, ...] = ()
    provisional_years: tuple[int, ...] = ()  # years assumed without a schedule: dates are 暂定

    @property
    def provisional(self) -> bool:
        return bool(self.provisional_years)

    @property
    def provisional_reason(self) -> str:
        """E.g. "2027 年节假日安排尚未录入"; empty when the dates are final."""
        return provisional_reason(self.provisional_years) if self.provisional_years else ""

    @property
    def total_days(self) -> int:
        return REPLY_DAYS + self.extension_days + self.paused_days

    @property
    def explanation(self) -> str:
        return "\n".join(self.lines)


def _counting() -> Calendar:
    """The calendar deadlines count on: unknown years assumed, never refused (then 暂定)."""
    return calendar(provisional=True)


def correction_notice_last_day(received_on: datetime.date) -> datetime.date:
    """Last day to send the one 补正 notice: 7 working days after receipt (第三十条)."""
    return _counting().add_workdays(received_on, CORRECTION_NOTICE_DAYS)


def consultation_answer_due(sent_on: datetime.date) -> datetime.date:
    return _counting().add_workdays(sent_on, CONSULTATION_DAYS)


def fee_payment_due(notified_on: datetime.date) -> datetime.date:
    return _counting().add_workdays(notified_on, FEE_PAYMENT_DAYS)


def _merged_paused_days(pauses: Iterable[Pause], clock_start: datetime.date, cal: Calendar) -> int:
    """Working days inside the union of the pauses' (start, end] intervals after clock_start."""
    spans = sorted(
        (max(p.start, clock_start), p.effective_end)
        for p in pauses
        if p.effective_end > clock_start
    )
    total = 0
    current: list[datetime.date] | None = None
    for start, end in spans:
        if end <= start:
            continue
        if current is None or start > current[1]:
            if current is not None:
                total += cal.workdays_between(current[0], current[1])
            current = [start, end]
        else:
            current[1] = max(current[1], end)
    if current is not None:
        total += cal.workdays_between(current[0], current[1])
    return total


def compute(
    received_on: datetime.date, facts: Iterable[Fact], *, receipt_basis: str = ""
) -> Deadline:
    """The deadline of a request from its log; provisional (暂定) where it reaches into a year
    without a holiday schedule."""
    cal = _counting()
    facts = sorted(facts, key=lambda f: f.on)  # stable: same-day events keep log order
    lines = [f"收到申请：{received_on:%Y-%m-%d}" + (f"（{receipt_basis}）" if receipt_basis else "")]
    clock_start = received_on
    state = RUNNING
    correction_due: datetime.date | None = None
    extension = 0
    pauses: list[Pause] = []
    open_pause: dict[str, int] = {}  # reason group ("consultation:<kind>" | "fee") -> index

    for fact in facts:
        if fact.kind == EventKind.CORRECTION_REQUESTED:
            correction_due = _date(fact.data.get("period_end")) or fact.on
            state = AWAITING_CORRECTION
            lines.append(
                f"{fact.on:%Y-%m-%d} 一次性告知补正，补正期限至 {correction_due:%Y-%m-%d}；"
                "补正期间不计算答复期限（《条例》第三十条）"
            )
        elif fact.kind == EventKind.CORRECTION_RECEIVED:
            clock_start = fact.on
            state = RUNNING
            pauses, open_pause = [], {}
            lines.append(
                f"{fact.on:%Y-%m-%d} 收到补正后的申请，答复期限自该日重新起算（《条例》第三十条）"
            )
        elif fact.kind == EventKind.EXTENDED:
            days = int(fact.data.get("days", 0))
            extension += days
            approver = fact.data.get("approved_by", "")
            lines.append(
                f"{fact.on:%Y-%m-%d} 经政府信息公开工作机构负责人" + (f"（{approver}）" if approver else "")
                + f"同意，延长 {days} 个工作日"
                "并告知申请人（《条例》第三十三条第一款）"
            )
        elif fact.kind == EventKind.CONSULTATION_STARTED:
            reason = fact.data.get("party", "third_party")
            limit = consultation_answer_due(fact.on)
            open_pause[f"consultation:{reason}"] = len(pauses)
            pauses.append(Pause(reason, fact.on, limit, None))
        elif fact.kind == EventKind.CONSULTATION_ANSWERED:
            reason = fact.data.get("party", "third_party")
            index = open_pause.pop(f"consultation:{reason}", None)
            if index is not None:
                p = pauses[index]
                pauses[index] = Pause(p.reason, p.start, p.limit, fact.on)
        elif fact.kind == EventKind.FEE_NOTIFIED:
            open_pause["fee"] = len(pauses)
            pauses.append(Pause("fee", fact.on, fee_payment_due(fact.on), None))
        elif fact.kind == EventKind.FEE_PAID:
            index = open_pause.pop("fee", None)
            if index is not None:
                p = pauses[index]
                pauses[index] = Pause(p.reason, p.start, p.limit, fact.on)
        elif fact.kind in (EventKind.CLOSED, EventKind.WITHDRAWN):
            state = CLOSED

    if state == AWAITING_CORRECTION:
        lines.append(
            f"等待申请人补正：补正期限至 {correction_due:%Y-%m-%d}；收到补正后重新起算 20 个工作日，"
            "逾期无正当理由不补正的视为放弃申请"
        )
        return Deadline(
            state=state, received_on=received_on, clock_start=clock_start, due_on=None,
            wait_until=correction_due, extension_days=extension, correction_due=correction_due,
            lines=tuple(lines),
        )

    for p in pauses:
        if p.end is None:
            lines.append(
                f"{p.start:%Y-%m-%d} 起{p.label}，期限至 {p.limit:%Y-%m-%d}，尚未结束；"
                "以下按暂停持续到期限届满计算，为最晚的答复期限"
            )
        else:
            late = "（逾期答复，暂停计至期限届满）" if p.end > p.limit else ""
            lines.append(
                f"{p.start:%Y-%m-%d} 至 {p.effective_end:%Y-%m-%d} {p.label}{late}，"
                "所需时间不计算在答复期限内"
            )
    paused = _merged_paused_days(pauses, clock_start, cal)
    if paused:
        lines.append(f"暂停期间共 {paused} 个工作日不计入答复期限（《条例》第三十三条第二款）")
    total = REPLY_DAYS + extension + paused
    period = cal.period(clock_start, total)
    due_on = period.due
    open_limits = [p.limit for p in pauses if p.end is None]
    if state != CLOSED and open_limits:
        state = PAUSED
    summary = f"答复期限：自 {clock_start:%Y-%m-%d} 的次日起第 {total} 个工作日" + (
        f"（20 + 延长 {extension}" + (f" + 暂停 {paused}" if paused else "") + "）"
        if extension or paused
        else ""
    )
    lines.append(summary)
    lines.append(period.explanation())
    latest = max([due_on, *(p.limit for p in pauses)])
    return Deadline(
        state=state, received_on=received_on, clock_start=clock_start, due_on=due_on,
        wait_until=max(open_limits) if open_limits and state == PAUSED else None,
        extension_days=extension, paused_days=paused, pauses=tuple(pauses),
        correction_due=correction_due, lines=tuple(lines),
        provisional_years=cal.missing_years(received_on, latest),
    )


def _date(value) -> datetime.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, datetime.date):
        return value
    return datetime.date.fromisoformat(str(value))
