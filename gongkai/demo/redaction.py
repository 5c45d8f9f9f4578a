"""Demo 区分处理: 商务局's 部分公开 replies carry a PDF of subsidy recipients whose ID numbers,
bank accounts and signature picture are marked by the handler (on the ground 保护第三方合法权益)
and approved by the 机构管理员. The open request planned as 部分公开 in the live set (received
2026-10-30, overdue at the demo date) has its file marked and awaiting approval.

`reply_pdf()` is called by the requests step (gongkai.demo.applications) while the request is
still open, since a delivered reply takes no more files; `load()` then marks and approves.
Deterministic (seeded by the request's id); skipped when present.
"""

from __future__ import annotations

import datetime as dt
import random

import pymupdf

from gongkai.agencies.models import Membership, Role
from gongkai.applications import services
from gongkai.applications.models import Application, Redaction, ReplyFile

from .agencies import COMMERCE_SLUG

GROUND = "withheld_third_party"
# The live request planned as 部分公开 in gongkai.demo.applications._live.
LIVE_PARTIAL = dt.date(2026, 10, 30)
NAMES = ["王建国", "李秀英", "张志强", "刘丽娟", "陈海涛", "杨晓燕", "赵磊", "黄静"]


def _recipients(application_id: int) -> list[tuple[str, str, str, int]]:
    rng = random.Random(application_id)
    rows = []
    for name in rng.sample(NAMES, 4):
        id_number = f"41162219{rng.randint(60, 99)}0{rng.randint(1, 9)}1{rng.randint(0, 2)}{rng.randint(1000, 9999)}"
        account = f"6228 4804 {rng.randint(1000, 9999)} {rng.randint(1000, 9999)} 01{rng.randint(0, 9)}"
        rows.append((name, id_number, account, rng.choice([800, 1200, 1500, 2000])))
    return rows


def wants_reply_file(agency, outcome: str) -> bool:
    return outcome == "partial" and agency.slug == COMMERCE_SLUG


def reply_pdf(application) -> bytes:
    """The information asked for: a list of recipients with personal data to be withheld."""
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)
    font = {"fontname": "china-s", "fontsize": 11}
    page.insert_text((72, 80), f"{application.title}", fontname="china-s", fontsize=14)
    page.insert_text((72, 110), "补贴发放明细（节选）", **font)
    y = 140
    for name, id_number, account, amount in _recipients(application.pk):
        page.insert_text((72, y), f"姓名：{name}  身份证号码：{id_number}", **font)
        page.insert_text((72, y + 18), f"开户银行账号：{account}  补贴金额：{amount}元", **font)
        y += 48
    page.insert_text((72, y + 10), "经办人签字：", **font)
    signature = pymupdf.Pixmap(pymupdf.csRGB, pymupdf.IRect(0, 0, 40, 12), False)
    signature.set_rect(signature.irect, (30, 30, 120))
    page.insert_image(pymupdf.Rect(150, y - 4, 270, y + 26), pixmap=signature)
    page.insert_text((72, y + 60), "以上补贴资金已全部通过惠民惠农一卡通发放到位。", **font)
    return doc.tobytes()


def attach_reply(application, handler) -> None:
    services.application_attach_file(application=application, actor=handler,
                                     name="补贴发放明细.pdf", data=reply_pdf(application))


def _signature_area(application) -> tuple[float, float, float, float]:
    y = 140 + 48 * len(_recipients(application.pk))
    return 145 / 595, (y - 8) / 842, 275 / 595, (y + 30) / 842


def _staff(agency, role):
    membership = (Membership.objects.filter(agency=agency, role=role).select_related("user")
                  .order_by("user__username").first())
    return membership.user if membership else None


def load(stdout=None) -> None:
    files = list(ReplyFile.objects.filter(
        application__agency__slug=COMMERCE_SLUG, application__outcome="partial",
        content_type="application/pdf").select_related("application__agency")
        .order_by("application__received_on", "pk"))
    if not files or Redaction.objects.filter(reply_file__in=files).exists():
        return
    agency = files[0].application.agency
    handler, approver = _staff(agency, Role.HANDLER), _staff(agency, Role.ADMIN)
    if handler is None or approver is None:
        return
    for reply_file in files:
        _mark(reply_file, handler)
        services.redaction_approve(redaction=reply_file.redaction, actor=approver)
    live = Application.objects.filter(agency=agency, received_on=LIVE_PARTIAL,
                                      closed_on__isnull=True).first()
    if live is not None:
        attach_reply(live, handler)
        _mark(live.files.get(), handler)
    if stdout:
        stdout.write(f"区分处理 {len(files) + bool(live)} 份（{agency.name}，在办的一份待审批）")


def _mark(reply_file: ReplyFile, handler) -> Redaction:
    application = reply_file.application
    redaction = services.redaction_start(reply_file=reply_file, actor=handler)
    for _name, id_number, account, _amount in _recipients(application.pk):
        for term in (id_number, account):
            services.redaction_mark_text(redaction=redaction, actor=handler, term=term,
                                         ground=GROUND)
    left, top, right, bottom = _signature_area(application)
    services.redaction_mark_area(redaction=redaction, actor=handler, page=0, left=left,
                                 top=top, right=right, bottom=bottom, ground=GROUND)
    return services.redaction_submit(redaction=redaction, actor=handler)
