"""`gongkai report check|render|parse` as a user runs it."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from gongkai.reportformat.values import Report
from tests.reportformat.factories import FIXTURES, SAMPLE, build_report

ROOT = Path(__file__).resolve().parents[2]


def run(*args: str) -> str:
    out = io.StringIO()
    call_command("report", *args, stdout=out)
    return out.getvalue()


def test_check_of_the_sample_exits_1_and_prints_findings_grouped_by_section():
    out = io.StringIO()
    with pytest.raises(CommandError) as excinfo:
        call_command("report", "check", str(SAMPLE), stdout=out)
    assert excinfo.value.returncode == 1
    text = out.getvalue()
    assert "西华县商务局 2021年度：7 个错误" in text
    assert text.index("【二、主动公开政府信息情况】") < text.index("【三、收到和处理政府信息公开申请情况】")
    assert "第52行" in text and "全乡" in text and "全镇" in text


def test_check_of_correct_reports_exits_0():
    text = run("check", str(FIXTURES / "pingan-hrss-2022.txt"), str(FIXTURES / "qinghe-town-2022.html"),
               "--previous", str(FIXTURES / "pingan-hrss-2021.json"))
    assert text.count("0 个错误") == 2


def test_check_json_lists_findings_per_file():
    out = io.StringIO()
    with pytest.raises(CommandError):
        call_command("report", "check", str(FIXTURES / "qinghe-water-2022-review-total.html"),
                     "--json", stdout=out)
    [entry] = json.loads(out.getvalue())
    assert entry["errors"] == 1
    assert [f["rule"] for f in entry["findings"] if f["severity"] == "error"] == ["R4-1"]


def test_render_each_format_from_json(tmp_path):
    source = tmp_path / "report.json"
    source.write_text(build_report().to_json(), encoding="utf-8")
    for fmt, check in (("text", lambda b: "一、总体情况" in b.decode()),
                       ("html", lambda b: b"rowspan" in b),
                       ("docx", lambda b: b.startswith(b"PK")),
                       ("pdf", lambda b: b.startswith(b"%PDF"))):
        target = tmp_path / f"out.{fmt}"
        run("render", str(source), "--to", fmt, "-o", str(target))
        assert check(target.read_bytes()), fmt


def test_render_refuses_unreadable_json(tmp_path):
    source = tmp_path / "bad.json"
    source.write_text("{not json", encoding="utf-8")
    with pytest.raises(CommandError):
        run("render", str(source), "--to", "text", "-o", str(tmp_path / "x.txt"))


def test_parse_json_prints_the_recovered_numbers():
    data = json.loads(run("parse", str(FIXTURES / "dongshan-market-2022.docx"), "--json"))
    report = Report.from_dict(data["report"])
    assert report.get("item5", "licensing", "decisions") == 2865
    assert data["findings"] == []
    text = run("parse", str(FIXTURES / "lianhua-culture-2019.txt"))
    assert "2019 格式" in text and "P-3" in text


def test_console_entry_point_exit_status():
    """`python -m gongkai report check` (the `gongkai` script) exits 1 on errors, 0 otherwise."""
    bad = subprocess.run(
        [sys.executable, "-m", "gongkai", "report", "check",
         str(FIXTURES / "qinghe-water-2022-review-total.html")],
        cwd=ROOT, capture_output=True, text=True, timeout=120,
    )
    assert bad.returncode == 1, bad.stderr
    assert "R4-1" in bad.stdout
    good = subprocess.run(
        [sys.executable, "-m", "gongkai", "report", "check", str(FIXTURES / "pingan-hrss-2022.txt")],
        cwd=ROOT, capture_output=True, text=True, timeout=120,
    )
    assert good.returncode == 0, good.stderr


def test_check_in_the_sandbox_gives_the_same_findings_and_stops_a_hostile_file(tmp_path, settings):
    from tests.untrusted import hostile

    plain = io.StringIO()
    with pytest.raises(CommandError):
        call_command("report", "check", str(SAMPLE), "--json", stdout=plain)
    boxed = io.StringIO()
    with pytest.raises(CommandError):
        call_command("report", "check", str(SAMPLE), "--json", "--sandbox", stdout=boxed)
    assert json.loads(boxed.getvalue()) == json.loads(plain.getvalue())
    settings.REPORT_PARSE_LIMITS = {"max_pages": 10}
    pdf = tmp_path / "long.pdf"
    pdf.write_bytes(hostile.many_page_pdf(30))
    out = io.StringIO()
    with pytest.raises(CommandError) as excinfo:
        call_command("report", "check", str(pdf), "--sandbox", stdout=out)
    assert excinfo.value.returncode == 2
    assert "超过 10 页" in out.getvalue()
