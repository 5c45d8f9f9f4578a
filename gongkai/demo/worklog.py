"""Demo work log: the meetings, training sessions, inspections and publicity of each demo
agency, 2021 to November 2026, recorded through the service by the agency's 信息发布员 (so the
audit log shows them). The 2025 report draft of 西华县商务局 (demo step `reports`) starts its
section 一 from these counts. Idempotent: an agency-year that has records is left as it is.
"""

from __future__ import annotations

import datetime as dt
import random

from django.contrib.auth import get_user_model

from gongkai.agencies.models import Agency
from gongkai.worklog import services
from gongkai.worklog.models import ActivityKind, WorkActivity

from .agencies import COUNTY_SLUG

YEARS = range(2021, 2027)
TODAY = dt.date(2026, 11, 28)  # the demo's "now": no record is dated later
RECORDERS = {
    COUNTY_SLUG: "county_publisher",
    "xihua-commerce": "commerce_publisher",
    "xihua-fgw": "fgw_publisher",
    "xihua-finance": "finance_publisher",
    "xihua-samr": "samr_publisher",
    "xihua-edu": "edu_publisher",
}
# kind -> (how many a year, titles, place, participants range, summary)
PLAN = {
    ActivityKind.MEETING: ((2, 4), (
        "《中华人民共和国政府信息公开条例》专题学习会",
        "政务公开工作要点学习会",
        "党组理论学习中心组政务公开专题学习",
        "政务公开领导小组工作会议",
    ), "机关三楼会议室", (12, 40),
        "传达学习上级政务公开工作要点，研究本单位主动公开目录调整和年度重点任务分工。"),
    ActivityKind.TRAINING: ((1, 3), (
        "政务公开业务培训",
        "依申请公开办理实务培训",
        "政府网站信息发布与保密审查培训",
    ), "县政务服务中心培训室", (20, 80),
        "讲解主动公开标准目录、依申请公开办理流程和答复文书规范，组织案例分析和知识测试。"),
    ActivityKind.INSPECTION: ((0, 2), (
        "政府信息公开专栏内容自查",
        "政务公开工作季度检查",
    ), "", (3, 8),
        "逐栏目检查信息更新、文件有效性标注和政策解读关联情况，问题清单已交办整改。"),
    ActivityKind.PUBLICITY: ((0, 1), (
        "政务开放日活动",
        "政务公开进社区宣传活动",
    ), "县行政服务中心广场", (30, 120),
        "向群众发放政府信息公开申请指南，现场解答政策咨询。"),
}


def _records_for(rng: random.Random, year: int) -> list[dict]:
    last = min(dt.date(year, 12, 31), TODAY)
    days = (last - dt.date(year, 1, 1)).days
    records = []
    for kind, (howmany, titles, place, people, summary) in PLAN.items():
        for serial in range(rng.randint(*howmany)):
            held_on = dt.date(year, 1, 1) + dt.timedelta(days=rng.randint(10, max(11, days)))
            if held_on > last:
                continue
            title = titles[serial % len(titles)]
            records.append({
                "kind": kind, "title": f"{year}年{title}", "held_on": held_on, "place": place,
                "participants": rng.randint(*people), "summary": summary,
            })
    return sorted(records, key=lambda r: r["held_on"])


def load(stdout=None) -> None:
    users = get_user_model().objects
    rng = random.Random(2026)
    created = 0
    for slug, username in RECORDERS.items():
        agency = Agency.objects.filter(slug=slug).first()
        recorder = users.filter(username=username).first()
        if agency is None or recorder is None:
            continue
        for year in YEARS:
            records = _records_for(rng, year)
            if WorkActivity.objects.filter(agency=agency).in_year(year).exists():
                continue
            for data in records:
                services.activity_create(actor=recorder, agency=agency, data=data)
                created += 1
    if stdout:
        stdout.write(f"工作记录：新登记 {created} 条")
