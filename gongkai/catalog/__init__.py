"""主动公开: documents, the 公开目录 columns, the review workflow, public pages, feeds and sitemaps.

Must not import: `reports`, `applications`, `appeals`, `supervision`, `search`, `api`, `demo` (the
document kinds come from `reportformat.template`; the annual report reads documents, not the
reverse).
"""
