"""Charts drawn on the server as SVG: no JavaScript, no CDN, no style attributes (the CSP
forbids them) — colours and fonts are SVG presentation attributes and class names.

Drawing (pure, no ORM; any app may call them):

    bar_chart(*, title, labels, values, unit="", max_value=None, value_labels=None) -> str
        vertical bars, one per label (months)
    hbar_chart(*, title, labels, values, unit="") -> str
        horizontal bars with long labels (the outcomes of table 三)

Ready-made charts of the report page (the supervision dashboard reuses them):

    requests_per_month_svg(agency_ids, year) -> str   新收申请 per month (收到申请日期)
    on_time_rate_svg(agency_ids, year, today) -> str  按期答复率 per month (overdue open = late)
    outcomes_svg(report) -> str                       办理结果 from a `values.Report` (table 三)
    report_charts_svg(agency_ids, year, report) -> list[str]
                                                      the three above, as the report page and
                                                      the public statistics show them

and their data (one grouped aggregate query each):

    requests_per_month(agency_ids, year) -> list[int]                  12 counts
    on_time_by_month(agency_ids, year, today) -> list[OnTime]          12 months (applications.selectors)

Every chart is an <svg role="img"> with a <title> and a <desc> that states the numbers, so a
screen reader gets the data, and each bar carries its own <title> (hover text).
"""

from __future__ import annotations

import datetime
import itertools
from collections.abc import Iterable, Sequence
from html import escape
from typing import TYPE_CHECKING

from gongkai.reportformat import template

if TYPE_CHECKING:
    from gongkai.applications.selectors import OnTime

FONT = '"WenQuanYi Micro Hei", "Noto Sans CJK SC", "Microsoft YaHei", sans-serif'
BAR = "#1f5f99"
BAR_ALT = "#b3261e"
AXIS = "#555"
GRID = "#ddd"
MONTHS = tuple(f"{m}月" for m in range(1, 13))

_ids = itertools.count(1)


def _fmt(value: float) -> str:
    return f"{value:.0f}" if float(value).is_integer() else f"{value:.1f}"


def _nice_max(value: float) -> float:
    """A round top of the axis that splits into four whole steps: 7 → 8, 23 → 24, 180 → 200."""
    if value <= 0:
        return 4
    step_needed = value / 4
    magnitude = 10 ** max(len(str(int(step_needed))) - 1, 0)
    for step in (1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10):
        step_value = step * magnitude
        if step_value >= step_needed and (step_value == int(step_value)):
            return 4 * step_value
    return 40 * magnitude


def _open(width: int, height: int, title: str, desc: str, css_class: str) -> tuple[str, str]:
    uid = f"chart-{next(_ids)}"
    head = (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart {escape(css_class)}" role="img" '
        f'viewBox="0 0 {width} {height}" width="100%" preserveAspectRatio="xMinYMin meet" '
        f'aria-labelledby="{uid}-t {uid}-d" font-family="{escape(FONT)}" font-size="12">'
        f'<title id="{uid}-t">{escape(title)}</title><desc id="{uid}-d">{escape(desc)}</desc>'
        f'<text x="8" y="18" font-size="14" font-weight="bold" fill="#111">{escape(title)}</text>'
    )
    return head, "</svg>"


def bar_chart(
    *,
    title: str,
    labels: Sequence[str],
    values: Sequence[float],
    unit: str = "",
    max_value: float | None = None,
    value_labels: Sequence[str] | None = None,
    width: int = 640,
    height: int = 260,
    css_class: str = "",
) -> str:
    """Vertical bars with a value above each; `max_value` fixes the scale (100 for rates)."""
    if len(labels) != len(values):
        raise ValueError("labels and values differ in length")
    texts = list(value_labels) if value_labels is not None else [_fmt(v) for v in values]
    desc = "；".join(f"{label}：{text}{unit}" for label, text in zip(labels, texts, strict=True))
    head, tail = _open(width, height, title, desc, css_class)
    left, right, top, bottom = 44, 12, 34, 30
    plot_w, plot_h = width - left - right, height - top - bottom
    top_value = max_value if max_value is not None else _nice_max(max(values, default=0))
    parts = [head]
    for i in range(5):  # grid lines and axis labels at 0, ¼, ½, ¾, 1
        y = top + plot_h - plot_h * i / 4
        parts.append(f'<line x1="{left}" y1="{y:.1f}" x2="{width - right}" y2="{y:.1f}" '
                     f'stroke="{GRID}" stroke-width="1"/>')
        parts.append(f'<text x="{left - 6}" y="{y + 4:.1f}" text-anchor="end" fill="{AXIS}">'
                     f'{_fmt(top_value * i / 4)}</text>')
    slot = plot_w / max(len(values), 1)
    bar_w = slot * 0.64
    for i, (label, value, text) in enumerate(zip(labels, values, texts, strict=True)):
        h = plot_h * (value / top_value) if top_value else 0
        x = left + slot * i + (slot - bar_w) / 2
        y = top + plot_h - h
        parts.append(
            f'<rect class="bar" x="{x:.1f}" y="{y:.1f}" width="{bar_w:.1f}" height="{h:.1f}" '
            f'fill="{BAR}"><title>{escape(label)}：{escape(text)}{escape(unit)}</title></rect>'
        )
        parts.append(f'<text x="{x + bar_w / 2:.1f}" y="{y - 4:.1f}" text-anchor="middle" '
                     f'fill="#111">{escape(text)}</text>')
        parts.append(f'<text x="{x + bar_w / 2:.1f}" y="{height - bottom + 16}" '
                     f'text-anchor="middle" fill="{AXIS}">{escape(label)}</text>')
    parts.append(f'<line x1="{left}" y1="{top + plot_h}" x2="{width - right}" y2="{top + plot_h}" '
                 f'stroke="{AXIS}" stroke-width="1"/>')
    parts.append(tail)
    return "".join(parts)


def hbar_chart(
    *,
    title: str,
    labels: Sequence[str],
    values: Sequence[float],
    unit: str = "",
    width: int = 640,
    label_width: int = 250,
    css_class: str = "",
) -> str:
    """Horizontal bars, one row per label (long labels stay readable)."""
    if len(labels) != len(values):
        raise ValueError("labels and values differ in length")
    row_h, top = 22, 34
    height = top + row_h * max(len(values), 1) + 10
    desc = "；".join(f"{label}：{_fmt(v)}{unit}" for label, v in zip(labels, values, strict=True))
    head, tail = _open(width, height, title, desc, css_class)
    top_value = _nice_max(max(values, default=0))
    plot_w = width - label_width - 50
    parts = [head]
    for i, (label, value) in enumerate(zip(labels, values, strict=True)):
        y = top + row_h * i
        w = plot_w * value / top_value if top_value else 0
        short = label if len(label) <= 20 else label[:19] + "…"
        parts.append(f'<text x="{label_width - 6}" y="{y + 15}" text-anchor="end" fill="#111">'
                     f'{escape(short)}</text>')
        parts.append(
            f'<rect class="bar" x="{label_width}" y="{y + 3}" width="{w:.1f}" height="{row_h - 6}" '
            f'fill="{BAR}"><title>{escape(label)}：{_fmt(value)}{escape(unit)}</title></rect>'
        )
        parts.append(f'<text x="{label_width + w + 4:.1f}" y="{y + 15}" fill="#111">'
                     f'{_fmt(value)}</text>')
    parts.append(tail)
    return "".join(parts)


# --- data: one grouped aggregate query per chart -------------------------------------------


def requests_per_month(agency_ids: Iterable[int], year: int) -> list[int]:
    """Requests received (收到申请日期) in each month of `year` — table 三's 本年新收 by month."""
    from django.db.models import Count
    from django.db.models.functions import ExtractMonth

    from gongkai.applications.models import Application

    rows = (
        Application.objects.filter(agency_id__in=list(agency_ids), received_on__year=year,
                                   applicant_type__in=[c.code for c in template.APPLICANT_TYPES])
        .annotate(month=ExtractMonth("received_on")).values("month")
        .annotate(n=Count("id")).values_list("month", "n")
    )
    counts = [0] * 12
    for month, n in rows:
        counts[month - 1] = n
    return counts


def on_time_by_month(agency_ids: Iterable[int], year: int,
                     today: datetime.date | None = None) -> list[OnTime]:
    """按期答复率 per month (gongkai.applications.selectors.on_time_counts: answered by month of
    答复日期, overdue open requests as late by month of their due date)."""
    from django.utils import timezone

    from gongkai.applications.models import Application
    from gongkai.applications.selectors import OnTime, on_time_counts

    counts = on_time_counts(Application.objects.filter(agency_id__in=list(agency_ids)), year=year,
                            today=today or timezone.localdate(), by="month")
    return [counts.get(month, OnTime()) for month in range(1, 13)]


def requests_per_month_svg(agency_ids: Iterable[int], year: int) -> str:
    counts = requests_per_month(agency_ids, year)
    return bar_chart(title=f"{year}年每月新收政府信息公开申请（共{sum(counts)}件）",
                     labels=MONTHS, values=counts, unit="件", css_class="chart-months")


def on_time_rate_svg(agency_ids: Iterable[int], year: int,
                     today: datetime.date | None = None) -> str:
    data = on_time_by_month(agency_ids, year, today)
    on_time, counted = sum(m.on_time for m in data), sum(m.counted for m in data)
    overall = f"{100 * on_time / counted:.1f}%" if counted else "—"
    rates = [100 * (m.rate or 0) for m in data]
    texts = [f"{r:.0f}" if m.counted else "—" for r, m in zip(rates, data, strict=True)]
    return bar_chart(
        title=f"{year}年按期答复率（全年 {overall}，{on_time}/{counted}件，逾期未答复的计为未按期）",
        labels=MONTHS, values=rates, unit="%", max_value=100, value_labels=texts,
        css_class="chart-on-time",
    )


def outcomes_svg(report) -> str:
    """办理结果 of table 三 (总计 column), by the six groups of the format."""
    labels, values = [], []
    for group in template.OUTCOME_GROUPS:
        rows = [r for r in template.OUTCOMES if r.label.startswith(group) or group in r.group]
        labels.append(group)
        values.append(sum(report.value(template.TABLE3.code, r.code, template.TOTAL) for r in rows))
    total = sum(values)
    return hbar_chart(title=f"{report.year or ''}年办理结果（共{total}件）", labels=labels,
                      values=values, unit="件", css_class="chart-outcomes")


def report_charts_svg(agency_ids: Iterable[int], year: int, report,
                      today: datetime.date | None = None) -> list[str]:
    """The report page's charts: requests per month, outcomes (from `report`), on-time rate."""
    return [requests_per_month_svg(agency_ids, year), outcomes_svg(report),
            on_time_rate_svg(agency_ids, year, today)]
