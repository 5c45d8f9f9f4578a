"""Hostile report files and spreadsheets are refused, or read within the limits, in a child.

Issue 14 item 2: a 3 MB ".txt" that is a zip bomb took a worker to 5 GB, a 500-page PDF held
one for over a minute, a prefixed XLSX reached the figures import. Each file here is built by
`hostile.py`; each reading is asserted from the child's own figures (peak resident memory from
wait4, wall time), and the test process itself must not grow: the file is never inflated in it.
"""

from __future__ import annotations

import resource
import threading
import time

import pytest
import requests
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from gongkai.reportformat.check import check_untrusted
from gongkai.reportformat.limits import Limits
from gongkai.reportformat.parse import sniff_format
from gongkai.reports.figures.parse import parse_figures
from gongkai.reports.models import YearlyFigures
from gongkai.reports.untrusted import parse_limits
from tests.conftest import clear_own_cache
from tests.untrusted import hostile

MB = hostile.MB
TEST_LIMITS = {"memory_mb": 320, "cpu_seconds": 6, "wall_seconds": 10, "max_pages": 40,
               "max_inflated_mb": 40, "concurrency": 2}


@pytest.fixture(autouse=True)
def _limits(settings):
    settings.REPORT_PARSE_LIMITS = TEST_LIMITS
    clear_own_cache()


def _own_peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


# name, builder, the limit codes allowed (None: read to the end within the limits)
CASES = {
    "txt-starting-with-PK-then-zip-bomb": ("report.txt", lambda: hostile.prefixed_zip_txt(80 * MB),
                                           {"zip_bomb"}),
    "zip-bomb-behind-a-text-prefix": ("report.txt", lambda: hostile.prefixed_zip(inflated=80 * MB),
                                      {"zip_bomb"}),
    "docx-ratio-10-past-the-inflation-limit": ("report.docx", lambda: hostile.high_ratio_docx(60 * MB),
                                               {"zip_bomb"}),
    "docx-ratio-10-within-the-inflation-limit": ("report.docx",
                                                 lambda: hostile.high_ratio_docx(30 * MB),
                                                 {None, "memory_limit", "time_limit"}),
    "docx-nested-200k-deep": ("report.docx", hostile.deep_docx, {"zip_bomb"}),  # ratio > 100
    "docx-nested-20k-deep": ("report.docx", lambda: hostile.deep_docx(20_000), {None}),
    "docx-row-of-2M-cells": ("report.docx", hostile.wide_docx, {"zip_bomb"}),
    "html-nested-500k-deep": ("report.html", hostile.deep_html, {None, "memory_limit"}),
    "html-row-of-1M-cells": ("report.html", lambda: hostile.wide_html(1_000_000),
                             {None, "memory_limit", "time_limit"}),
    "pdf-of-500-pages": ("report.pdf", hostile.many_page_pdf, {"too_many_pages"}),
}


@pytest.mark.parametrize("case", CASES)
def test_a_hostile_report_is_refused_or_read_within_the_limits(case):
    name, build, allowed = CASES[case]
    data = build()
    limits = Limits(**TEST_LIMITS)
    before = _own_peak_mb()
    outcome = check_untrusted(data, name, limits)
    run = outcome.resources
    code = None if run.ok else run.failure.code
    assert code in allowed, (code, run.failure and run.failure.message)
    if code is not None:
        assert outcome.exit_code == 2
        assert outcome.findings[0].code == code
        assert outcome.findings[0].message == run.failure.message  # in Chinese, for the user
    # The child's own figures: within the caps (a killed child counts too, from wait4).
    assert run.peak_mb <= limits.memory_mb
    assert run.wall_seconds <= limits.wall_seconds + 2
    # The server process never held the inflated file.
    assert _own_peak_mb() - before < 100


def test_the_kind_is_read_from_the_content_wherever_it_starts():
    assert sniff_format(hostile.prefixed_zip_txt(MB), "report.txt") == "docx"
    assert sniff_format(hostile.prefixed_zip(inflated=MB), "report.txt") == "docx"
    assert sniff_format(b"\xef\xbb\xbf junk\n" + hostile.many_page_pdf(1), "a.txt") == "pdf"
    assert sniff_format("一、总体情况 PK 不是压缩包".encode(), "a.txt") == "text"


def test_a_pdf_within_the_page_limit_is_read_and_one_past_it_is_refused_before_parsing():
    limits = Limits(**TEST_LIMITS)
    within = check_untrusted(hostile.many_page_pdf(5), "r.pdf", limits)
    assert within.resources.ok and within.source_format == "pdf"
    past = check_untrusted(hostile.many_page_pdf(41), "r.pdf", limits)
    assert past.findings[0].code == "too_many_pages"
    assert "40 页" in past.findings[0].message
    assert past.resources.wall_seconds < 3  # counted, not parsed


def test_a_reading_past_the_wall_time_is_killed_and_says_so():
    limits = Limits(**(TEST_LIMITS | {"max_pages": 1000, "wall_seconds": 2, "cpu_seconds": 30}))
    outcome = check_untrusted(hostile.many_page_pdf(400), "r.pdf", limits)
    assert outcome.findings[0].code == "time_limit"
    assert "2 秒" in outcome.findings[0].message
    assert 2 <= outcome.resources.wall_seconds < 4


def test_a_reading_past_the_memory_cap_is_stopped_and_says_so():
    limits = Limits(**(TEST_LIMITS | {"memory_mb": 200, "max_inflated_mb": 200, "max_ratio": 10**6}))
    outcome = check_untrusted(hostile.bomb_docx(150 * MB), "r.docx", limits)
    assert outcome.findings[0].code == "memory_limit", outcome.findings[0].message
    assert "200 MB" in outcome.findings[0].message
    assert outcome.resources.peak_mb <= 200


def test_the_api_refuses_a_txt_that_is_really_a_zip(client):
    data = hostile.prefixed_zip_txt(80 * MB)
    response = client.post("/api/v1/reports/check", {"file": SimpleUploadedFile("r.txt", data)})
    assert response.status_code == 400
    assert "内容不是文本" in response.json()["message"]


def test_the_api_reads_a_hostile_docx_in_the_sandbox(client):
    response = client.post("/api/v1/reports/check", {
        "file": SimpleUploadedFile("r.docx", hostile.high_ratio_docx(60 * MB))})
    assert response.status_code == 200
    body = response.json()
    assert body["exit_code"] == 2
    assert body["findings"][0]["code"] == "zip_bomb"


@pytest.mark.django_db
def test_the_figures_import_reads_a_prefixed_xlsx_within_the_limits(client, agency, make_staff):
    data = hostile.prefixed_xlsx(60 * MB)
    before = _own_peak_mb()
    parsed = parse_figures("年度数据.xlsx", data, parse_limits())
    assert parsed.errors[0].code == "unreadable"
    assert "压缩炸弹" in parsed.errors[0].message
    assert _own_peak_mb() - before < 100
    client.force_login(make_staff(agency, "publisher"))
    response = client.post(reverse("reports:figures_import"),
                           {"file": SimpleUploadedFile("年度数据.xlsx", data)})
    assert "压缩炸弹" in response.content.decode()
    assert not YearlyFigures.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_the_server_answers_other_pages_while_a_hostile_check_runs(live_server, settings):
    """A reading that runs to its wall-time limit does not hold up other requests."""
    settings.REPORT_PARSE_LIMITS = TEST_LIMITS | {"max_pages": 1000, "wall_seconds": 4,
                                                  "cpu_seconds": 30}
    data = hostile.many_page_pdf(400)
    answers: list[tuple[float, dict]] = []

    def hostile_check() -> None:
        started = time.monotonic()
        response = requests.post(f"{live_server.url}/api/v1/reports/check",
                                 files={"file": ("r.pdf", data)}, timeout=30)
        answers.append((time.monotonic() - started, response.json()))

    # Two at once (the outside test saw unrelated pages stall for 19 s with two).
    threads = [threading.Thread(target=hostile_check) for _ in range(2)]
    for thread in threads:
        thread.start()
    time.sleep(1)
    pages = []
    for path in ("/reports/", "/reports/check/", "/workdays/"):
        started = time.monotonic()
        response = requests.get(live_server.url + path, timeout=30)
        pages.append((path, response.status_code, time.monotonic() - started))
    still_running = all(thread.is_alive() for thread in threads)
    for thread in threads:
        thread.join(30)
    assert still_running, "the hostile checks should still be running while the pages answered"
    assert all(status == 200 and seconds < 2 for _path, status, seconds in pages), pages
    assert len(answers) == 2
    for seconds, body in answers:
        assert body["findings"][0]["code"] == "time_limit"
        assert seconds >= 4


def test_a_reading_past_the_concurrency_limit_waits_then_the_api_says_busy(client, settings):
    from gongkai.reportformat import sandbox

    settings.REPORT_PARSE_LIMITS = TEST_LIMITS | {"concurrency": 1, "wall_seconds": 1}
    slot = sandbox._slots_for(1)
    assert slot.acquire(timeout=5)  # a reading in progress holds the only slot
    try:
        started = time.monotonic()
        response = client.post("/api/v1/reports/check",
                               {"file": SimpleUploadedFile("r.txt", "一、总体情况".encode())})
        assert time.monotonic() - started >= 1  # it waited for a slot first
    finally:
        slot.release()
    assert response.status_code == 503
    assert response.json()["code"] == "busy" and "稍后再试" in response.json()["message"]
    again = client.post("/api/v1/reports/check",
                        {"file": SimpleUploadedFile("r.txt", "一、总体情况".encode())})
    assert again.status_code == 200
