"""回应关切: questions from the public (留言) to an agency, answered within a period the agency
sets, and published with the answer.

Distinct from formal disclosure requests (`applications`, 依申请公开): a question that is really a
request for information is referred to the request form, with the reason, and is not answered
here. It owns `PublicQuestion`, the agencies' answer periods (`ResponseSetting`), the public
pages (ask, follow, the published answers) and the staff queue.

Of the request app it uses only the query-code generator and the public forms' rate limiter.

Must not import: `reports`, `supervision`, `catalog`, `appeals`. The asker's name, phone and e-mail are encrypted at rest and never shown on a
public page; the published text is the one staff approved.
"""
