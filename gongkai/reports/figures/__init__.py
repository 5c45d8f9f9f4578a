"""年度业务数据: staff-entered totals for 第二十条第（五）（六）（八）项 (model `YearlyFigures`).

`parse` reads CSV/XLSX files (pure), `services` saves with permission checks and audit,
`views`/`urls` are the staff pages (mounted under /reports/figures/).
"""
