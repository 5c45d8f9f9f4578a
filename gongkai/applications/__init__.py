"""依申请公开: disclosure requests, their event log, the status workflow, deadlines in working days,
letters, fees, and the applicant's and the handler's pages.

Must not import: `reports`, `appeals`, `supervision`, `search`, `api`, `demo` (they read requests;
the statutory vocabularies come from `reportformat.template`).
"""
