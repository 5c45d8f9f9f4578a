"""双公示 through the real pages and services: decisions entered and published within the
agency's deadline, the party masked on public pages, the import that refuses a whole file for
one bad row, overdue records for staff and the supervisor, and the annual report's 第二十条
（五）（六）（八）项 computed from the records (or from the figures form where there are none)."""

from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal

import openpyxl
import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from gongkai.agencies.models import Role
from gongkai.audit.models import AuditEntry
from gongkai.id_numbers import uscc_check_char
from gongkai.powers import services as item_services
from gongkai.powers.decisions import services
from gongkai.powers.decisions.tables import DECISION_COLUMNS
from gongkai.powers.models import Decision, FeeRecord
from gongkai.reports.compute import compute_report, item_sources
from gongkai.workdays import add_workdays
from tests.appeals.factories import make_figures

pytestmark = pytest.mark.django_db
PERSON_ID = "11010519491231002X"
PERSON = "欧阳振华"
COMPANY_CODE = "91410000MA0000001" + uscc_check_char("91410000MA0000001")


@pytest.fixture
def keeper(agency, make_staff):
    return make_staff(agency, Role.ADMIN)


def _item(actor, agency, category, code):
    return item_services.item_create(
        actor=actor, agency=agency, decision="西商〔2025〕3号", decided_on=dt.date(2025, 1, 2),
        data={"category": category, "code": code, "name": f"{category}事项", "legal_basis": "依据",
              "implementing_body": "股室"})


@pytest.fixture
def items(keeper, agency):
    return {c: _item(keeper, agency, c, f"{c}-1") for c in ("licensing", "penalty", "coercion", "levy")}


def _decision(keeper, agency, item, number, decided=dt.date(2025, 3, 3), publish=False, **extra):
    data = {"item": item, "document_no": number, "party_type": "natural", "party_name": PERSON,
            "party_id_number": PERSON_ID, "facts": "未按规定备案", "basis": "《办法》第三十六条",
            "content": "罚款二千元", "decided_on": decided}
    if item.category == "penalty":
        data.update(penalty_kind="fine", fine_amount=Decimal("2000"))
    data.update(extra)
    return services.decision_create(actor=keeper, agency=agency, data=data, publish=publish)


def test_entered_through_the_form_dated_by_the_deadline_and_audited(client, agency, keeper, items):
    client.force_login(keeper)
    response = client.post(reverse("powers:decision_create"), {
        "item": items["penalty"].pk, "document_no": "西商罚〔2025〕1号", "party_type": "natural",
        "party_name": PERSON, "party_id_number": PERSON_ID.lower(), "facts": "f", "basis": "b",
        "content": "c", "penalty_kind": "fine", "fine_amount": "2000", "decided_on": "2025-03-03"})
    decision = Decision.objects.get()
    assert response.status_code == 302
    assert decision.kind == "penalty" and decision.party_id_number == PERSON_ID
    assert decision.due_on == add_workdays(dt.date(2025, 3, 3), 7) and not decision.is_published
    assert AuditEntry.objects.filter(action="powers.decision.create", actor=keeper).exists()
    # Encrypted at rest: the database row holds neither the name nor the number.
    raw = Decision.objects.filter(pk=decision.pk).values_list("party_name", "party_id_number").query
    from django.db import connection
    with connection.cursor() as cursor:
        sql, params = raw.sql_with_params()
        cursor.execute(sql, params)
        stored = cursor.fetchone()
    assert PERSON not in stored[0] and PERSON_ID not in stored[1]


def test_the_form_reports_bad_input_in_chinese_with_codes(client, agency, keeper, items):
    client.force_login(keeper)
    response = client.post(reverse("powers:decision_create"), {
        "item": items["penalty"].pk, "document_no": "X1", "party_type": "legal", "party_name": "某公司",
        "party_id_number": "91410000MA00000010", "facts": "f", "basis": "b", "content": "c",
        "decided_on": "2025-03-03"})
    form = response.context["form"]
    assert form.has_error("party_id_number", "bad_uscc")
    assert Decision.objects.count() == 0
    with pytest.raises(ValidationError) as no_kind:
        _decision(keeper, agency, items["penalty"], "X2", penalty_kind="", fine_amount=None)
    assert no_kind.value.error_dict["penalty_kind"][0].code == "penalty_kind_required"
    with pytest.raises(ValidationError) as wrong_item:
        _decision(keeper, agency, items["levy"], "X3")
    assert wrong_item.value.error_dict["item"][0].code == "item_kind"


def test_public_page_masks_a_person_and_shows_an_organisation(client, agency, keeper, items):
    _decision(keeper, agency, items["penalty"], "西商罚〔2025〕1号", publish=True)
    _decision(keeper, agency, items["licensing"], "西商许〔2025〕2号", publish=True,
              party_type="legal", party_name="西华县某某商贸有限公司", party_id_number=COMPANY_CODE)
    unpublished = _decision(keeper, agency, items["coercion"], "西商强〔2025〕3号")
    page = client.get(reverse("powers:public_decisions"), {"agency": agency.pk}).content.decode()
    assert "欧*** " in page or "欧***<" in page or "欧***" in page
    assert PERSON not in page and PERSON_ID not in page and PERSON_ID[:6] + "*" not in page
    assert "西华县某某商贸有限公司" in page and COMPANY_CODE in page
    assert unpublished.document_no not in page and "西商罚〔2025〕1号" in page


def test_overdue_for_staff_and_the_supervisor_then_published(client, agency, keeper, items,
                                                              make_staff):
    late = _decision(keeper, agency, items["penalty"], "西商罚〔2024〕9号", decided=dt.date(2024, 3, 1))
    supervisor = make_staff(agency, Role.SUPERVISOR)
    client.force_login(keeper)
    listing = client.get(reverse("powers:decision_list"), {"state": "overdue"})
    assert list(listing.context["decisions"]) == [late] and listing.context["overdue_count"] == 1
    client.force_login(supervisor)
    assert client.get(reverse("powers:decision_detail", args=[late.pk])).status_code == 200
    with pytest.raises(PermissionDenied):
        services.decision_publish(actor=supervisor, decision=late)
    assert client.post(reverse("powers:decision_publish", args=[late.pk])).status_code == 403
    from gongkai.supervision.engagement import engagement_for
    counts = engagement_for([agency.pk], year=2025, today=dt.date(2025, 6, 1))
    assert counts[agency.pk].decisions_overdue == 1
    client.force_login(keeper)
    client.post(reverse("powers:decision_publish", args=[late.pk]))
    late.refresh_from_db()
    assert late.is_published and late.published_late
    assert AuditEntry.objects.filter(action="powers.decision.publish", data__late=True).exists()


def test_the_deadline_setting_redates_unpublished_decisions(client, agency, keeper, items):
    decision = _decision(keeper, agency, items["licensing"], "许1")
    client.force_login(keeper)
    client.post(reverse("powers:publication_setting", args=[agency.slug]), {"workdays": "3"})
    decision.refresh_from_db()
    assert decision.due_on == add_workdays(decision.decided_on, 3)


def _sheet(rows) -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append([h for h, _r, _m in DECISION_COLUMNS.values()])
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _row(number, code="penalty-1", party="法人", pid=COMPANY_CODE, kind="罚款", amount="500",
         day="2025-04-01"):
    return [code, number, party, "某公司", pid, "事实", "依据", "内容", kind, amount, day, "", "", ""]


def test_import_refuses_the_whole_file_for_one_bad_row_and_names_every_one(client, agency, keeper,
                                                                           items):
    client.force_login(keeper)
    bad = _sheet([_row("罚1"), _row("罚2", pid="123"), _row("罚1"), _row("罚4", code="NOPE"),
                  _row("罚5", day="2025-13-40")])
    response = client.post(reverse("powers:records_import", args=["decisions"]), {
        "agency": agency.pk, "file": SimpleUploadedFile("d.xlsx", bad)})
    errors = [str(e) for e in response.context["result"].errors]
    assert Decision.objects.count() == 0
    assert [e.split("：")[0] for e in errors] == ["第3行", "第4行", "第5行", "第6行"]
    assert "统一社会信用代码不正确" in errors[0] and "与第2行重复" in errors[1]
    good = _sheet([_row("罚1"), _row("罚2", party="自然人", pid=PERSON_ID), _row("罚3", amount="")])
    response = client.post(reverse("powers:records_import", args=["decisions"]), {
        "agency": agency.pk, "file": SimpleUploadedFile("d.xlsx", good), "publish": "on"})
    assert response.status_code == 302 and Decision.objects.published().count() == 3
    assert AuditEntry.objects.filter(action="powers.decisions.import").count() == 1
    template = client.get(reverse("powers:import_template", args=["decisions"]))
    header = [c.value for c in openpyxl.load_workbook(io.BytesIO(template.content)).active[1]]
    assert header == [h for h, _r, _m in DECISION_COLUMNS.values()]


def test_fee_import_and_the_report_from_records_equals_their_counts(client, agency, other_agency,
                                                                     keeper, items):
    for i, day in enumerate([dt.date(2025, 1, 5), dt.date(2025, 2, 5), dt.date(2024, 12, 31)]):
        _decision(keeper, agency, items["licensing"], f"许{i}", decided=day)
    _decision(keeper, agency, items["penalty"], "罚1")
    client.force_login(keeper)
    book = openpyxl.Workbook()
    book.active.append(["事项编码", "年度", "收费项目", "收费依据", "收费标准", "本年收费金额（元）"])
    book.active.append(["levy-1", 2025, "证照工本费", "依据", "10元/证", "12345.67"])
    book.active.append(["levy-1", "2025", "登记费", "依据", "20元/件", 1000])
    out = io.BytesIO()
    book.save(out)
    response = client.post(reverse("powers:records_import", args=["fees"]), {
        "agency": agency.pk, "file": SimpleUploadedFile("f.xlsx", out.getvalue())})
    assert response.status_code == 302 and FeeRecord.objects.count() == 2
    # Figures entered for both agencies: the records replace the agency's figures cell by cell.
    make_figures(agency, 2025, licensing_decisions=99, penalty_decisions=99, coercion_decisions=4,
                 fee_amount=Decimal("99"))
    make_figures(other_agency, 2025, licensing_decisions=8, fee_amount=Decimal("1.5"))
    report = compute_report(agency, 2025)
    assert report.get("item5", "licensing", "decisions") == 2
    assert report.get("item6", "penalty", "decisions") == 1
    assert report.get("item6", "coercion", "decisions") == 4  # no records: the figure stays
    assert report.get("item8", "fees", "amount") == Decimal("1.3346")  # 13,345.67 元
    other = compute_report(other_agency, 2025)
    assert other.get("item5", "licensing", "decisions") == 8
    assert other.get("item8", "fees", "amount") == Decimal("1.5")
    sources = item_sources([agency.pk], 2025)
    assert sources["item5/licensing/decisions"].kind == "records"
    assert sources["item6/coercion/decisions"].kind == "figures"
    assert item_sources([agency.pk, other_agency.pk], 2025)["item5/licensing/decisions"].kind == "mixed"


def test_report_page_says_the_source_and_the_cell_lists_the_records(client, agency, keeper, items):
    from gongkai.reports import annual_services

    _decision(keeper, agency, items["penalty"], "罚1", publish=True)
    annual_services.report_generate(agency=agency, year=2025, actor=keeper)
    client.force_login(keeper)
    page = client.get(reverse("reports:staff_detail", args=[agency.slug, 2025]))
    rows = {r["label"]: r["kind"] for r in page.context["item_sources"]}
    assert rows["行政处罚（本年处理决定数量）"] == "records"
    assert rows["行政许可（本年处理决定数量）"] == "none"
    assert "根据本平台登记的决定、收费记录计算" in page.content.decode()
    cell = client.get(reverse("reports:staff_cell",
                              args=[agency.slug, 2025, "item6", "penalty", "decisions"]))
    assert cell.context["kind"] == "decisions" and cell.context["total"] == 1
    assert PERSON not in cell.content.decode()


def test_the_figures_form_still_fills_an_agency_without_records(client, agency, keeper):
    client.force_login(keeper)
    make_figures(agency, 2025, licensing_decisions=12, fee_amount=Decimal("3.2"))
    report = compute_report(agency, 2025)
    assert report.get("item5", "licensing", "decisions") == 12
    assert report.get("item8", "fees", "amount") == Decimal("3.2")
    assert item_sources([agency.pk], 2025)["item8/fees/amount"].kind == "figures"
