"""The public report checker (年报体检), through the real view: upload, paste, limits, errors."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils.html import escape

from gongkai.reportformat.check import check_path
from gongkai.reportformat.render import render
from gongkai.reportformat.values import Report
from gongkai.supervision.models import UploadedReportCheck
from tests.conftest import clear_own_cache
from tests.untrusted import hostile

SAMPLE = Path(__file__).resolve().parents[1] / "fixtures" / "xihua-commerce-2021.txt"
URL = reverse("reports:public_check")
RESULT = 'id="result-title"'  # the results section


@pytest.fixture(autouse=True)
def _fresh_limits(settings):
    settings.GONGKAI_APPLY_LIMIT_PER_IP = (3, 3600)
    clear_own_cache()


def _post(client, data, **extra):
    return client.post(URL, data, **extra)


def test_the_empty_page_explains_what_it_does_and_that_nothing_is_kept(client):
    response = client.get(URL)
    page = response.content.decode()
    assert response.status_code == 200
    assert "年报体检" in page and "不保存" in page
    assert RESULT not in page


def test_the_page_is_linked_from_the_site_navigation_and_the_report_list(client, db):
    assert f'href="{URL}"' in client.get(reverse("reports:public_list")).content.decode()
    assert f'href="{URL}"' in client.get(reverse("catalog:home")).content.decode()


@pytest.mark.django_db
def test_an_uploaded_report_shows_the_same_findings_as_the_cli_beside_the_tables(client, settings):
    response = _post(client, {"file": SimpleUploadedFile("西华.txt", SAMPLE.read_bytes())})
    page = response.content.decode()
    assert response.status_code == 200
    expected = check_path(SAMPLE)  # the command line's reading of the same file
    assert expected.errors > 0
    assert f"错误 {expected.errors} 个，警告 {expected.warnings} 个，读取说明 {expected.notices} 条" in page
    for finding in expected.findings:
        assert escape(finding.message) in page
    assert 'class="check-findings"' in page and 'class="check-tables"' in page
    assert "收到和处理政府信息公开申请情况" in page  # the recovered tables
    # Nothing kept: no record, no file.
    assert not UploadedReportCheck.objects.exists()
    assert not settings.MEDIA_ROOT.exists() or not [
        p for p in settings.MEDIA_ROOT.rglob("*") if p.is_file()]


def test_a_pasted_report_is_read_back_to_its_numbers(client):
    report = Report.blank(year=2023, agency="西华县商务局")
    report.set("table3", "new", "natural", 7)
    report.set("table3", "new", "total", 7)
    report.set("table3", "closed_disclosed", "natural", 7)
    text = render(report, "text")
    response = _post(client, {"text": text})
    page = response.content.decode()
    assert response.status_code == 200
    assert "“粘贴的文本.txt”的检查结果" in page
    assert "西华县商务局" in page and "2023年度" in page
    table3 = page.split("收到和处理政府信息公开申请情况")[-1]
    assert '<td class="num">7</td>' in table3


def test_a_reading_notice_is_explained(client, monkeypatch):
    from gongkai.reportformat.check import CheckOutcome
    from gongkai.reportformat.validate import Finding, Severity
    from gongkai.reports import public_check

    def with_notice(data, name, previous=None):
        finding = Finding("P-4", Severity.NOTICE, "表三“一、本年新收”行的数字粘连，无法唯一拆分",
                          code="ambiguous_split", section="三", line=12)
        return CheckOutcome(name, Report(), "text", [finding])

    monkeypatch.setattr(public_check, "report_check_untrusted", with_notice)
    page = _post(client, {"text": "一、总体情况"}).content.decode()
    assert "读取说明 1 条" in page
    assert "不是报告的错误" in page and "无法唯一拆分" in page


def test_nothing_given_both_given_and_a_wrong_kind_are_refused_in_chinese(client):
    page = _post(client, {}).content.decode()
    assert "请上传报告文件，或把报告全文粘贴到文本框中" in page
    page = _post(client, {"text": "一、总体情况",
                          "file": SimpleUploadedFile("a.txt", "一".encode())}).content.decode()
    assert "不要同时提供" in page
    page = _post(client, {"file": SimpleUploadedFile("a.txt", hostile.prefixed_zip_txt(hostile.MB))}
                 ).content.decode()
    assert "内容不是文本" in page and RESULT not in page


def test_a_file_past_a_limit_says_which_limit_in_chinese(client, settings):
    settings.REPORT_PARSE_LIMITS = {"max_pages": 10}
    page = _post(client, {"file": SimpleUploadedFile("r.pdf", hostile.many_page_pdf(50))}
                 ).content.decode()
    assert "超过 10 页" in page
    assert "未能从这份文件中读出可检查的内容" in page


def test_checks_are_limited_per_client_address(client):
    for _ in range(3):
        assert _post(client, {"text": "一、总体情况"}, REMOTE_ADDR="10.0.0.1").status_code == 200
    refused = _post(client, {"text": "一、总体情况"}, REMOTE_ADDR="10.0.0.1")
    assert refused.status_code == 429
    assert "检查过于频繁" in refused.content.decode()
    assert RESULT not in refused.content.decode()
    # Another address is not held up; refused forms are not counted.
    assert _post(client, {"text": "一、总体情况"}, REMOTE_ADDR="10.0.0.2").status_code == 200
    for _ in range(5):
        _post(client, {}, REMOTE_ADDR="10.0.0.3")
    assert _post(client, {"text": "一、总体情况"}, REMOTE_ADDR="10.0.0.3").status_code == 200
