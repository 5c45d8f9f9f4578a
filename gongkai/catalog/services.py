"""Every change to a document or attachment: check permission, change, audit — one transaction.

Roles: 信息发布员 creates, edits and submits; 审核员 approves, returns, withdraws and changes
validity; nobody approves their own document. Transitions come from `workflow.TRANSITIONS`.
Views, the admin and the demo loader call these functions and nothing else to write.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from gongkai import audit
from gongkai.catalog.audit_actions import (  # noqa: F401  (re-exported for callers)
    ATTACHMENT_ADD,
    ATTACHMENT_REMOVE,
    CATEGORY_CHANGE,
    CATEGORY_CREATE,
    DOCUMENT_APPROVE,
    DOCUMENT_CREATE,
    DOCUMENT_RETURN,
    DOCUMENT_SUBMIT,
    DOCUMENT_UPDATE,
    DOCUMENT_VALIDITY,
    DOCUMENT_WITHDRAW,
)
from gongkai.richtext import rich_text_html

from . import file_writes, files
from .models import Attachment, Category, Document, IndexSequence, Status, Validity, attachment_path
from .permissions import can_create_document, can_edit_document, can_review_document
from .workflow import ensure_editable, ensure_transition

# The fields a drafter fills in; everything else is set by the workflow.
EDITABLE_FIELDS = (
    "title", "doc_number", "issuer", "written_on", "published_on", "effective_on", "category",
    "topic", "kind", "validity", "validity_changed_on", "summary", "keywords", "body", "interprets",
)
REASON_MAX = 2000


def _require_reason(reason: str) -> str:
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError(_("请填写理由。"), code="reason_required")
    if len(reason) > REASON_MAX:
        raise ValidationError(_("理由过长。"), code="reason_too_long")
    return reason


def _locked(document: Document) -> Document:
    return Document.objects.select_for_update(of=("self",)).select_related("agency").get(pk=document.pk)


def _apply(document: Document, data: dict[str, Any]) -> list[str]:
    changed = []
    for field in EDITABLE_FIELDS:
        if field not in data:
            continue
        value = data[field]
        if field == "body":
            value = rich_text_html(value or "")
        elif isinstance(value, str):
            value = value.strip()
        if field == "validity" and value == Validity.VALID:
            data.setdefault("validity_changed_on", None)
        if field in ("category", "interprets"):
            current, value_key = getattr(document, f"{field}_id"), getattr(value, "pk", value)
        else:
            current, value_key = getattr(document, field), value
        if current != value_key:
            setattr(document, field, value)
            changed.append(field)
    if "interprets" in changed and document.interprets_id and not Document.objects.filter(
        pk=document.interprets_id, status=Status.PUBLISHED
    ).exists():
        raise ValidationError(
            {"interprets": ValidationError(_("被解读的政策须为已发布的信息。"), code="policy_not_published")}
        )
    return changed


def _value_for_audit(value) -> Any:
    if isinstance(value, dt.date):
        return value.isoformat()
    if hasattr(value, "pk"):
        return value.pk
    return value


@transaction.atomic
def document_create(*, agency, actor, data: dict[str, Any]) -> Document:
    """A 信息发布员 drafts a document in their agency (状态：草稿)."""
    if not can_create_document(actor, agency):
        raise PermissionDenied
    document = Document(agency=agency, created_by=actor, status=Status.DRAFT)
    data = dict(data)
    _apply(document, data)
    document.full_clean()
    document.save()
    audit.record(
        actor=actor, action=DOCUMENT_CREATE, target=document,
        data={"title": document.title, "kind": document.kind, "category": document.category.slug},
    )
    return document


@transaction.atomic
def document_update(*, document: Document, actor, data: dict[str, Any]) -> Document:
    """Change a draft, a returned or a withdrawn document; the body is sanitised."""
    if not can_edit_document(actor, document):
        raise PermissionDenied
    document = _locked(document)
    ensure_editable(document.status)
    changed = _apply(document, dict(data))
    if changed:
        document.full_clean()
        document.save()
        audit.record(
            actor=actor, action=DOCUMENT_UPDATE, target=document,
            data={"fields": changed,
                  "values": {f: _value_for_audit(getattr(document, f)) for f in changed if f != "body"}},
        )
    return document


@transaction.atomic
def document_submit(*, document: Document, actor) -> Document:
    """草稿 (or 已退回 / 已撤回) → 待审核."""
    if not can_edit_document(actor, document):
        raise PermissionDenied
    document = _locked(document)
    ensure_transition(document.status, Status.PENDING)
    document.full_clean()
    previous = document.status
    document.status = Status.PENDING
    document.submitted_by = actor
    document.save(update_fields=["status", "submitted_by", "updated_at"])
    audit.record(actor=actor, action=DOCUMENT_SUBMIT, target=document, data={"from": previous})
    return document


def index_no_issue(*, agency, year: int) -> str:
    """The next 索引号 of `agency` for `year`: `{code}/{year}-{serial:05d}`.

    The serial restarts each year and is drawn from a locked IndexSequence row, so two
    publications at the same moment never share one. Call inside a transaction.
    """
    IndexSequence.objects.bulk_create(
        [IndexSequence(agency=agency, year=year, last_value=0)], ignore_conflicts=True
    )
    sequence = IndexSequence.objects.select_for_update().get(agency=agency, year=year)
    sequence.last_value += 1
    sequence.save(update_fields=["last_value"])
    return f"{agency.code}/{year}-{sequence.last_value:05d}"


@transaction.atomic
def document_approve(*, document: Document, actor, note: str = "") -> Document:
    """待审核 → 已发布. Issues the 索引号 on first publication; it never changes afterwards.

    Nobody approves a document they drafted or submitted.
    """
    if not can_review_document(actor, document):
        raise PermissionDenied
    document = _locked(document)
    ensure_transition(document.status, Status.PUBLISHED)
    if actor.pk in {document.created_by_id, document.submitted_by_id}:
        raise ValidationError(
            _("不能审核自己起草或提交的信息，请由本机构其他审核员审核。"), code="self_approval"
        )
    if document.published_on is None:
        document.published_on = timezone.localdate()
    document.full_clean()
    if not document.index_no:
        document.index_no = index_no_issue(agency=document.agency, year=document.published_on.year)
    document.status = Status.PUBLISHED
    document.reviewed_by = actor
    document.review_note = (note or "").strip()
    document.published_at = timezone.now()
    document.save()
    audit.record(
        actor=actor, action=DOCUMENT_APPROVE, target=document, reason=document.review_note,
        data={"index_no": document.index_no, "published_on": document.published_on.isoformat()},
    )
    return document


@transaction.atomic
def document_return(*, document: Document, actor, reason: str) -> Document:
    """待审核 → 已退回, with the reason the drafter reads."""
    if not can_review_document(actor, document):
        raise PermissionDenied
    reason = _require_reason(reason)
    document = _locked(document)
    ensure_transition(document.status, Status.RETURNED)
    document.status = Status.RETURNED
    document.reviewed_by = actor
    document.review_note = reason
    document.save(update_fields=["status", "reviewed_by", "review_note", "updated_at"])
    audit.record(actor=actor, action=DOCUMENT_RETURN, target=document, reason=reason)
    return document


@transaction.atomic
def document_withdraw(*, document: Document, actor, reason: str) -> Document:
    """已发布 → 已撤回 (the public pages stop showing it; the 索引号 stays with it)."""
    if not can_review_document(actor, document):
        raise PermissionDenied
    reason = _require_reason(reason)
    document = _locked(document)
    ensure_transition(document.status, Status.WITHDRAWN)
    document.status = Status.WITHDRAWN
    document.review_note = reason
    document.save(update_fields=["status", "review_note", "updated_at"])
    audit.record(
        actor=actor, action=DOCUMENT_WITHDRAW, target=document, reason=reason,
        data={"index_no": document.index_no},
    )
    return document


@transaction.atomic
def document_set_validity(
    *, document: Document, actor, validity: str, changed_on: dt.date | None, reason: str = ""
) -> Document:
    """有效 / 失效 / 废止 with the date it changed (a 审核员's act, in any status)."""
    if not can_review_document(actor, document):
        raise PermissionDenied
    document = _locked(document)
    if validity not in Validity.values:
        raise ValidationError(_("有效性取值无效。"), code="bad_validity")
    if validity != Validity.VALID and changed_on is None:
        raise ValidationError(
            _("文件失效或废止时须填写有效性变更日期。"), code="validity_date_required"
        )
    previous = (document.validity, document.validity_changed_on)
    document.validity = validity
    document.validity_changed_on = changed_on
    if previous == (document.validity, document.validity_changed_on):
        return document
    document.full_clean()
    document.save(update_fields=["validity", "validity_changed_on", "updated_at"])
    audit.record(
        actor=actor, action=DOCUMENT_VALIDITY, target=document, reason=(reason or "").strip(),
        data={"from": previous[0], "to": validity,
              "changed_on": changed_on.isoformat() if changed_on else None},
    )
    return document


def attachment_add(*, document: Document, actor, upload) -> Attachment:
    """Check an uploaded file by content (see `files.inspect_upload`) and store it under its hash."""
    if not can_edit_document(actor, document):
        raise PermissionDenied
    data, inspected = files.read_upload(upload, max_bytes=settings.GONGKAI_ATTACHMENT_MAX_BYTES)
    # A failure here, or later in a caller's transaction (report publication), removes the file.
    with transaction.atomic(), file_writes.removed_on_failure():
        document = _locked(document)
        ensure_editable(document.status)
        attachment = Attachment(
            document=document, original_name=inspected.name, file_kind=inspected.kind,
            size=inspected.size, sha256=inspected.sha256,
            sort_order=document.attachments.count(),
        )
        file_writes.save_by_hash(attachment.file, attachment_path(attachment, inspected.name), data)
        attachment.save()
        audit.record(
            actor=actor, action=ATTACHMENT_ADD, target=document,
            data={"name": inspected.name, "kind": inspected.kind, "size": inspected.size,
                  "sha256": inspected.sha256},
        )
    return attachment


@transaction.atomic
def attachment_remove(*, attachment: Attachment, actor) -> None:
    document = attachment.document
    if not can_edit_document(actor, document):
        raise PermissionDenied
    document = _locked(document)
    ensure_editable(document.status)
    name, storage = attachment.file.name, attachment.file.storage
    audit.record(
        actor=actor, action=ATTACHMENT_REMOVE, target=document,
        data={"name": attachment.original_name, "sha256": attachment.sha256},
    )
    attachment.delete()

    def delete_file_if_unused() -> None:
        if not Attachment.objects.filter(file=name).exists():
            storage.delete(name)

    transaction.on_commit(delete_file_if_unused)


@transaction.atomic
def category_save(*, category: Category, actor, changed: list[str]) -> Category:
    """Create or change a 公开目录 column (site administrators, in the Django admin), audited."""
    creating = category._state.adding
    if not actor.has_perm("catalog.add_category" if creating else "catalog.change_category"):
        raise PermissionDenied
    category.full_clean()
    category.save()
    audit.record(actor=actor, action=CATEGORY_CREATE if creating else CATEGORY_CHANGE,
                 target=category, data={"fields": sorted(changed)})
    return category
