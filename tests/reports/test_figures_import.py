"""Yearly figures (第二十条第（五）（六）（八）项): parsing CSV/XLSX with line-numbered Chinese
errors, all-or-nothing import with permissions and audit."""

from __future__ import annotations

import io
from decimal import Decimal

import pytest
from openpyxl import Workbook

from gongkai.agencies.models import Role
from gongkai.audit.models import AuditEntry
from gongkai.reports.figures import services
from gongkai.reports.figures.parse import TEMPLATE_HEADER, parse_figures, template_csv
from gongkai.reports.models import YearlyFigures

HEADER = "机构代码,机构名称,年度,行政许可,行政处罚,行政强制,行政事业性收费（万元）\n"


def csv_bytes(*lines: str, header: str = HEADER, encoding: str = "utf-8") -> bytes:
    return (header + "\n".join(lines) + "\n").encode(encoding)


def codes(parsed):
    return [(e.line, e.code) for e in parsed.errors]


# --- parsing (pure) -------------------------------------------------------------------------


def test_valid_csv_is_read_with_line_numbers():
    parsed = parse_figures("f.csv", csv_bytes("A1,商务局,2022,12,3,0,1.25", ",财政局,2022,0,0,0,0"))
    assert parsed.ok
    assert [r.line for r in parsed.rows] == [2, 3]
    assert parsed.rows[0].values == {"licensing_decisions": 12, "penalty_decisions": 3,
                                     "coercion_decisions": 0, "fee_amount": Decimal("1.25")}
    assert parsed.rows[1].agency_name == "财政局"


def test_every_bad_cell_is_reported_with_its_line():
    parsed = parse_figures("f.csv", csv_bytes(
        "A1,,2022,12,3,0,1.25",
        "A2,,二〇二二,1,-1,0,1",
        "A3,,2022,1.5,0,,0.00001",
        ",,2022,0,0,0,0",
    ))
    assert codes(parsed) == [
        (3, "bad_year"), (3, "bad_count"), (4, "bad_count"), (4, "empty_cell"), (4, "bad_amount"),
        (5, "agency_missing"),
    ]
    assert str(parsed.errors[0]).startswith("第3行：")
    assert len(parsed.rows) == 1


def test_duplicate_agency_year_is_an_error_on_the_second_line():
    parsed = parse_figures("f.csv", csv_bytes("A1,,2022,1,1,1,1", "A1,,2022,2,2,2,2"))
    assert codes(parsed) == [(3, "duplicate_line")]
    assert "第2行" in parsed.errors[0].message


def test_header_must_name_every_figure_column():
    parsed = parse_figures("f.csv", csv_bytes("A1,2022,1", header="机构代码,年度,行政许可\n"))
    assert codes(parsed) == [(1, "missing_columns")]
    assert "行政处罚" in parsed.errors[0].message


def test_header_order_spacing_and_units_do_not_matter():
    header = "年度, 行政事业性收费(万元) ,行政强制,行政处罚,行政许可本年处理决定数量,机构名称\n"
    parsed = parse_figures("f.csv", csv_bytes("2022,3.5,1,2,3,商务局", header=header))
    assert parsed.ok
    assert parsed.rows[0].values["licensing_decisions"] == 3
    assert parsed.rows[0].values["fee_amount"] == Decimal("3.5")


def test_gbk_csv_from_excel_is_read():
    parsed = parse_figures("f.csv", csv_bytes("A1,商务局,2022,1,2,3,4", encoding="gb18030"))
    assert parsed.ok and parsed.rows[0].agency_name == "商务局"


def test_xlsx_is_read_with_row_numbers():
    book = Workbook()
    sheet = book.active
    sheet.append(list(TEMPLATE_HEADER))
    sheet.append(["A1", None, 2022, 5, 0, 0, 12.34])
    sheet.append([])
    sheet.append(["A2", None, 2022.0, "x", 0, 0, 0])
    buffer = io.BytesIO()
    book.save(buffer)
    parsed = parse_figures("figures.xlsx", buffer.getvalue())
    assert parsed.rows[0].values["fee_amount"] == Decimal("12.34")
    assert codes(parsed) == [(4, "bad_count")]


def test_other_file_types_and_empty_files_are_refused():
    assert codes(parse_figures("f.pdf", b"%PDF")) == [(0, "unreadable")]
    assert codes(parse_figures("f.csv", b"")) == [(0, "empty")]
    assert codes(parse_figures("f.csv", HEADER.encode())) == [(0, "no_rows")]
    assert codes(parse_figures("f.xlsx", b"not a zip")) == [(0, "unreadable")]


def test_template_parses_as_a_valid_file():
    assert parse_figures("template.csv", template_csv()).ok


# --- import (database) ----------------------------------------------------------------------


@pytest.fixture
def admin(agency, make_staff):
    return make_staff(agency, Role.ADMIN)


@pytest.mark.django_db
def test_import_saves_every_line_and_audits_each_record(agency, admin):
    content = csv_bytes(f"{agency.code},{agency.name},2022,12,3,1,1.2500",
                        f"{agency.code},,2021,1,0,0,0")
    result = services.figures_import(actor=admin, filename="f.csv", content=content)
    assert result.ok and len(result.saved) == 2
    figures = YearlyFigures.objects.get(agency=agency, year=2022)
    assert (figures.licensing_decisions, figures.fee_amount) == (12, Decimal("1.25"))
    assert figures.source == "import"
    assert AuditEntry.objects.filter(action=services.FIGURES_IMPORT).count() == 2


@pytest.mark.django_db
def test_import_replaces_the_figures_of_the_same_year(agency, admin):
    services.figures_save(actor=admin, agency=agency, year=2022, values={"licensing_decisions": 1})
    services.figures_import(actor=admin, filename="f.csv",
                            content=csv_bytes(f"{agency.code},,2022,7,0,0,0"))
    assert YearlyFigures.objects.get(agency=agency, year=2022).licensing_decisions == 7


@pytest.mark.django_db
def test_one_bad_line_saves_nothing(agency, other_agency, admin):
    content = csv_bytes(f"{agency.code},,2022,1,0,0,0", f"{other_agency.code},,2022,1,0,0,0",
                        "NOSUCHCODE,,2022,1,0,0,0", f",{agency.name},2023,1,0,0,0")
    result = services.figures_import(actor=admin, filename="f.csv", content=content)
    assert [(e.line, e.code) for e in result.errors] == [(3, "not_allowed"), (4, "unknown_agency")]
    assert YearlyFigures.objects.count() == 0


@pytest.mark.django_db
def test_code_and_name_must_agree(agency, admin):
    result = services.figures_import(actor=admin, filename="f.csv",
                                     content=csv_bytes(f"{agency.code},别的局,2022,1,0,0,0"))
    assert [(e.line, e.code) for e in result.errors] == [(2, "agency_mismatch")]


@pytest.mark.django_db
def test_same_agency_by_code_and_by_name_is_a_duplicate(agency, admin):
    content = csv_bytes(f"{agency.code},,2022,1,0,0,0", f",{agency.name},2022,2,0,0,0")
    result = services.figures_import(actor=admin, filename="f.csv", content=content)
    assert [(e.line, e.code) for e in result.errors] == [(3, "duplicate_line")]
