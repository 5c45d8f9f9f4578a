"""Requests for the same information and the proposal to disclose it proactively (《条例》第四十四
条第一款): staff link requests, dismiss a proposal with a reason, or turn it into a draft of the
catalog — through the catalog's own service, so the draft goes through its review like any other
document. Every act is audited."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from gongkai import audit
from gongkai.applications.audit_actions import (
    PROPOSAL_DISMISS,
    PROPOSAL_DRAFT,
    SAME_INFORMATION_LINK,
    SAME_INFORMATION_UNLINK,
)

from ..models import (
    Application,
    ProposalStatus,
    SameInformation,
    SameInformationMember,
    art44_threshold,
)
from ..models.same_information import DISCLOSABLE_OUTCOMES
from ..permissions import can_link_same_information, can_view_same_information
from .base import refuse, require

STAFF_BASIS = "工作人员认定"
REASON_MAX = 2000


def _locked(group: SameInformation) -> SameInformation:
    return SameInformation.objects.select_for_update().get(pk=group.pk)


@transaction.atomic
def same_information_link(*, applications: list[Application], actor, basis: str = ""
                          ) -> SameInformation:
    """Record that `applications` (two or more, one agency, answered by disclosing) asked for the
    same information: they join the group one of them is in, or a new one; two open groups are
    merged. `basis` says why (a confirmed suggestion's reason), staff judgement by default."""
    pks = sorted({a.pk for a in applications})
    rows = list(Application.objects.select_for_update().filter(pk__in=pks).order_by("pk"))
    if len(rows) < 2:
        raise refuse(_("请至少选择两件申请。"), "too_few")
    agency_ids = {a.agency_id for a in rows}
    if len(agency_ids) > 1:
        raise refuse(_("只能认定同一机关收到的申请为同一信息。"), "different_agencies")
    agency = rows[0].agency
    require(can_link_same_information(actor, agency))
    for app in rows:
        if not app.is_closed or app.outcome not in DISCLOSABLE_OUTCOMES:
            raise refuse(_("%(reference)s 尚未以予以公开或部分公开办结，不能认定为同一信息。"),
                         "not_disclosed", reference=app.reference)
    members = {m.application_id: m for m in SameInformationMember.objects.select_related("group")
               .filter(application_id__in=pks)}
    groups = sorted({m.group for m in members.values()}, key=lambda g: g.pk)
    if len(groups) > 1 and any(g.status != ProposalStatus.OPEN for g in groups):
        raise refuse(_("已处理的建议不能与其他申请合并。"), "decided_group")
    group = groups[0] if groups else SameInformation.objects.create(agency=agency)
    for other in groups[1:]:
        SameInformationMember.objects.filter(group=other).update(group=group)
        other.delete()
    basis = (basis or "").strip()[:200] or STAFF_BASIS
    for app in rows:
        if app.pk in members:
            continue
        SameInformationMember.objects.create(group=group, application=app, basis=basis,
                                             linked_by=actor)
        audit.record(actor=actor, action=SAME_INFORMATION_LINK, target=app,
                     data={"group": group.pk, "with": [p for p in pks if p != app.pk],
                           "basis": basis})
    return group


@transaction.atomic
def same_information_unlink(*, application: Application, actor) -> None:
    """Take a request out of its group while the proposal is undecided; a group left with one
    request is dissolved."""
    require(can_link_same_information(actor, application.agency))
    member = (SameInformationMember.objects.select_for_update().select_related("group")
              .filter(application=application).first())
    if member is None:
        raise refuse(_("该申请未被认定为同一信息。"), "not_linked")
    group = _locked(member.group)
    if group.status != ProposalStatus.OPEN:
        raise refuse(_("建议已处理，不能再修改。"), "decided_group")
    member.delete()
    audit.record(actor=actor, action=SAME_INFORMATION_UNLINK, target=application,
                 data={"group": group.pk})
    if group.members.count() < 2:
        group.delete()


def _undecided_proposal(group: SameInformation) -> SameInformation:
    from ..selectors import applicant_count

    group = _locked(group)
    if group.status != ProposalStatus.OPEN:
        raise refuse(_("该建议已经处理。"), "already_decided")
    if applicant_count(group) < art44_threshold():
        raise refuse(_("提出申请的不足 %(n)s 个申请人，尚不构成纳入主动公开的建议。"),
                     "below_threshold", n=art44_threshold())
    return group


@transaction.atomic
def proposal_dismiss(*, group: SameInformation, actor, reason: str) -> SameInformation:
    """Not taken into proactive disclosure, and why (the reason is kept and audited)."""
    require(can_link_same_information(actor, group.agency))
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": ValidationError(_("请填写不予采纳的理由。"),
                                                         code="reason_required")})
    if len(reason) > REASON_MAX:
        raise ValidationError({"reason": ValidationError(_("理由过长。"), code="reason_too_long")})
    group = _undecided_proposal(group)
    group.status, group.dismiss_reason = ProposalStatus.DISMISSED, reason
    group.decided_by, group.decided_at = actor, timezone.now()
    group.save(update_fields=["status", "dismiss_reason", "decided_by", "decided_at"])
    audit.record(actor=actor, action=PROPOSAL_DISMISS, target=group, reason=reason,
                 data={"applications": list(group.members.values_list("application_id",
                                                                       flat=True))})
    return group


@transaction.atomic
def proposal_draft(*, group: SameInformation, actor, title: str, category, summary: str = "",
                   body: str = "", file_ids=()):
    """A draft in the catalog (草稿) holding the information, created by the catalog's own
    `document_create` (only a 信息发布员 may) with the chosen files already public in the
    disclosure log attached; it is published, or not, by the catalog's review."""
    from gongkai.catalog import services as catalog

    from ..selectors import proposal_files

    require(can_view_same_information(actor, group.agency))
    group = _undecided_proposal(group)
    available = {f.reply_file_id: f for f in proposal_files(group)}
    if any(pk not in available for pk in file_ids):
        raise ValidationError({"file_ids": ValidationError(
            _("只能附上已在答复公开栏目公开的文件。"), code="file_not_public")})
    document = catalog.document_create(agency=group.agency, actor=actor, data={
        "title": title, "category": category, "summary": summary, "body": body})
    for pk in file_ids:
        item = available[pk]
        with item.open() as handle:
            catalog.attachment_add(document=document, actor=actor,
                                   upload=ContentFile(handle.read(), name=item.name))
    group.status, group.document = ProposalStatus.DRAFTED, document
    group.decided_by, group.decided_at = actor, timezone.now()
    group.save(update_fields=["status", "document", "decided_by", "decided_at"])
    audit.record(actor=actor, action=PROPOSAL_DRAFT, target=group,
                 data={"document": document.pk, "files": list(file_ids)})
    return document
