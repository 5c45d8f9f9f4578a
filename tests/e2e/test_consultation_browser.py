"""Browser: a visitor comments on an open consultation, and later reads the feedback."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from gongkai.agencies.models import Role
from gongkai.participation import services
from gongkai.participation.models import Adoption, Comment

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

def test_a_visitor_comments_and_later_reads_the_feedback(live_server, page, agency, make_staff):
    publisher = make_staff(agency, Role.PUBLISHER)
    today = timezone.localdate()
    consultation = services.consultation_open(
        actor=publisher, consultation=services.consultation_create(
            actor=publisher, agency=agency, data={
                "title": "关于《农贸市场管理办法（征求意见稿）》公开征求意见的公告",
                "summary": "第一条 为规范农贸市场管理……", "opens_on": today - dt.timedelta(days=3),
                "closes_on": today + dt.timedelta(days=27)}))

    page.goto(live_server.url + "/participation/")
    page.get_by_role("link", name=consultation.title).click()
    page.get_by_role("textbox", name="意见内容").fill("建议早市开放时间提前到五点半。")
    page.get_by_label("姓名或单位").fill("司马光明")
    page.get_by_label("我同意公开我的意见内容", exact=False).check()
    page.get_by_role("button", name="提交意见").click()
    assert "您的意见已提交" in page.locator("main").inner_text()

    comment = Comment.objects.get()
    services.comment_moderate(actor=publisher, comment=comment, approve=True)
    services.comment_adopt(actor=publisher, comment=comment, adoption=Adoption.ADOPTED, reason="")
    services.consultation_close(actor=publisher, consultation=consultation)
    services.feedback_publish(actor=publisher, consultation=consultation,
                              feedback="共收到意见 1 条，已全部采纳。")

    page.reload()
    main = page.locator("main").inner_text()
    assert "意见采纳情况" in main and "共收到意见 1 条，已全部采纳。" in main
    assert "建议早市开放时间提前到五点半。" in main and "采纳" in main
    assert "司马光明" not in main
