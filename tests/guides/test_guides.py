"""办事指南 through the real pages and services: write, list materials with blank forms,
publish, search, withdraw; linked to a power item of the same agency only."""

from __future__ import annotations

import datetime as dt
import io

import docx
import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from gongkai.agencies.models import Role
from gongkai.audit.models import AuditEntry
from gongkai.guides import services
from gongkai.guides.models import GuideStatus, ServiceGuide
from gongkai.powers import services as powers

pytestmark = pytest.mark.django_db


@pytest.fixture
def keeper(agency, make_staff):
    return make_staff(agency, Role.PUBLISHER)


def _power(actor, agency, code="XK-1"):
    return powers.item_create(actor=actor, agency=agency, decision="d", decided_on=dt.date(2025, 1, 1),
                              data={"category": "licensing", "code": code, "name": "酒类商品批发经营许可",
                                    "legal_basis": "条例", "implementing_body": "股"})


FORM = {"name": "酒类商品批发经营许可", "conditions": "具有固定经营场所", "steps": "申请\n受理\n审查\n决定",
        "legal_days": "20", "promised_days": "5", "fees": "不收费", "place": "县政务服务中心2楼",
        "hours": "工作日 9:00—17:00", "phone": "0394-1234567"}


def _docx() -> bytes:
    document = docx.Document()
    document.add_paragraph("申请表")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_write_list_materials_publish_and_find(client, agency, keeper):
    power = _power(keeper, agency)
    client.force_login(keeper)
    response = client.post(reverse("guides:staff_create"),
                           {**FORM, "agency": agency.pk, "power_item": power.pk})
    guide = ServiceGuide.objects.get()
    assert response.status_code == 302 and guide.power_item == power
    with pytest.raises(ValidationError) as empty:
        services.guide_publish(actor=keeper, guide=guide)
    assert empty.value.code == "no_materials"
    client.post(reverse("guides:staff_material_add", args=[guide.pk]),
                {"name": "酒类商品批发经营许可申请表", "copies": "原件1份", "required": "on",
                 "upload": SimpleUploadedFile("申请表.docx", _docx())})
    client.post(reverse("guides:staff_status", args=[guide.pk, "publish"]))
    guide.refresh_from_db()
    assert guide.status == GuideStatus.PUBLISHED
    client.logout()
    found = client.get(reverse("guides:public_list") + "?q=酒类 批发").content.decode()
    assert guide.name in found
    page = client.get(guide.get_absolute_url()).content.decode()
    assert "县政务服务中心2楼" in page and "审查" in page and power.get_absolute_url() in page
    material = guide.materials.get()
    download = client.get(reverse("guides:material_template", args=[material.pk]))
    assert download.status_code == 200 and download["Content-Disposition"].startswith("attachment")
    assert AuditEntry.objects.filter(action="guides.guide.publish").count() == 1


def test_drafts_and_withdrawn_guides_are_not_public(client, agency, keeper):
    guide = services.guide_save(actor=keeper, agency=agency, data={
        **FORM, "legal_days": 20, "promised_days": 5})
    assert client.get(guide.get_absolute_url()).status_code == 404
    services.material_add(actor=keeper, guide=guide, data={"name": "身份证"})
    services.guide_publish(actor=keeper, guide=guide)
    assert client.get(guide.get_absolute_url()).status_code == 200
    services.guide_withdraw(actor=keeper, guide=guide)
    assert client.get(guide.get_absolute_url()).status_code == 404


def test_validation(agency, other_agency, keeper, make_staff):
    other_power = _power(make_staff(other_agency, Role.ADMIN), other_agency)
    with pytest.raises(ValidationError) as foreign:
        services.guide_save(actor=keeper, agency=agency, data={
            **FORM, "legal_days": 20, "promised_days": 5, "power_item": other_power})
    assert "power_item" in foreign.value.message_dict
    with pytest.raises(ValidationError) as promise:
        services.guide_save(actor=keeper, agency=agency, data={
            **FORM, "legal_days": 5, "promised_days": 10})
    assert "promised_days" in promise.value.message_dict
    guide = services.guide_save(actor=keeper, agency=agency, data={
        **FORM, "legal_days": 20, "promised_days": 5})
    with pytest.raises(ValidationError):
        services.material_add(actor=keeper, guide=guide, data={"name": "x"},
                              upload=SimpleUploadedFile("x.png", b"\x89PNG\r\n\x1a\n" + b"0" * 30))


def test_permissions(client, agency, other_agency, keeper, make_staff):
    guide = services.guide_save(actor=keeper, agency=agency, data={
        **FORM, "legal_days": 20, "promised_days": 5})
    stranger = make_staff(other_agency, Role.PUBLISHER)
    with pytest.raises(PermissionDenied):
        services.guide_publish(actor=stranger, guide=guide)
    client.force_login(stranger)
    assert client.get(guide.get_staff_url()).status_code == 404
    client.force_login(make_staff(agency, Role.HANDLER))
    assert client.get(reverse("guides:staff_list")).status_code == 403


def test_the_demo_publishes_guides_linked_to_the_power_list(client):
    from importlib import import_module

    for step in ("agencies", "workdays", "catalog", "powers", "guides", "guides"):
        import_module(f"gongkai.demo.{step}").load()
    guides = ServiceGuide.objects.published()
    assert guides.count() == 5 and not guides.filter(power_item=None).exists()
    assert all(g.power_item.agency_id == g.agency_id for g in guides)
    page = client.get(reverse("guides:public_list") + "?q=食品").content.decode()
    assert "食品经营许可（新办）" in page
