"""行政复议 / 行政诉讼: the appeal and lawsuit cases that follow a request, their pages and services.

Must not import: `reports`, `supervision`, `api`, `demo` (the annual report counts the cases).
"""
