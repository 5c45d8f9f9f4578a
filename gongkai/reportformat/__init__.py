"""The national format of the 政府信息公开工作年度报告, as a pure package.

It owns the format as data (`template`), a report's typed values (`values`), the validation
rules (`validate`), the open-data JSON Schema (`schema`), reading reports written elsewhere
(`parse`: text, HTML, DOCX, PDF) and rendering them (`render`: text, HTML, DOCX, PDF):

    from gongkai.reportformat.values import Report
    from gongkai.reportformat.validate import validate          # (report, previous=None) -> findings
    from gongkai.reportformat.parse import parse_file           # (path) -> ParseResult
    from gongkai.reportformat.render import render_text, render_html, render_docx, render_pdf

Must not import: Django, or any other package of `gongkai` (the site's apps import this one, never
the reverse). `tests/reportformat/test_import_boundary.py` enforces it. Anyone may import it: the
request workflow takes its outcome codes and applicant types from `template`.
"""
