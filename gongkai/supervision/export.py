"""The dashboard as an XLSX workbook: one sheet per section (openpyxl)."""

from __future__ import annotations

from io import BytesIO

from openpyxl import Workbook
from openpyxl.styles import Font

from .selectors import Dashboard

REPORT_STATES = {
    "published": "已按时发布", "late": "逾期发布", "failing": "未通过校验",
    "missing": "逾期未发布", "pending": "未到期限",
}


def _sheet(workbook: Workbook, title: str, header: list[str], rows: list[list]) -> None:
    sheet = workbook.create_sheet(title)
    sheet.append(header)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append(row)
        for cell in sheet[sheet.max_row]:
            if cell.data_type == "f":  # openpyxl takes any "=..." string for a formula
                cell.data_type = "s"
    for column, name in zip(sheet.columns, header, strict=False):
        sheet.column_dimensions[column[0].column_letter].width = max(12, len(name) * 2 + 4)


def dashboard_xlsx(dashboard: Dashboard) -> bytes:
    workbook = Workbook()
    workbook.remove(workbook.active)
    _sheet(workbook, "排名", ["名次", "机构", "得分", "扣分原因"], [
        [i, r.agency.name, r.score.points, "；".join(f"{why}（-{pts:g}）" for why, pts in r.score.reasons)]
        for i, r in enumerate(dashboard.ranking, 1)
    ])
    _sheet(workbook, "依申请公开", ["机构", "办理中", "3个工作日内到期", "已超期", f"{dashboard.year}年办结", "按期办结", "按期答复率"], [
        [r.agency.name, r.open_requests, r.due_soon, r.overdue, r.closed, r.closed_on_time,
         f"{r.on_time_rate:.1%}" if r.on_time_rate is not None else "—"]
        for r in dashboard.rows
    ])
    _sheet(workbook, "长期未更新栏目", ["机构", "栏目", "最近发布日期"], [
        [r.agency.name, name, last] for r in dashboard.rows for name, last in r.stale_categories
    ])
    _sheet(workbook, "超期公开", ["机构", "标题", "成文日期", "发布日期"], [
        [r.agency.name, title, written, published]
        for r in dashboard.rows for _pk, title, written, published in r.late_publications
    ])
    _sheet(workbook, "年度报告", ["机构", "年度", "状态", "错误数", "警告数", "发布时间"], [
        [r.agency.name, dashboard.year, REPORT_STATES[r.report_state],
         r.report.error_count if r.report else "", r.report.warning_count if r.report else "",
         r.report.published_at.strftime("%Y-%m-%d") if r.report and r.report.published_at else ""]
        for r in dashboard.rows
    ])
    _sheet(workbook, "外部年报检查", ["机构", "年度", "文件", "状态", "错误数", "警告数"], [
        [r.agency.name, c.year, c.original_name, c.get_status_display(), c.error_count, c.warning_count]
        for r in dashboard.rows for c in r.uploaded_checks
    ])
    buffer = BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
