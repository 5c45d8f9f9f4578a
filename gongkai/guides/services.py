"""Writes to the 办事指南. Each checks permission, validates, writes and audits in one
transaction.

    guide_save(actor=, agency=, data=, guide=None)   create, or change a guide
    guide_publish(actor=, guide=) / guide_withdraw(actor=, guide=)
    material_add(actor=, guide=, data=, upload=None) a material, with its blank form
    material_remove(actor=, material=)
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from gongkai import audit
from gongkai.catalog import file_writes, files
from gongkai.guides.audit_actions import (  # noqa: F401  (re-exported for callers)
    GUIDE_PUBLISH,
    GUIDE_SAVE,
    GUIDE_WITHDRAW,
    MATERIAL_ADD,
    MATERIAL_REMOVE,
)

from .models import GuideMaterial, GuideStatus, ServiceGuide, template_path
from .permissions import can_keep_guides

FIELDS = ("power_item", "name", "code", "conditions", "steps", "legal_days", "promised_days",
          "fees", "place", "hours", "phone", "complaint_phone", "online_url")
TEMPLATE_KINDS = (files.PDF, files.DOCX, files.XLSX)


@transaction.atomic
def guide_save(*, actor, agency, data: dict, guide: ServiceGuide | None = None) -> ServiceGuide:
    if not can_keep_guides(actor, agency if guide is None else guide.agency_id):
        raise PermissionDenied
    if guide is None:
        guide = ServiceGuide(agency=agency)
    else:
        guide = ServiceGuide.objects.select_for_update().get(pk=guide.pk)
    changed = [f for f in FIELDS if f in data and getattr(guide, f) != data[f]]
    for field in changed:
        setattr(guide, field, data[field])
    guide.updated_by = actor
    guide.full_clean()
    guide.save()
    audit.record(actor=actor, action=GUIDE_SAVE, target=guide, data={"fields": changed})
    return guide


def _set_status(actor, guide, status, *, action: str) -> ServiceGuide:
    if not can_keep_guides(actor, guide.agency_id):
        raise PermissionDenied
    guide = ServiceGuide.objects.select_for_update().get(pk=guide.pk)
    if guide.status == status:
        raise ValidationError(_("办事指南已经是“%(status)s”状态。"), code="same_status",
                              params={"status": guide.get_status_display()})
    guide.status = status
    if status == GuideStatus.PUBLISHED:
        if not guide.materials.exists():
            raise ValidationError(_("请先列出申请材料（无需材料的，添加一项“无”并说明）。"),
                                  code="no_materials")
        guide.published_on = timezone.localdate()
    guide.save()
    audit.record(actor=actor, action=action, target=guide)
    return guide


@transaction.atomic
def guide_publish(*, actor, guide: ServiceGuide) -> ServiceGuide:
    return _set_status(actor, guide, GuideStatus.PUBLISHED, action=GUIDE_PUBLISH)


@transaction.atomic
def guide_withdraw(*, actor, guide: ServiceGuide) -> ServiceGuide:
    return _set_status(actor, guide, GuideStatus.WITHDRAWN, action=GUIDE_WITHDRAW)


def material_add(*, actor, guide: ServiceGuide, data: dict, upload=None) -> GuideMaterial:
    if not can_keep_guides(actor, guide.agency_id):
        raise PermissionDenied
    inspected = content = None
    if upload is not None:
        content, inspected = files.read_upload(
            upload, max_bytes=settings.GONGKAI_ATTACHMENT_MAX_BYTES)
        if inspected.kind not in TEMPLATE_KINDS:
            raise ValidationError(_("空白表格须为 Word、Excel 或 PDF 文件。"), code="template_kind")
    with transaction.atomic(), file_writes.removed_on_failure():
        guide = ServiceGuide.objects.select_for_update().get(pk=guide.pk)
        material = GuideMaterial(guide=guide, name=data["name"], copies=data.get("copies") or "原件1份",
                                 required=data.get("required", True),
                                 sort_order=guide.materials.count())
        if inspected is not None:
            material.template_sha256, material.template_name = inspected.sha256, inspected.name
            material.template_content_type = inspected.content_type
            file_writes.save_by_hash(material.template, template_path(material, inspected.name),
                                     content)
        material.full_clean()
        material.save()
        audit.record(actor=actor, action=MATERIAL_ADD, target=guide,
                     data={"name": material.name, "template": material.template_name})
    return material


@transaction.atomic
def material_remove(*, actor, material: GuideMaterial) -> None:
    if not can_keep_guides(actor, material.guide.agency_id):
        raise PermissionDenied
    audit.record(actor=actor, action=MATERIAL_REMOVE, target=material.guide,
                 data={"name": material.name})
    material.delete()
