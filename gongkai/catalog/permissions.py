"""Who may do what with documents: predicates for views and services, querysets for lists.

信息发布员 drafts, edits and submits in their agency; 审核员 approves, returns, withdraws and
changes validity in their agency; 监督员 reads everything in their subtree. Anybody may read
a published document.
"""

from __future__ import annotations

from gongkai.agencies.models import Role
from gongkai.agencies.permissions import agencies_with_role, has_role

from .models import Document, DocumentQuerySet, Status

STAFF_READ_ROLES = (Role.PUBLISHER, Role.REVIEWER, Role.SUPERVISOR)


def can_create_document(user, agency) -> bool:
    return has_role(user, agency, Role.PUBLISHER)


def can_edit_document(user, document: Document) -> bool:
    return has_role(user, document.agency_id, Role.PUBLISHER)


def can_review_document(user, document: Document) -> bool:
    return has_role(user, document.agency_id, Role.REVIEWER)


def can_view_staff_document(user, document: Document) -> bool:
    """Staff of the agency (and supervisors above it) see a document in every status."""
    return has_role(user, document.agency_id, *STAFF_READ_ROLES)


def can_download_attachment(user, document: Document) -> bool:
    """Attachments of published documents are public; the rest only for the agency's staff."""
    return document.status == Status.PUBLISHED or can_view_staff_document(user, document)


def documents_for_staff(user) -> DocumentQuerySet:
    """Documents of every status that the user works on or supervises."""
    return Document.objects.in_agencies(agencies_with_role(user, *STAFF_READ_ROLES))


def documents_to_review(user) -> DocumentQuerySet:
    """The review queue: documents waiting in the agencies where the user is 审核员."""
    return Document.objects.in_agencies(agencies_with_role(user, Role.REVIEWER)).filter(
        status=Status.PENDING
    )
