"""Demo of 《条例》第四十四条: in 2024 several applicants asked 商务局 for the same information.
Four requests for one list are answered, one is published in the disclosure log, the handler
links them as 同一信息, the 信息发布员 turns the proposal into a catalog document and the 审核员
publishes it (so the log entry says 已转为主动公开); three requests for another list make a
proposal left open for the visitor to decide. Runs after gongkai.demo.published; skipped when
present. Deterministic (fixed seed)."""

from __future__ import annotations

import datetime as dt
import random

import pymupdf

from gongkai.agencies.models import Agency, Membership, Role
from gongkai.applications import selectors, services
from gongkai.applications.models import SameInformation
from gongkai.catalog import services as catalog
from gongkai.catalog.models import Category

from .agencies import COMMERCE_SLUG
from .applications import _request_data, _run

CONVERTED = "2024年县级电子商务进农村综合示范项目资金分配表"
OPEN = "2024年家电以旧换新补贴资金发放汇总"
SEED = 44


def _user(role: str):
    membership = (Membership.objects.filter(agency__slug=COMMERCE_SLUG, role=role)
                  .select_related("user").order_by("user__username").first())
    return membership.user if membership else None


def _table_pdf(title: str) -> bytes:
    """The information itself: a table of amounts by town (no personal data)."""
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)
    page.insert_text((72, 80), title, fontname="china-s", fontsize=14)
    for n, (town, amount) in enumerate((("址坊镇", 86), ("红花集镇", 74), ("聂堆镇", 92),
                                        ("东夏亭镇", 65))):
        page.insert_text((72, 120 + 22 * n), f"{town}：{amount}万元", fontname="china-s",
                         fontsize=11)
    return doc.tobytes()


def _requests(rng, agency, handler, title: str, count: int, n0: int, *, reply: bool):
    result = []
    for i in range(count):
        received_on = dt.date(2024, 3, 4) + dt.timedelta(days=9 * i + 7 * (n0 % 5))
        data = _request_data(rng, agency, n0 + i, 2024)
        data["title"] = title
        application = services.application_submit(agency=agency, data=data,
                                                  submitted_on=received_on)
        if reply:
            services.application_attach_file(application=application, actor=handler,
                                             name=f"{title}.pdf", data=_table_pdf(title))
        result.append(_run(application, handler, "disclosed", rng))
    return result


def load(stdout=None) -> None:
    if SameInformation.objects.filter(agency__slug=COMMERCE_SLUG).exists():
        return
    agency = Agency.objects.filter(slug=COMMERCE_SLUG).first()
    handler, publisher, reviewer = _user(Role.HANDLER), _user(Role.PUBLISHER), _user(Role.REVIEWER)
    if not (agency and handler and publisher and reviewer):
        return
    rng = random.Random(SEED)
    converted = _requests(rng, agency, handler, CONVERTED, 4, 940, reply=True)
    first = converted[0]
    services.published_request_publish(
        application=first, actor=handler, question=f"申请公开{CONVERTED}",
        reply="分配表随告知书提供。", files=list(first.files.all()))
    group = services.same_information_link(applications=converted, actor=handler,
                                           basis="确认建议：所需信息名称相同")
    category = (Category.objects.filter(is_active=True, name__contains="财政").first()
                or Category.objects.filter(is_active=True).first())
    document = services.proposal_draft(
        group=group, actor=publisher, title=CONVERTED, category=category,
        summary="多个申请人依申请获取的同一信息，依《政府信息公开条例》第四十四条纳入主动公开。",
        body=f"<p>{CONVERTED}见附件。</p>",
        file_ids=[f.reply_file_id for f in selectors.proposal_files(group)])
    catalog.document_submit(document=document, actor=publisher)
    document = catalog.document_approve(document=document, actor=reviewer, note="同意纳入主动公开。")
    waiting = _requests(rng, agency, handler, OPEN, 3, 950, reply=False)
    services.same_information_link(applications=waiting, actor=handler,
                                   basis="确认建议：所需信息名称相同")
    if stdout:
        stdout.write(f"第四十四条：{len(converted)} 件同一信息的申请已转为主动公开（{document.index_no}），"
                     f"另有 1 项建议（{len(waiting)} 个申请人）待处理")
