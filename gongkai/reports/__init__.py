"""年度报告: the Django app around the report engine (`gongkai.reportformat`).

It owns computing a report from the platform's records (`compute/`), the annual report's
workflow (草稿 → 报送 → 审定 → 发布), its staff and public pages, exports and open data, and the
agencies' yearly figures (`figures/`). The format itself, validation, parsing and rendering live in
`gongkai.reportformat`, which must never import this app.

Must not import: `supervision`, `api`, `demo` (they import this app).
"""
