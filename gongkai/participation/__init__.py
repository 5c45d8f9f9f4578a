"""意见征集: a draft decision opened to the public for comments for a period, the comments
moderated, and the agency's 采纳情况 (which comments were taken, and why not) published before
or with the final decision, which links back to the consultation.

It owns `Consultation` and `Comment`, their public and staff pages, and the "feedback overdue"
query the supervision dashboard reads (`selectors.feedback_overdue`).

Must not import: `reports`, `supervision`, `appeals`. A commenter's name and contact are
encrypted at rest and never shown on a public page (only a masked name).
"""
