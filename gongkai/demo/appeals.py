"""Demo 行政复议 and 行政诉讼 cases: a few per demo agency and year (2021–2025), across kinds
and results, about the agency's refused requests where the demo has them.

Registered through the service by each agency's 依申请办理员 (so the audit log shows them);
a case number already registered is skipped, so loading twice changes nothing.
"""

from __future__ import annotations

import datetime as dt
import random

from django.contrib.auth import get_user_model

from gongkai.agencies.models import Agency
from gongkai.appeals import services
from gongkai.appeals.models import AppealCase

from .agencies import COUNTY_SLUG

YEARS = range(2021, 2026)
HANDLERS = {
    COUNTY_SLUG: "county_admin",
    "xihua-commerce": "commerce_handler",
    "xihua-fgw": "fgw_handler",
    "xihua-finance": "finance_handler",
    "xihua-samr": "samr_handler",
    "xihua-edu": "edu_handler",
}
APPLICANTS = ["李明", "王芳", "张伟", "刘洋", "陈静", "河南某某律师事务所", "西华县某某商贸有限公司"]
REFUSALS = (
    "withheld_process", "withheld_third_party", "withheld_internal", "unable_not_held",
    "unable_needs_creation", "declined_repeat", "declined_petition",
)
TODAY = dt.date(2026, 11, 28)  # the demo's "now": later closing dates are not invented


def _number(kind: str, year: int, serial: int, slug: str) -> str:
    if kind == "review":
        prefix = "周政复" if slug == COUNTY_SLUG else "西政复"
        return f"{prefix}〔{year}〕{serial}号"
    court = "豫16行初" if slug == COUNTY_SLUG else "豫1622行初"
    return f"（{year}）{court}{serial}号"


def _forum(kind: str, slug: str) -> str:
    if kind == "review":
        return "周口市人民政府" if slug == COUNTY_SLUG else "西华县人民政府"
    return "周口市中级人民法院" if slug == COUNTY_SLUG else "西华县人民法院"


def _candidate_requests(agency, year):
    try:
        from gongkai.applications.models import Application
    except ImportError:  # pragma: no cover - the applications app is always installed
        return []
    return list(
        Application.objects.filter(agency=agency, closed_on__year=year, outcome__in=REFUSALS)
        .order_by("closed_on", "pk")[:20]
    )


def load(stdout=None) -> None:
    rng = random.Random(2026_04)
    users = get_user_model().objects
    created = 0
    serial = 0
    for slug, username in HANDLERS.items():
        agency = Agency.objects.filter(slug=slug).first()
        actor = users.filter(username=username).first()
        if agency is None or actor is None:
            continue
        for year in YEARS:
            requests = _candidate_requests(agency, year)
            count = rng.choice([1, 2, 2, 3]) if slug != "xihua-finance" else rng.choice([0, 1])
            for i in range(count):
                serial += 1
                kind = rng.choices(["review", "lawsuit_direct", "lawsuit_after_review"],
                                   [6, 3, 2])[0]
                application = requests[i] if i < len(requests) and rng.random() < 0.8 else None
                if application is not None:
                    filed = application.closed_on + dt.timedelta(days=rng.randrange(15, 55))
                else:
                    filed = dt.date(year, 1, 1) + dt.timedelta(days=rng.randrange(0, 330))
                if kind == "lawsuit_after_review":
                    filed += dt.timedelta(days=60)
                if filed.year != year:  # keep the case in the year it is listed under
                    filed = dt.date(year, 12, 31)
                number = _number(kind, year, 10 + serial % 90, slug)
                closed = filed + dt.timedelta(days=rng.randrange(40, 200))
                result = rng.choices(["upheld", "corrected", "other"], [6, 3, 1])[0]
                other_applicant = rng.choice(APPLICANTS)
                if closed > TODAY:
                    result, closed = "pending", None
                # Every random draw is made before this check, so a second load skips the
                # same cases instead of drawing different ones.
                if AppealCase.objects.filter(agency=agency, kind=kind, case_number=number).exists():
                    continue
                services.appeal_create(actor=actor, agency=agency, data={
                    "kind": kind, "case_number": number, "forum": _forum(kind, slug),
                    "applicant_name": application.applicant_name if application else other_applicant,
                    "application": application, "filed_on": filed, "result": result,
                    "closed_on": closed,
                    "notes": {"corrected": "复议机关（法院）认定答复依据不足，责令重新答复。",
                              "other": "申请人撤回复议申请（起诉），案件终结。"}.get(result, ""),
                })
                created += 1
    if stdout:
        stdout.write(f"复议诉讼案件 {AppealCase.objects.count()} 件（本次新增 {created} 件）")
