"""The applicant's thread in the demo: two of the demo applicant's (李明, user `applicant`)
requests to 商务局 get query codes a reviewer can type.

- `OVERDUE_CODE`: received 2026-10-15, never answered: its status page offers the drafted
  行政复议申请书 (to 西华县人民政府) and 投诉书 (to 西华县人民政府办公室).
- `CORRECTION_CODE`: received 2026-11-20, the handler asked for 补正: its status page takes
  the 补正 material online.
Open them at /requests/lookup/?code=… with the phone 13939401234, or signed in as `applicant`
(我的申请). Runs after gongkai.demo.applications; skipped when present.
"""

from __future__ import annotations

import datetime as dt

from django.urls import reverse

from gongkai.applications.models import Application, Status

from .agencies import COMMERCE_SLUG

OVERDUE_CODE = "FUYQDEM7TRAC"
CORRECTION_CODE = "BUCHDEM7TRAC"
DEMO_DAY = dt.date(2026, 11, 27)  # the day the live requests of the demo are set at


def load(stdout=None) -> None:
    if Application.objects.filter(query_code__in=(OVERDUE_CODE, CORRECTION_CODE)).exists():
        return
    own = Application.objects.filter(agency__slug=COMMERCE_SLUG, user__username="applicant")
    overdue = own.overdue(DEMO_DAY).exclude(status=Status.CORRECTION_REQUESTED).order_by(
        "received_on", "pk").first()
    awaiting = own.filter(status=Status.CORRECTION_REQUESTED).order_by("-received_on", "pk").first()
    for application, code in ((overdue, OVERDUE_CODE), (awaiting, CORRECTION_CODE)):
        if application is None:
            continue
        # The query code is never edited in the site; the demo fixes two so they can be typed.
        Application.objects.filter(pk=application.pk).update(query_code=code)
        if stdout:
            stdout.write(f"申请人演示：{application.get_status_display()}的申请 {application.reference}，"
                         f"查询码 {code}（联系电话 {application.phone}）："
                         f"{reverse('applications:track', kwargs={'code': code})}")
