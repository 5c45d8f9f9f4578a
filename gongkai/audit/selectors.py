"""Reads of the audit log, limited to what the reader supervises."""

from __future__ import annotations

from django.db.models import QuerySet

from gongkai.agencies.models import Role
from gongkai.agencies.permissions import agencies_with_role

from .models import AuditEntry


def audit_entries_for(user, *, agency_id: int | None = None, action: str = "") -> QuerySet[AuditEntry]:
    """Entries of the agencies the user supervises (superusers: all, including system acts)."""
    entries = AuditEntry.objects.all()
    if not user.is_superuser:
        entries = entries.filter(agency__in=agencies_with_role(user, Role.SUPERVISOR))
    if agency_id:
        entries = entries.filter(agency_id=agency_id)
    if action:
        entries = entries.filter(action=action)
    return entries.select_related("agency")
