"""Demo 意见征集 of 西华县商务局: one consultation open now (two comments, one published, one
waiting for moderation) and one from 2025 closed with its 采纳情况 published and linked to the
final measures, a published document of the agency.

Every step goes through the services as staff and visitors would take it (the audit log shows
them); since the services stamp "today", the 2025 consultation's dates are then set back to
when the demo says it ran. Idempotent: an agency that has consultations is left as it is.
"""

from __future__ import annotations

import datetime as dt

from django.contrib.auth import get_user_model
from django.utils import timezone

from gongkai.agencies.models import Agency
from gongkai.catalog.models import Document
from gongkai.participation import services
from gongkai.participation.models import Adoption, Comment, Consultation

from .agencies import COMMERCE_SLUG

OPEN = {
    "title": "关于《西华县县域商业体系建设三年行动方案（征求意见稿）》公开征求意见的公告",
    "summary": ("为加快完善县域商业体系，推动农村消费提质扩容，县商务局起草了《西华县县域商业体系建设"
                "三年行动方案（征求意见稿）》，现向社会公开征求意见。\n"
                "一、主要目标：到2029年，建成县级物流配送中心1个、乡镇商贸中心10个、村级便民网点200个。\n"
                "二、重点任务：改造提升乡镇商贸中心，发展农村电商，畅通农产品上行渠道。\n"
                "意见可在本页面提交，征集截止日期为2026年12月16日。"),
    "opens_on": dt.date(2026, 11, 16), "closes_on": dt.date(2026, 12, 16),
}
OPEN_COMMENTS = [
    ("建议在乡镇商贸中心设置农产品直销区，方便农户就近销售。", "李*", True),
    ("希望村级便民网点增加快递代收服务。", "王*", False),
]
CLOSED = {
    "title": "关于《西华县促进消费若干措施（征求意见稿）》公开征求意见的公告",
    "summary": ("为进一步释放消费潜力，县商务局起草了《西华县促进消费若干措施（征求意见稿）》。\n"
                "一、开展家电以旧换新活动；二、发放餐饮、零售消费券；三、支持夜间经济街区建设。"),
    "opens_on": dt.date(2025, 8, 1), "closes_on": dt.date(2025, 8, 31),
}
CLOSED_COMMENTS = [
    ("建议消费券向低收入群体倾斜。", Adoption.ADOPTED, ""),
    ("建议把二手家电纳入以旧换新补贴。", Adoption.PARTLY, "二手家电补贴需省级政策支持，先在县城两家门店试点。"),
    ("建议取消夜间经济街区的占道经营管理。", Adoption.NOT_ADOPTED, "占道经营涉及交通和消防安全，仍需依法管理，已在措施中明确规范经营时段。"),
]
FEEDBACK = ("本次征集共收到公众意见3条，全部公开。采纳1条、部分采纳1条、未采纳1条，逐条理由见下。"
            "正式措施已于2025年9月印发。")


def _staff(username):
    return get_user_model().objects.filter(username=username).first()


def _open_period(today: dt.date) -> tuple[dt.date, dt.date]:
    """The open consultation's period, moved to include `today` when the demo is loaded later."""
    if OPEN["opens_on"] <= today <= OPEN["closes_on"]:
        return OPEN["opens_on"], OPEN["closes_on"]
    return today - dt.timedelta(days=12), today + dt.timedelta(days=18)


def _comment(consultation, body: str, name: str, serial: int) -> Comment:
    return services.comment_submit(consultation=consultation, ip=f"demo-{consultation.pk}-{serial}",
                                   data={"body": body, "name": name})


def _open_consultation(agency, publisher, today: dt.date) -> None:
    opens_on, closes_on = _open_period(today)
    consultation = services.consultation_open(
        actor=publisher, consultation=services.consultation_create(
            actor=publisher, agency=agency, data={**OPEN, "opens_on": opens_on,
                                                  "closes_on": closes_on}))
    for serial, (body, name, approve) in enumerate(OPEN_COMMENTS):
        comment = _comment(consultation, body, name, serial)
        if approve:
            services.comment_moderate(actor=publisher, comment=comment, approve=True)


def _closed_consultation(agency, publisher, today: dt.date) -> None:
    """Run through the services with a period around today, then dated back to August 2025."""
    consultation = services.consultation_open(
        actor=publisher, consultation=services.consultation_create(
            actor=publisher, agency=agency, data={**CLOSED, "opens_on": today,
                                                  "closes_on": today + dt.timedelta(days=30)}))
    for serial, (body, adoption, reason) in enumerate(CLOSED_COMMENTS):
        comment = _comment(consultation, body, "张*", serial)
        services.comment_moderate(actor=publisher, comment=comment, approve=True)
        services.comment_adopt(actor=publisher, comment=comment, adoption=adoption, reason=reason)
    services.consultation_close(actor=publisher, consultation=consultation)
    final = Document.objects.published().filter(agency=agency).order_by("-published_on").first()
    services.feedback_publish(actor=publisher, consultation=consultation, feedback=FEEDBACK,
                              final_document=final)
    Consultation.objects.filter(pk=consultation.pk).update(
        opens_on=CLOSED["opens_on"], closes_on=CLOSED["closes_on"],
        feedback_due_on=dt.date(2025, 9, 29), feedback_published_on=dt.date(2025, 9, 20))
    consultation.comments.update(submitted_on=dt.date(2025, 8, 12))


def load(stdout=None) -> None:
    agency = Agency.objects.filter(slug=COMMERCE_SLUG).first()
    publisher = _staff("commerce_publisher")
    if agency is None or publisher is None or Consultation.objects.filter(agency=agency).exists():
        return
    today = timezone.localdate()
    _closed_consultation(agency, publisher, today)
    _open_consultation(agency, publisher, today)
    if stdout:
        stdout.write(f"意见征集：{agency.name} 2 次（1 次征集中，1 次已公布采纳情况）")
