"""权责清单 through the real pages and services: items with their decisions, adjustments and
history, process charts, the import that refuses a whole file for one bad row, exports that
import back, and who may do what."""

from __future__ import annotations

import datetime as dt
import io
import json

import openpyxl
import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from gongkai.agencies.models import Role
from gongkai.audit.models import AuditEntry
from gongkai.powers import services
from gongkai.powers.models import ChangeKind, PowerItem, PowerStatus
from gongkai.powers.tables import COLUMNS

pytestmark = pytest.mark.django_db
DECIDED = dt.date(2025, 2, 10)
PNG = (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02\x00\x00"
       b"\x00\x90wS\xde\x00\x00\x00\x0cIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N\x00"
       b"\x00\x00\x00IEND\xaeB`\x82")


@pytest.fixture
def keeper(agency, make_staff):
    return make_staff(agency, Role.ADMIN)


def _item(actor, agency, code="XK-001", **data):
    values = {"category": "licensing", "code": code, "name": "成品油零售经营资格审批",
              "legal_basis": "《国务院对确需保留的行政审批项目设定行政许可的决定》第183项",
              "implementing_body": "市场运行股"}
    values.update(data)
    return services.item_create(actor=actor, agency=agency, data=values,
                                decision="西商〔2025〕3号", decided_on=DECIDED)


def _table(rows, header=None) -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(header or [h for h, _r, _m in COLUMNS.values()])
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


ROW = ["CF-001", "对违反《商务部门管理办法》行为的处罚", "行政处罚", "《单用途商业预付卡管理办法》第三十六条",
       "综合执法股", "自由裁量权过大", "执行裁量基准", "双随机检查"]


def test_create_through_the_form_records_the_decision_and_audits(client, agency, keeper):
    client.force_login(keeper)
    response = client.post(reverse("powers:staff_create"), {
        "agency": agency.pk, "category": "licensing", "code": "XK-001", "name": "成品油零售经营资格审批",
        "legal_basis": "第一条\n第二条", "implementing_body": "市场运行股",
        "decision": "西商〔2025〕3号", "decided_on": "2025-02-10"})
    item = PowerItem.objects.get()
    assert response.status_code == 302 and item.basis_lines == ["第一条", "第二条"]
    change = item.changes.get()
    assert (change.kind, change.decision, change.decided_on) == (ChangeKind.ADDED, "西商〔2025〕3号", DECIDED)
    assert AuditEntry.objects.filter(action="powers.item.create", actor=keeper).exists()


def test_a_change_without_its_decision_and_a_duplicate_code_are_refused(agency, keeper):
    _item(keeper, agency)
    with pytest.raises(ValidationError) as duplicate:
        _item(keeper, agency)
    assert "__all__" in duplicate.value.message_dict or duplicate.value.messages
    with pytest.raises(ValidationError) as no_decision:
        services.item_create(actor=keeper, agency=agency, data={}, decision="", decided_on=None)
    assert no_decision.value.code == "decision_required"


def test_adjust_and_abolish_keep_a_public_history(client, agency, keeper):
    item = _item(keeper, agency)
    services.item_adjust(actor=keeper, item=item, data={"implementing_body": "行政审批股"},
                         decision="西商〔2025〕9号", decided_on=dt.date(2025, 6, 1))
    services.item_abolish(actor=keeper, item=item, decision="西政〔2025〕20号",
                          decided_on=dt.date(2025, 9, 1))
    kinds = list(item.changes.values_list("kind", flat=True))
    assert kinds == [ChangeKind.ABOLISHED, ChangeKind.ADJUSTED, ChangeKind.ADDED]
    adjusted = item.changes.get(kind=ChangeKind.ADJUSTED)
    assert adjusted.fields == {"implementing_body": ["市场运行股", "行政审批股"]}
    page = client.get(item.get_absolute_url()).content.decode()
    assert "西商〔2025〕9号" in page and "西政〔2025〕20号" in page and "已取消" in page
    listing = client.get(reverse("powers:public_list")).content.decode()
    assert item.name not in listing  # the public list shows items in force by default
    with pytest.raises(ValidationError):
        services.item_adjust(actor=keeper, item=item, data={"name": "x"}, decision="d",
                             decided_on=DECIDED)


def test_process_chart_is_checked_by_content_and_public(client, agency, keeper):
    item = _item(keeper, agency)
    with pytest.raises(ValidationError):
        services.chart_set(actor=keeper, item=item, upload=SimpleUploadedFile("图.png", b"GIF89a" + b"0" * 20))
    services.chart_set(actor=keeper, item=item, upload=SimpleUploadedFile("流程图.png", PNG))
    response = client.get(reverse("powers:chart", args=[item.pk]))
    assert response.status_code == 200 and b"".join(response.streaming_content) == PNG


def test_import_with_one_bad_row_imports_nothing_and_names_every_bad_line(client, agency, keeper):
    bad = ["CF-002", "", "行政处罚", "依据", "执法股", "", "", ""]
    wrong_category = ["CF-003", "名称", "行政命令", "依据", "执法股", "", "", ""]
    client.force_login(keeper)
    response = client.post(reverse("powers:staff_import"), {
        "agency": agency.pk, "decision": "西商〔2025〕1号", "decided_on": "2025-01-05",
        "file": SimpleUploadedFile("清单.xlsx", _table([ROW, bad, wrong_category, ROW]))})
    body = response.content.decode()
    assert response.status_code == 200 and not PowerItem.objects.exists()
    assert "第3行" in body and "“事项名称”不能为空" in body
    assert "第4行" in body and "不是十类行政权力之一" in body
    assert "第5行" in body and "与第2行重复" in body


def test_import_adds_adjusts_and_an_export_imports_back_unchanged(client, agency, keeper):
    existing = _item(keeper, agency, code="CF-001", category="penalty", name="旧名称")
    result = services.items_import(actor=keeper, agency=agency, filename="a.xlsx",
                                   content=_table([ROW, ["XK-9", "新许可", "行政许可", "依据", "审批股"]]),
                                   decision="西商〔2025〕1号", decided_on=DECIDED)
    assert (result.created, result.adjusted, result.errors) == (1, 1, [])
    existing.refresh_from_db()
    assert existing.name == ROW[1]
    exported = client.get(reverse("powers:export", args=["xlsx"]) + f"?agency={agency.pk}")
    again = services.items_import(actor=keeper, agency=agency, filename="b.xlsx",
                                  content=exported.content, decision="x", decided_on=DECIDED)
    assert (again.created, again.adjusted, again.unchanged) == (0, 0, 2)
    data = json.loads(client.get(reverse("powers:export", args=["json"])).content)
    assert {i["code"] for i in data["items"]} == {"CF-001", "XK-9"}


def test_a_county_list_includes_its_departments(client, county, agency, other_agency, keeper,
                                                make_staff):
    _item(keeper, agency, code="A-1", name="商务局的事项")
    _item(make_staff(other_agency, Role.ADMIN), other_agency, code="B-1", name="财政局的事项")
    by_county = client.get(reverse("powers:public_list") + f"?agency={county.pk}").content.decode()
    assert "商务局的事项" in by_county and "财政局的事项" in by_county
    by_agency = client.get(reverse("powers:public_list") + f"?agency={agency.pk}").content.decode()
    assert "商务局的事项" in by_agency and "财政局的事项" not in by_agency


def test_permissions(client, agency, other_agency, keeper, make_staff):
    item = _item(keeper, agency)
    stranger = make_staff(other_agency, Role.ADMIN)
    with pytest.raises(PermissionDenied):
        services.item_abolish(actor=stranger, item=item, decision="d", decided_on=DECIDED)
    client.force_login(make_staff(agency, Role.HANDLER))
    assert client.get(reverse("powers:staff_list")).status_code == 403
    client.force_login(stranger)
    assert client.get(item.get_staff_url()).status_code == 404
    supervisor = make_staff(agency.parent, Role.SUPERVISOR)
    client.force_login(supervisor)
    assert client.get(item.get_staff_url()).status_code == 200
    assert client.post(reverse("powers:staff_abolish", args=[item.pk]),
                       {"decision": "d", "decided_on": "2025-01-01"}).status_code == 403
    assert PowerItem.objects.get().status == PowerStatus.ACTIVE


def test_the_demo_county_has_a_real_looking_list(client):
    from importlib import import_module

    from gongkai.powers.models import PowerCategory

    for step in ("agencies", "workdays", "catalog", "powers", "powers"):
        import_module(f"gongkai.demo.{step}").load()
    items = PowerItem.objects.all()
    assert items.count() >= 50
    assert set(items.values_list("category", flat=True)) == set(PowerCategory.values)
    assert items.filter(status=PowerStatus.ABOLISHED).count() == 1
    assert items.filter(changes__kind=ChangeKind.ADJUSTED).count() == 2
    page = client.get(reverse("powers:public_list") + "?category=penalty").content.decode()
    assert "对虚假广告的处罚" in page
