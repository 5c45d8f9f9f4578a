"""Demo calendar: a DRAFT of next year's schedule, as an administrator would start it.

Only the statutory holidays of fixed date are entered (《全国年节及纪念日放假办法》: 元旦
1 January; 春节 农历除夕至正月初三; 劳动节 1–2 May; 国庆节 1–3 October); the bridging days and
调休 Saturdays come from the State Council's notice, which the demo cannot know. The draft is
not marked complete, so deadlines reaching into that year are still refused until an
administrator finishes it (log in as `superadmin`, 工作台 → 工作日历).
"""

from __future__ import annotations

from django.contrib.auth import get_user_model

from gongkai.workdays.calendar import official_year_range
from gongkai.workdays.entry import parse_holidays
from gongkai.workdays.models import CalendarYear
from gongkai.workdays.services import calendar_year_save

DRAFT_YEAR = 2027
# 2027-02-06 is 正月初一, so 除夕 is 02-05 and 初三 is 02-08.
DRAFT_HOLIDAYS = """元旦 2027-01-01
春节 2027-02-05 至 2027-02-08
劳动节 2027-05-01 至 2027-05-02
国庆节 2027-10-01 至 2027-10-03"""


def load(stdout=None) -> None:
    if (
        official_year_range()[1] >= DRAFT_YEAR
        or CalendarYear.objects.filter(year=DRAFT_YEAR).exists()
    ):
        return  # the package knows the year, or someone entered it already: leave it alone
    admin = get_user_model().objects.get(username="superadmin")
    calendar_year_save(
        actor=admin,
        year=DRAFT_YEAR,
        notice="",
        days=parse_holidays(DRAFT_HOLIDAYS, DRAFT_YEAR),
        is_complete=False,
    )
    if stdout is not None:
        stdout.write(f"  工作日历：{DRAFT_YEAR}年安排草稿（仅法定节日，未完成，不参与计算）")
