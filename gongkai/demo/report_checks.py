"""Demo uploaded-report check: the county supervisor checks 西华县商务局's 2022 report as the
bureau published it on its own website, where one number was typed differently from the
platform's records, so the check page shows the comparison with the platform (issue 13 item 4).

Goes through `supervision.services.report_check_upload` (the check runs in the sandbox when
the step commits). Idempotent: a check of that agency and year already uploaded is left.
"""

from __future__ import annotations

from django.contrib.auth import get_user_model

from gongkai.agencies.models import Agency
from gongkai.reportformat import template
from gongkai.reportformat.render import render
from gongkai.reports.compute import compute_report
from gongkai.supervision.models import UploadedReportCheck
from gongkai.supervision.services import report_check_upload

from .agencies import COMMERCE_SLUG
from .reports import SUBMITTED_YEAR

SOURCE_URL = "https://www.xihua.gov.cn/zwgk/ndbg/2022-shangwu.html"


def load(stdout=None) -> None:
    agency = Agency.objects.filter(slug=COMMERCE_SLUG).first()
    supervisor = get_user_model().objects.filter(username="county_supervisor").first()
    if agency is None or supervisor is None:
        return
    if UploadedReportCheck.objects.filter(agency=agency, year=SUBMITTED_YEAR).exists():
        return
    published = compute_report(agency, SUBMITTED_YEAR)
    published.agency = agency.name
    published.title = f"{agency.name}{SUBMITTED_YEAR}年政府信息公开工作年度报告"
    # The website's copy counts one more request from a natural person, still open at the
    # year's end, than the platform recorded: its sums hold, only the comparison shows it.
    for row in (template.ROW_NEW, template.ROW_CARRIED_OUT):
        for column in ("natural", template.TOTAL):
            published.set("table3", row, column, published.value("table3", row, column) + 1)
    report_check_upload(
        agency=agency, year=SUBMITTED_YEAR, name=f"{agency.name}{SUBMITTED_YEAR}年度报告.txt",
        data=render(published, "text").encode("utf-8"), actor=supervisor, source_url=SOURCE_URL,
    )
    if stdout:
        stdout.write(f"外部年报检查：{agency.name} {SUBMITTED_YEAR}年度（网站版本与平台数据比对）")
