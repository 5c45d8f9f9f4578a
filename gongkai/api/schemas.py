"""Shapes of the JSON API (pydantic, through django-ninja). Labels come from the models."""

from __future__ import annotations

import datetime

from ninja import Field, Schema


class ErrorOut(Schema):
    code: str
    message: str
    fields: dict[str, list[str]] = {}


def responses(ok, *other: int) -> dict:
    """The response map of an operation: `ok` for 200, and the JSON error shape for the
    errors every operation can give (422 bad parameters, 429 rate limited) and `other`."""
    return {200: ok, **{code: ErrorOut for code in (422, 429, *other)}}


class AgencyOut(Schema):
    slug: str
    name: str
    parent: str | None
    level: str
    functions: str
    internal_units: str
    address: str
    office_hours: str
    phone: str
    leaders: list[str]
    url: str


class CategoryOut(Schema):
    slug: str
    name: str
    parent: str | None
    article_item: int | None


class AttachmentOut(Schema):
    name: str
    kind: str
    size: int
    url: str


class DocumentOut(Schema):
    id: int
    index_no: str
    title: str
    doc_number: str
    agency: str
    agency_name: str
    category: str
    category_name: str
    kind: str
    kind_label: str
    topic: str
    topic_label: str
    validity: str
    validity_label: str
    written_on: datetime.date | None
    published_on: datetime.date | None
    url: str


class DocumentDetailOut(DocumentOut):
    summary: str
    body_html: str
    validity_changed_on: datetime.date | None
    interprets: int | None
    interpretations: list[int]
    attachments: list[AttachmentOut]


class SearchHitOut(Schema):
    document: DocumentOut
    in_title: bool
    snippet_html: str


class SearchOut(Schema):
    query: str
    count: int
    count_display: str
    count_estimated: bool = Field(False, description="count 为估算值（约数），不是精确条数")
    page: int
    pages: int
    results: list[SearchHitOut]
    message: str = ""


class RequestIn(Schema):
    agency: str
    applicant_type: str
    applicant_name: str
    id_type: str
    id_number: str
    legal_representative: str = ""
    contact_person: str = ""
    phone: str
    email: str = ""
    address: str = ""
    postal_code: str = ""
    title: str = ""
    document_number: str = ""
    description: str = ""
    info_form: str
    delivery: str


class LookupIn(Schema):
    code: str
    phone: str


class TimelineOut(Schema):
    on: datetime.date
    text: str


class RequestStatusOut(Schema):
    query_code: str
    agency: str
    status: str
    status_label: str
    received_on: datetime.date
    due_on: datetime.date | None
    due_on_provisional: bool = Field(
        description="答复期限为暂定：涉及尚未录入节假日安排的年度，录入后重新计算")
    due_on_provisional_reason: str = Field(description="暂定的原因，如“2027 年节假日安排尚未录入”")
    closed_on: datetime.date | None
    outcome: str
    outcome_label: str
    result: str = Field("", description="处理结果的通俗说明（办结后）/ the outcome in plain words")
    timeline: list[TimelineOut]


class FindingOut(Schema):
    rule: str
    severity: str
    code: str
    message: str
    section: str | None
    table: str | None
    row: str | None
    column: str | None
    line: int | None


class ReportCheckOut(Schema):
    file: str
    source_format: str
    errors: int
    warnings: int
    notices: int
    exit_code: int
    findings: list[FindingOut]
    numbers: dict[str, int | float | str]
