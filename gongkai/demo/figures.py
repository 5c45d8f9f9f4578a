"""Demo yearly figures (第二十条第（五）（六）（八）项) for every demo agency, 2020–2025.

Entered through the service as each agency's staff would (so the audit log shows who), once:
a year already entered is left as it is.
"""

from __future__ import annotations

import random
from decimal import Decimal

from django.contrib.auth import get_user_model

from gongkai.agencies.models import Agency
from gongkai.reports.figures.services import figures_save
from gongkai.reports.models import YearlyFigures

from .agencies import COUNTY_SLUG

YEARS = range(2020, 2026)
# slug -> (entering user, typical licensing, penalty, coercion decisions, fees in 万元)
PROFILES = {
    COUNTY_SLUG: ("county_admin", 40, 2, 0, Decimal("0")),
    "xihua-commerce": ("commerce_admin", 85, 12, 1, Decimal("0")),
    "xihua-fgw": ("fgw_publisher", 160, 3, 0, Decimal("2.4")),
    "xihua-finance": ("finance_publisher", 10, 5, 0, Decimal("0")),
    "xihua-samr": ("samr_publisher", 2300, 310, 45, Decimal("18.65")),
    "xihua-edu": ("edu_publisher", 120, 0, 0, Decimal("36.2")),
}


def _vary(rng: random.Random, typical: int) -> int:
    return max(0, round(typical * rng.uniform(0.7, 1.3)))


def load(stdout=None) -> None:
    rng = random.Random(2026_05)
    users = get_user_model().objects
    created = 0
    for slug, (username, licensing, penalty, coercion, fees) in PROFILES.items():
        agency = Agency.objects.filter(slug=slug).first()
        actor = users.filter(username=username).first()
        if agency is None or actor is None:
            continue
        for year in YEARS:
            values = {
                "licensing_decisions": _vary(rng, licensing),
                "penalty_decisions": _vary(rng, penalty),
                "coercion_decisions": _vary(rng, coercion),
                "fee_amount": (fees * Decimal(str(round(rng.uniform(0.8, 1.2), 2)))).quantize(
                    Decimal("0.0001")),
            }
            if YearlyFigures.objects.filter(agency=agency, year=year).exists():
                continue
            figures_save(actor=actor, agency=agency, year=year, values=values,
                         note="演示数据：根据本机关业务系统年度统计填报")
            created += 1
    if stdout:
        stdout.write(f"年度业务数据 {YearlyFigures.objects.count()} 条（本次新增 {created} 条）")
