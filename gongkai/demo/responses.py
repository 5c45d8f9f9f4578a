"""Demo 回应关切: questions from the public to the demo agencies, most answered and published,
one referred to 依申请公开, one refused, and a few still open (one of them overdue).

Submitted and answered through the services (so the audit log shows them); the dates are then
set back to when the demo says they happened, since the public form always stamps "today".
Idempotent: an agency that has questions is left as it is.
"""

from __future__ import annotations

import datetime as dt

from django.contrib.auth import get_user_model

from gongkai.agencies.models import Agency
from gongkai.responses import services
from gongkai.responses.models import PublicQuestion
from gongkai.workdays import add_workdays

from .agencies import COMMERCE_SLUG, COUNTY_SLUG

# agency slug, answering user, [(received, subject, question, answer or None, how)]
# how: "publish" | "private" | "refer" | "reject" | "open"
QUESTIONS = {
    COMMERCE_SLUG: ("commerce_handler", [
        (dt.date(2025, 3, 4), "家电以旧换新补贴如何申领",
         "听说今年有家电以旧换新补贴，请问在哪里申请、需要什么材料？",
         "2025年家电以旧换新补贴通过“云闪付”平台申领，购买时出示旧机回收凭证即可享受立减，"
         "详见本局3月1日发布的《西华县2025年家电以旧换新实施方案》。", "publish"),
        (dt.date(2025, 6, 16), "县城农贸市场改造工期",
         "东关农贸市场围挡已经两个月，什么时候能完工？", "东关农贸市场改造计划于2025年9月底完工，"
         "施工期间临时摊位设在市场北侧停车场。", "publish"),
        (dt.date(2025, 9, 8), "加油站夜间噪音", "某加油站夜间卸油噪音扰民，请予处理。",
         "经现场核查，已要求该加油站将卸油时间调整至晚上10点前，并安装隔音设施。", "publish"),
        (dt.date(2025, 11, 3), "请提供2024年招商引资项目合同",
         "请把2024年全县招商引资项目的合同全文发给我。", "您需要获取的是政府信息，请通过“依申请公开”"
         "提出政府信息公开申请，本局将在法定期限内答复。", "refer"),
        (dt.date(2026, 10, 12), "电商培训报名", "农村电商培训还能报名吗？", None, "open"),
        (dt.date(2026, 11, 23), "预付卡退费", "健身房关门后预付卡无法退费，商务部门能否协调？",
         None, "open"),
    ]),
    COUNTY_SLUG: ("county_admin", [
        (dt.date(2025, 4, 21), "政务服务中心周末是否办公",
         "县政务服务中心周六能办理不动产登记吗？", "县政务服务中心实行周六“不打烊”服务，不动产登记窗口"
         "周六上午9:00—12:00办公。", "publish"),
        (dt.date(2025, 8, 11), "重复留言", "（与前一留言内容相同）", "与您8月8日的留言内容相同，"
         "已合并办理。", "reject"),
    ]),
}


def load(stdout=None) -> None:
    users = get_user_model().objects
    created = 0
    for slug, (username, questions) in QUESTIONS.items():
        agency = Agency.objects.filter(slug=slug).first()
        staff = users.filter(username=username).first()
        if agency is None or staff is None or PublicQuestion.objects.filter(agency=agency).exists():
            continue
        for serial, (received, subject, body, answer, how) in enumerate(questions):
            question = services.question_submit(
                agency=agency, ip=f"demo-{slug}-{serial}",
                data={"subject": subject, "body": body, "name": "张三",
                      "phone": f"1380000{serial:04d}"})
            if how in ("publish", "private"):
                services.question_answer(actor=staff, question=question, answer=answer,
                                         public_body=body, publish=how == "publish")
            elif how == "refer":
                services.question_refer(actor=staff, question=question, note=answer)
            elif how == "reject":
                services.question_reject(actor=staff, question=question, note=answer)
            due = add_workdays(received, services.answer_workdays(agency))
            answered = add_workdays(received, 3) if how != "open" else None
            PublicQuestion.objects.filter(pk=question.pk).update(
                received_on=received, due_on=due, answered_on=answered)
            created += 1
    if stdout:
        stdout.write(f"回应关切：新增留言 {created} 条")
