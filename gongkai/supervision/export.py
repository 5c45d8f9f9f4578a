"""The dashboard as an XLSX workbook: one sheet per section (openpyxl), each with a frozen,
bold header row and columns as wide as their longest cell."""

from __future__ import annotations

import datetime
import unicodedata
from io import BytesIO

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from openpyxl import Workbook
from openpyxl.styles import Font

from .selectors import Dashboard

REPORT_STATES = {
    "published": gettext_lazy("已按时发布"), "late": gettext_lazy("逾期发布"),
    "failing": gettext_lazy("未通过校验"), "missing": gettext_lazy("逾期未发布"),
    "pending": gettext_lazy("未到期限"),
}
MIN_WIDTH, MAX_WIDTH = 8, 80


def display_width(value) -> int:
    """Width of a cell's text in Excel character units: CJK and full-width characters count
    two, dates their ISO form."""
    if isinstance(value, datetime.date):
        return 10
    text = "" if value is None else str(value)
    return sum(2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1 for ch in text)


def _sheet(workbook: Workbook, title: str, header: list[str], rows: list[list]) -> None:
    sheet = workbook.create_sheet(title)
    sheet.append([str(name) for name in header])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    widths = [display_width(name) for name in header]
    for row in rows:
        sheet.append(row)
        for cell in sheet[sheet.max_row]:
            if cell.data_type == "f":  # openpyxl takes any "=..." string for a formula
                cell.data_type = "s"
        for i, value in enumerate(row):
            widths[i] = max(widths[i], display_width(value))
    for column, width in zip(sheet.columns, widths, strict=False):
        sheet.column_dimensions[column[0].column_letter].width = min(max(width + 2, MIN_WIDTH), MAX_WIDTH)
    sheet.freeze_panes = "A2"


def dashboard_xlsx(dashboard: Dashboard) -> bytes:
    workbook = Workbook()
    workbook.remove(workbook.active)
    _sheet(workbook, _("排名"), [_("名次"), _("机构"), _("得分"), _("扣分原因")], [
        [rank, r.agency.name, r.score.points,
         "；".join(f"{why}（-{pts:g}）" for why, pts in r.score.reasons)]
        for rank, r in dashboard.ranking
    ])
    _sheet(workbook, _("依申请公开"), [
        _("机构"), _("办理中"), _("3个工作日内到期"), _("已超期"),
        _("%(year)s年办结") % {"year": dashboard.year}, _("按期办结"), _("逾期未答复"), _("按期答复率"),
    ], [
        [r.agency.name, r.open_requests, r.due_soon, r.overdue, r.closed, r.closed_on_time,
         r.on_time.overdue_open, f"{r.on_time_rate:.1%}" if r.on_time_rate is not None else "—"]
        for r in dashboard.rows
    ])
    _sheet(workbook, _("长期未更新栏目"), [_("机构"), _("栏目"), _("最近发布日期"), _("最近审核确认")], [
        [r.agency.name, c.name, c.last_published, c.last_reviewed or "—"]
        for r in dashboard.rows for c in r.stale_categories
    ])
    _sheet(workbook, _("超期公开"), [_("机构"), _("标题"), _("成文日期"), _("发布日期")], [
        [r.agency.name, title, written, published]
        for r in dashboard.rows for _pk, title, written, published in r.late_publications
    ])
    _sheet(workbook, _("年度报告"), [_("机构"), _("年度"), _("状态"), _("错误数"), _("警告数"), _("发布时间")], [
        [r.agency.name, dashboard.report_year, str(REPORT_STATES[r.report_state]),
         r.report.error_count if r.report else "", r.report.warning_count if r.report else "",
         r.report.published_at.strftime("%Y-%m-%d") if r.report and r.report.published_at else ""]
        for r in dashboard.rows
    ])
    _sheet(workbook, _("外部年报检查"), [
        _("机构"), _("年度"), _("文件"), _("状态"), _("错误数"), _("警告数"), _("读取说明数"),
    ], [
        [r.agency.name, c.year, c.original_name, str(c.get_status_display()), c.error_count,
         c.warning_count, c.notice_count]
        for r in dashboard.rows for c in r.uploaded_checks
    ])
    buffer = BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
