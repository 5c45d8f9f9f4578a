"""Models of 依申请公开: the application, its append-only event log, and the files replied.

Dependencies point one way: `event` and `reply_file` import `application`, `redaction`
and `publication` import `reply_file`, `same_information` imports `application`,
`applicant_thread` imports `event`, never the reverse.
Statutory vocabularies (outcome codes, applicant types) come from gongkai.reportformat.template.
"""

from .applicant_thread import ApplicantNotice, CorrectionFile, NoticeKind
from .application import (
    Application,
    ApplicationQuerySet,
    Channel,
    Delivery,
    IdType,
    InfoForm,
    Status,
    new_query_code,
)
from .event import ApplicationEvent, ConsultationKind, EventKind, FeeMethod
from .numbering import RequestNumberSequence, number_issue, parse_reference
from .publication import PublishedRequest
from .redaction import GROUND_CHOICES, MarkKind, Redaction, RedactionMark, RedactionStatus
from .reply_file import ReplyFile
from .same_information import (
    ProposalStatus,
    SameInformation,
    SameInformationMember,
    art44_threshold,
)

__all__ = [
    "ApplicantNotice",
    "Application",
    "ApplicationEvent",
    "ApplicationQuerySet",
    "Channel",
    "ConsultationKind",
    "CorrectionFile",
    "Delivery",
    "GROUND_CHOICES",
    "EventKind",
    "FeeMethod",
    "IdType",
    "InfoForm",
    "MarkKind",
    "ProposalStatus",
    "NoticeKind",
    "PublishedRequest",
    "Redaction",
    "RedactionMark",
    "RedactionStatus",
    "ReplyFile",
    "RequestNumberSequence",
    "SameInformation",
    "SameInformationMember",
    "Status",
    "art44_threshold",
    "new_query_code",
    "number_issue",
    "parse_reference",
]
