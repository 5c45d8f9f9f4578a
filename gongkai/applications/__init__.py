"""依申请公开: disclosure requests, their event log, the status workflow, deadlines in working days,
letters, fees, and the applicant's and the handler's pages.

Must not import: `reports`, `appeals`, `supervision`, `api`, `demo` (they read requests;
the statutory vocabularies come from `reportformat.template`).

It may import the search package: the disclosure log declares its corpus there
(published_search.py) and search never imports this package.
"""
