"""年度报告: the statutory annual report — its format as data, validation, parsing, rendering.

The engine is pure Python and needs no Django settings:

    from gongkai.reports.values import Report
    from gongkai.reports.validate import validate          # (report, previous=None) -> findings
    from gongkai.reports.parse import parse_file           # (path) -> ParseResult
    from gongkai.reports.render import render_text, render_html, render_docx, render_pdf

The management command `gongkai report …` is a thin wrapper around these.
"""
