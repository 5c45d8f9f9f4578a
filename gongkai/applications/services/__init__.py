"""Every state change of a request, one function each: `application_<verb>()`.

Keyword-only arguments, the actor passed in, one transaction, an event in the request's log and
(for staff acts) an audit record, the deadline recomputed from the log, notifications enqueued
on commit. Split by sub-domain:

- `intake`: online submission and staff registration (收到日期 per 《条例》第三十一条)
- `handling`: assignment, the look at full personal data
- `clock`: 补正, extension, consultations, fee notice and payment (the events that move the clock)
- `reply`: closing with an outcome, disclosed files, delivery, withdrawal
- `recompute`: stored due dates recomputed when a holiday schedule changes
- `publication`: the disclosure log (a closed request published without the applicant)
- `redaction`: 区分处理 of a reply file: marks, a second person's approval, the redacted PDF
- `same_information`: requests for the same information and the proposal to disclose it
  proactively (《条例》第四十四条): link, dismiss, turn into a catalog draft
- `applicant`: what the applicant does and is told without an account: 补正 uploaded online,
  due / overdue e-mails

The audit action codes they record are declared in `gongkai.applications.audit_actions`.
"""

from .applicant import (
    applicant_reminders_send,
    application_submit_correction,
    correction_file_open,
)
from .base import ApplicationError, deadline_of, refresh_deadline
from .clock import (
    application_end_consultation,
    application_extend,
    application_notify_fee,
    application_receive_correction,
    application_record_payment,
    application_request_correction,
    application_start_consultation,
    fee_quote,
)
from .handling import application_assign, application_reveal_applicant
from .intake import application_register, application_submit
from .publication import published_request_publish, published_request_withdraw
from .recompute import application_deadlines_recompute
from .redaction import (
    redaction_approve,
    redaction_mark_area,
    redaction_mark_text,
    redaction_return,
    redaction_start,
    redaction_submit,
    redaction_unmark,
)
from .reply import (
    application_attach_file,
    application_close,
    application_record_delivery,
    application_withdraw,
    reply_file_open,
)
from .same_information import (
    proposal_dismiss,
    proposal_draft,
    same_information_link,
    same_information_unlink,
)

__all__ = [
    "ApplicationError",
    "applicant_reminders_send",
    "application_assign",
    "application_attach_file",
    "application_close",
    "application_deadlines_recompute",
    "application_end_consultation",
    "application_extend",
    "application_notify_fee",
    "application_receive_correction",
    "application_record_delivery",
    "application_record_payment",
    "application_register",
    "application_request_correction",
    "application_reveal_applicant",
    "application_start_consultation",
    "application_submit",
    "application_submit_correction",
    "application_withdraw",
    "correction_file_open",
    "deadline_of",
    "fee_quote",
    "proposal_dismiss",
    "proposal_draft",
    "published_request_publish",
    "published_request_withdraw",
    "redaction_approve",
    "redaction_mark_area",
    "redaction_mark_text",
    "redaction_return",
    "redaction_start",
    "redaction_submit",
    "redaction_unmark",
    "refresh_deadline",
    "reply_file_open",
    "same_information_link",
    "same_information_unlink",
]
