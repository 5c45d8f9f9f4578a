"""Reports as agencies publish them (fixtures imitating the missing shared corpus)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from gongkai.reportformat import template
from gongkai.reportformat.parse import parse_file
from gongkai.reportformat.validate import Severity, validate
from gongkai.reportformat.values import Report

from .factories import FIXTURES

CORRECT = [
    "pingan-hrss-2022.txt",
    "pingan-hrss-2022.pdf",
    "pingan-hrss-2022-from-pdf.txt",
    "qinghe-town-2022.html",
    "dongshan-market-2022.docx",
]


def errors(path, previous=None):
    parsed = parse_file(FIXTURES / path)
    findings = parsed.findings + validate(parsed.report, previous)
    return parsed, [f for f in findings if f.severity is Severity.ERROR], findings


@pytest.mark.parametrize("name", sorted(p.name for p in FIXTURES.iterdir() if p.suffix != ".py"))
def test_every_fixture_is_read_without_a_crash(name):
    parsed = parse_file(FIXTURES / name) if not name.endswith(".json") else None
    if parsed is not None:
        assert not [f for f in parsed.findings if f.rule == "P-2"]


@pytest.mark.parametrize("name", CORRECT)
def test_a_report_whose_sums_hold_gets_no_error_and_no_warning(name):
    parsed, errs, findings = errors(name)
    assert errs == []
    assert findings == []
    assert parsed.report.has_table("table3") and len(parsed.report.numbers()) == 200


def test_text_report_with_page_breaks_and_broken_rows_reads_every_number():
    parsed, _, _ = errors("pingan-hrss-2022.txt")
    report = parsed.report
    assert report.get("table3", "withheld_enforcement", "total") == 0  # broken across "- 4 -"
    assert report.get("table3", "other_no_correction", "total") == 0  # label broken across lines
    assert report.get("table3", "new", "total") == 16
    assert report.get("table3", "withheld_process", "legal_service") == 1
    assert report.get("item5", "licensing", "decisions") == 1234  # "1,234"
    assert report.get("item6", "penalty", "decisions") == 56  # full-width digits
    assert report.get("item6", "coercion", "decisions") == 0  # "—"
    assert report.get("item8", "fees", "amount") == Decimal("12.5")
    assert report.get("table4", "cases", "review.total") == 2
    assert report.source_lines["table3/withheld_secret/natural"] == 48


def test_text_pdf_and_text_copied_from_the_pdf_agree():
    text = parse_file(FIXTURES / "pingan-hrss-2022.txt").report
    pdf = parse_file(FIXTURES / "pingan-hrss-2022.pdf").report
    copied = parse_file(FIXTURES / "pingan-hrss-2022-from-pdf.txt").report
    assert pdf.numbers() == text.numbers() == copied.numbers()
    assert (pdf.year, pdf.agency) == (text.year, text.agency) == (copied.year, copied.agency)
    # labels wrapped around their numbers are put back together
    assert copied.row_labels["table3/partial"] == template.TABLE3.row("partial").label


def test_previous_year_json_chains_with_this_year():
    previous = Report.from_json((FIXTURES / "pingan-hrss-2021.json").read_text(encoding="utf-8"))
    _, errs, findings = errors("pingan-hrss-2022.txt", previous)
    assert errs == [] and findings == []


def test_html_page_with_site_chrome_reads_township_report():
    parsed, _, _ = errors("qinghe-town-2022.html")
    report = parsed.report
    assert (report.year, report.agency, report.level) == (2022, "清河县城关镇人民政府", "township")
    assert report.get("table3", "declined_petition", "natural") == 1
    assert report.get("table3", "partial", "natural") == 0  # &nbsp; cell


def test_review_total_of_zero_whose_parts_add_up_to_eleven():
    parsed, errs, findings = errors("qinghe-water-2022-review-total.html")
    [finding] = errs
    assert (finding.rule, finding.table, finding.column) == ("R4-1", "table4", "review.total")
    assert "11" in finding.message and finding.line
    assert any(f.rule == "X-1" for f in findings)  # the text says 11 reviews


def test_word_file_with_merged_header_cells():
    parsed, _, _ = errors("dongshan-market-2022.docx")
    report = parsed.report
    assert report.level == "city"
    assert report.get("item5", "licensing", "decisions") == 2865
    assert report.get("table3", "withheld_third_party", "business") == 1
    assert report.get("table4", "cases", "lawsuit_direct.total") == 1


def test_2019_format_is_recognised_and_said_not_every_row_missing():
    parsed, errs, findings = errors("lianhua-culture-2019.txt")
    assert parsed.report.format == template.FORMAT_2019
    assert [f.rule for f in parsed.findings] == ["P-3"]
    assert errs == []
    assert not [f for f in findings if f.code in ("missing_row", "missing_table")]
    assert parsed.report.get("table3", "other", "total") == 0
    assert parsed.report.get("table3", "new", "total") == 3


def test_unreadable_and_missing_files_are_findings(tmp_path):
    missing = parse_file(tmp_path / "nope.txt")
    assert [f.rule for f in missing.findings] == ["P-2"]
    broken = tmp_path / "broken.docx"
    broken.write_bytes(b"PK\x03\x04 not really a zip")
    assert [f.rule for f in parse_file(broken).findings] == ["P-2"]
    fake_pdf = tmp_path / "x.pdf"
    fake_pdf.write_bytes(b"%PDF-1.4 garbage")
    assert [f.rule for f in parse_file(fake_pdf).findings] == ["P-2"]


def test_gb18030_text_is_decoded(tmp_path):
    path = tmp_path / "gbk.txt"
    path.write_bytes((FIXTURES / "pingan-hrss-2022.txt").read_text(encoding="utf-8").encode("gb18030"))
    assert parse_file(path).report.get("table3", "new", "total") == 16


def test_old_binary_word_files_are_refused_with_advice(tmp_path):
    path = tmp_path / "report.doc"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64)
    [finding] = parse_file(path).findings
    assert finding.rule == "P-2" and ".docx" in finding.message


def test_word_content_controls_are_read(tmp_path):
    import io

    from docx import Document
    from docx.oxml import parse_xml

    from gongkai.reportformat.parse import parse_docx

    document = Document()
    document.add_paragraph("平安县教育局2022年政府信息公开工作年度报告")
    ns = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    document.element.body.insert(1, parse_xml(
        f'<w:sdt {ns}><w:sdtContent><w:p><w:r><w:t>一、总体情况</w:t></w:r></w:p>'
        '<w:p><w:r><w:t>2022年，本局全年共收到政府信息公开申请0件。</w:t></w:r></w:p></w:sdtContent></w:sdt>'
    ))
    out = io.BytesIO()
    document.save(out)
    report = parse_docx(out.getvalue()).report
    assert report.headings["一"] == "一、总体情况"
    assert "收到政府信息公开申请0件" in report.texts["一"]


def test_2019_format_in_a_report_for_2021_or_later_is_an_error():
    text = (FIXTURES / "lianhua-culture-2019.txt").read_text(encoding="utf-8").replace("2019年", "2022年")
    from gongkai.reportformat.parse import parse_text

    [finding] = parse_text(text).findings
    assert (finding.rule, finding.severity) == ("P-3", Severity.ERROR)
