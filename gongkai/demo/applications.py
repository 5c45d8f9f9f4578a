"""Demo requests (依申请公开) for every demo agency: 2021 and 2022 in full, some in 2025, and
live ones in autumn 2026 so the queue has work due soon, overdue, paused and unassigned.

Every outcome of table 三 occurs in every agency in 2021 and in 2022; some requests have a 补正, a
consultation of a third party or another agency, a fee notice, an extension, a late reply or
a withdrawal. Everything goes through the services (with `quiet()`: no e-mails), so the event
log, due dates and audit trail are real. Deterministic (fixed seed); skipped when present.
"""

from __future__ import annotations

import datetime as dt
import random

from django.contrib.auth import get_user_model

from gongkai.agencies.models import Agency, Membership, Role
from gongkai.applications import services
from gongkai.applications.models import Application, Channel
from gongkai.applications.services.base import quiet
from gongkai.id_numbers import resident_id_check_char, uscc_check_char
from gongkai.reportformat.template import OUTCOME_CODES
from gongkai.workdays import ScheduleUnknown, add_workdays, is_workday

from . import redaction
from .agencies import COUNTY_SLUG

SEED = 20211231
D = dt.date

SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎"
GIVEN = ["建国", "秀英", "志强", "丽娟", "海涛", "晓燕", "伟", "芳", "磊", "静", "军", "敏", "洋", "艳",
         "明", "超", "娟", "勇", "霞", "杰", "桂兰", "玉梅", "国庆", "红霞", "文博", "子涵", "浩然", "欣怡"]
TOWNS = ["娲城街道", "昆山街道", "箕子台街道", "址坊镇", "红花集镇", "聂堆镇", "东夏亭镇", "西夏亭镇",
         "逍遥镇", "奉母镇", "田口乡", "清河驿乡", "皮营乡", "西华营镇", "大王庄乡", "黄土桥乡"]
ORGANISATIONS = {
    "business": ["西华县鑫源商贸有限公司", "周口市豫东物流有限公司", "西华县丰收农资有限公司",
                 "河南中原建筑工程有限公司", "西华县恒信超市有限公司"],
    "research": ["周口师范学院地方经济研究所", "河南省社会科学院农村发展研究所"],
    "public_interest": ["周口市绿色家园环保志愿者协会", "西华县助残服务中心"],
    "legal_service": ["河南华豫律师事务所", "周口市正信律师事务所", "西华县法律援助中心"],
    "other_org": ["西华县个体劳动者协会", "西华县红花集镇张庄村民委员会"],
}
SUBJECTS = {
    COUNTY_SLUG: [
        "{y}年西华县人民政府重大行政决策事项目录", "{y}年县政府常务会议研究土地征收事项的会议纪要",
        "西华县国土空间总体规划（2021—2035年）征求意见稿", "{y}年县级财政衔接推进乡村振兴补助资金分配表",
        "{town}老旧小区改造项目批复文件", "县政府关于{town}农村集体土地征收的批复",
        "{y}年西华县政府工作报告重点任务分解", "{y}年县人民政府信访事项办理情况",
    ],
    "xihua-commerce": [
        "{y}年西华县商贸流通专项资金分配结果", "{town}农贸市场升级改造项目验收材料",
        "{y}年成品油零售经营批准证书发放名单", "{y}年家电以旧换新补贴发放汇总",
        "县级电子商务进农村综合示范项目资金使用情况", "{y}年单用途商业预付卡备案企业名单",
        "{y}年再生资源回收经营者备案登记情况", "外商投资企业{y}年度投资信息报告汇总",
    ],
    "xihua-fgw": [
        "{y}年西华县重点建设项目名单及投资计划", "{town}污水处理厂项目可行性研究报告的批复",
        "{y}年政府定价的经营服务性收费目录", "西华县{y}年粮食储备轮换计划",
        "{town}光伏发电项目备案证明", "{y}年县级预算内基本建设投资计划下达文件",
    ],
    "xihua-finance": [
        "{y}年西华县县级一般公共预算执行情况", "{y}年县级三公经费预算及决算",
        "{y}年政府采购意向及合同公告汇总", "{town}道路建设项目财政评审报告",
        "{y}年政府专项债券资金使用情况", "{y}年惠民惠农补贴资金一卡通发放明细",
        "{y}年行政事业单位国有资产报告",
    ],
    "xihua-samr": [
        "{y}年食品安全监督抽检结果汇总", "{town}某餐饮店行政处罚决定书",
        "{y}年特种设备安全监察年度报告", "{y}年度企业年报公示抽查结果",
        "{y}年药品零售企业飞行检查情况", "{town}农贸市场计量器具检定记录",
        "{y}年价格投诉举报处理情况统计",
    ],
    "xihua-edu": [
        "{y}年西华县义务教育学校招生划片范围", "{y}年教师招聘考试成绩及录取名单",
        "{y}年学生资助资金发放情况", "{town}中心学校校舍改造工程招标文件",
        "{y}年县直学校教育经费预算", "{y}年营养改善计划资金使用情况",
        "{y}年民办学校年检结果",
    ],
}
DETAILS = [
    "请提供正式文件的电子版。", "如有附件请一并提供。", "请提供文件全文，包括附表。",
    "需要用于本人维权，请尽快答复。", "请说明具体的数额和发放时间。", "",
]
REPLIES = {
    "disclosed": "现将所申请信息的电子文件随本告知书提供给您。",
    "partial": "所附文件中涉及自然人身份证号码和银行账号的内容已作遮盖处理，其余内容予以公开。",
    "withheld_third_party": "经书面征求第三方意见，第三方不同意公开且理由合理。",
    "unable_not_held": "经检索本机关档案和政务信息系统，未查到该信息。该事项由县自然资源局负责，联系电话 0394-2541122。",
    "declined_petition": "您反映的问题请向县信访局提出，地址：西华县人民路1号，电话 0394-2541234。",
    "declined_repeat": "本机关已于此前对您提出的相同申请作出答复。",
    "declined_publication": "该资料已在《西华县年鉴》刊载，可在县图书馆查阅。",
    "withheld_query": "请携带有效身份证件到县市场监督管理局登记窗口查询。",
    # 不予公开 must state its reasons (《条例》第三十六条): one sentence per row of table 三.
    "withheld_secret": "该文件经定密为秘密级，属于国家秘密，依法不予公开。",
    "withheld_law": "该信息属于《统计法》规定不得对外提供的单个统计调查对象资料。",
    "withheld_security": "该信息为重点目标安保部署方案，公开后可能危及公共安全。",
    "withheld_internal": "该信息为本机关内部人事管理和后勤管理信息。",
    "withheld_process": "该信息为局党组会议讨论记录，属于过程性信息。",
    "withheld_enforcement": "该信息为行政处罚案件的执法案卷材料。",
    "other": "申请人来电表示所需信息已从其他途径获得，本机关终止处理。",
}
COMMON_OUTCOMES = ["disclosed"] * 6 + ["partial"] * 2 + ["unable_not_held"] * 2 + [
    "declined_repeat", "withheld_process", "withheld_third_party", "unable_needs_creation"]


def _workday(rng: random.Random, start: D, end: D) -> D:
    while True:
        day = start + dt.timedelta(days=rng.randrange((end - start).days + 1))
        try:
            if is_workday(day):
                return day
        except ScheduleUnknown:
            continue


def _wd(day: D, n: int) -> D:
    return add_workdays(day, n)


def _applicant(rng: random.Random, n: int) -> dict:
    kind = rng.choices(
        ["natural", "business", "research", "public_interest", "legal_service", "other_org"],
        weights=[70, 12, 4, 4, 6, 4])[0]
    town = rng.choice(TOWNS)
    phone = f"1{rng.choice('35789')}{rng.randrange(10 ** 9):09d}"
    address = f"河南省周口市西华县{town}{rng.choice(['人民路', '青华路', '箕子路', '华中路', '幸福街'])}{rng.randrange(1, 200)}号"
    if kind == "natural":
        name = rng.choice(SURNAMES) + rng.choice(GIVEN)
        body = f"411622{rng.randrange(1955, 2003)}{rng.randrange(1, 13):02d}{rng.randrange(1, 29):02d}{n % 1000:03d}"
        return {"applicant_type": kind, "applicant_name": name, "id_type": "resident_id",
                "id_number": body + resident_id_check_char(body), "phone": phone,
                "email": f"applicant{n}@example.cn" if rng.random() < 0.6 else "",
                "address": address, "postal_code": "466600",
                "legal_representative": "", "contact_person": ""}
    body = f"9141162{rng.randrange(10 ** 10):010d}"
    return {"applicant_type": kind, "applicant_name": rng.choice(ORGANISATIONS[kind]),
            "id_type": "uscc", "id_number": body + uscc_check_char(body), "phone": phone,
            "email": f"org{n}@example.cn", "address": address, "postal_code": "466600",
            "legal_representative": rng.choice(SURNAMES) + rng.choice(GIVEN),
            "contact_person": rng.choice(SURNAMES) + rng.choice(GIVEN)}


def _request_data(rng, agency, n, year) -> dict:
    data = _applicant(rng, n)
    subject = rng.choice(SUBJECTS.get(agency.slug, SUBJECTS[COUNTY_SLUG]))
    delivery = rng.choice(["email", "online", "post", "pickup"])
    if delivery == "email" and not data["email"]:
        data["email"] = f"applicant{n}@example.cn"
    data.update({
        "agency": agency, "title": subject.format(y=year - rng.choice([0, 0, 1]), town=rng.choice(TOWNS)),
        "document_number": "", "description": rng.choice(DETAILS),
        "info_form": rng.choice(["electronic", "electronic", "paper", "disc"]), "delivery": delivery,
    })
    return data


DEMO_APPLICANT_BODY = "41162219880315123"  # the demo user "applicant" (申请人 李明)


def _receive(rng, agency, handler, n, received_on, user=None) -> Application:
    data = _request_data(rng, agency, n, received_on.year)
    if user is not None:  # the registered demo applicant always applies as himself
        data.update({
            "applicant_type": "natural", "applicant_name": "李明", "id_type": "resident_id",
            "id_number": DEMO_APPLICANT_BODY + resident_id_check_char(DEMO_APPLICANT_BODY),
            "phone": "13939401234", "email": user.email, "legal_representative": "",
            "contact_person": "", "address": "河南省周口市西华县人民路66号", "postal_code": "466600",
        })
    channel = rng.choices([Channel.ONLINE, Channel.LETTER, Channel.IN_PERSON, Channel.EMAIL, Channel.FAX],
                          weights=[55, 15, 15, 10, 5])[0]
    if channel == Channel.ONLINE or user is not None:
        return services.application_submit(agency=agency, data=data, user=user, submitted_on=received_on)
    dates = {Channel.IN_PERSON: {"submitted_on": received_on},
             Channel.LETTER: {"signed_on": received_on, "post_kind": "signed"},
             Channel.EMAIL: {"confirmed_on": received_on},
             Channel.FAX: {"confirmed_on": received_on}}[channel]
    return services.application_register(actor=handler, agency=agency, data=data, channel=channel,
                                         **dates)


def _approver(agency) -> str:
    """The head of the disclosure office: the agency's first deputy in the demo."""
    leaders = agency.leader_lines
    name = leaders[1] if len(leaders) > 1 else (leaders[0] if leaders else "办公室主任 王静")
    return name


def _run(app, handler, outcome: str, rng: random.Random, *, late=False, extend=False,
         consult: str = "", fee=False, close=True, today: D | None = None):
    """Walk one request through the events its outcome needs; return it."""
    r = app.received_on
    services.application_assign(application=app, handler=handler, actor=handler, on=r)
    day = _wd(r, rng.randint(1, 4))
    if outcome in ("other_no_correction", "unable_unclear"):
        services.application_request_correction(
            application=app, actor=handler, on=day, period_end=_wd(day, 10),
            items="请明确所需信息的具体年份和文件名称，或提供便于查询的其他特征性描述。")
        if outcome == "other_no_correction":
            if close:
                services.application_close(application=app, actor=handler, outcome=outcome,
                                           on=_wd(day, 12), reply_text="")
            return app
        day = _wd(day, rng.randint(2, 6))
        services.application_receive_correction(application=app, actor=handler, on=day)
    if outcome == "other_unpaid_fee" or fee:
        services.application_notify_fee(application=app, actor=handler, on=_wd(day, 2),
                                        method="per_page", pages=rng.choice([60, 150, 240]))
        if outcome == "other_unpaid_fee":
            if close:
                services.application_close(application=app, actor=handler, outcome=outcome,
                                           on=_wd(day, 24), reply_text="")
            return app
        day = _wd(day, rng.randint(4, 9))
        services.application_record_payment(application=app, actor=handler, on=day)
    if consult or outcome == "withheld_third_party":
        party = consult or "third_party"
        consulted = "相关企业" if party == "third_party" else "西华县自然资源局"
        services.application_start_consultation(application=app, actor=handler, on=_wd(day, 1),
                                                party=party, consulted=consulted)
        if not close:
            return app
        day = _wd(day, rng.randint(5, 14))
        services.application_end_consultation(application=app, actor=handler, on=day,
                                              note="对方书面回复意见已收到。")
    if extend:
        app.refresh_from_db()
        on = min(_wd(day, 1), app.due_on) if app.due_on else _wd(day, 1)
        services.application_extend(application=app, actor=handler, on=on, days=rng.choice([10, 15, 20]),
                                    approved_by=_approver(app.agency), notified_on=on,
                                    reason="所需信息涉及多个年度、数量较大，需要检索整理。")
    if not close:
        return app
    app.refresh_from_db()
    due = app.due_on
    reply_on = _wd(due, rng.randint(2, 8)) if late else _wd(max(day, r), rng.randint(1, 8))
    if due and not late and reply_on > due:
        reply_on = due
    if today and reply_on > today:
        return app
    if outcome == "other" and rng.random() < 0.6:
        services.application_withdraw(application=app, actor=handler, on=reply_on,
                                      note="申请人书面申请撤回")
    else:
        if redaction.wants_reply_file(app.agency, outcome):
            redaction.attach_reply(app, handler)
        services.application_close(application=app, actor=handler, outcome=outcome, on=reply_on,
                                   reply_text=REPLIES.get(outcome, REPLIES["other"] if outcome == "other" else ""))
    method = {"email": "email", "post": "post", "pickup": "pickup", "online": "online"}[app.delivery]
    services.application_record_delivery(application=app, actor=handler,
                                         on=min(_wd(reply_on, 1), today or _wd(reply_on, 1)),
                                         method=method)
    return app


def _year(rng, agency, handler, year: int, count: int, n0: int, applicant_user=None) -> int:
    """`count` closed requests received in `year`; every outcome at least once if count ≥ 21."""
    every = list(OUTCOME_CODES) if count >= len(OUTCOME_CODES) else []
    outcomes = every + [rng.choice(COMMON_OUTCOMES) for _ in range(count - len(every))]
    rng.shuffle(outcomes)
    days = sorted(_workday(rng, D(year, 1, 4), D(year, 12, 10)) for _ in outcomes)
    for i, (outcome, received_on) in enumerate(zip(outcomes, days, strict=True)):
        user = applicant_user if applicant_user is not None and i % 9 == 0 else None
        app = _receive(rng, agency, handler, n0 + i, received_on, user=user)
        _run(app, handler, outcome, rng, late=rng.random() < 0.06, extend=rng.random() < 0.12,
             consult="other_agency" if rng.random() < 0.06 else "", fee=rng.random() < 0.05)
    return n0 + len(outcomes)


def _live(rng, agency, handler, n0: int, applicant_user=None) -> int:
    """Open requests of autumn 2026 in every state the queue shows."""
    today = D(2026, 11, 27)
    plans = [
        (D(2026, 10, 15), "disclosed", {"close": False}),  # overdue
        (D(2026, 10, 30), "partial", {"close": False}),  # due 11-27: overdue by the demo date
        (D(2026, 11, 3), "disclosed", {"close": False}),  # due within 3 working days
        (D(2026, 10, 20), "disclosed", {"close": False, "extend": True}),  # extended
        (D(2026, 11, 20), "other_no_correction", {"close": False}),  # waiting for 补正
        (D(2026, 11, 5), "withheld_third_party", {"close": False}),  # consulting
        (D(2026, 11, 10), "other_unpaid_fee", {"close": False}),  # waiting for the fee
        (D(2026, 9, 14), "disclosed", {"today": today}),  # closed on time
    ]
    for i, (received_on, outcome, options) in enumerate(plans):
        # The demo applicant's 我的申请 shows an overdue request (with its drafted 行政复议申请书),
        # an open request, a 延期 and a 补正 letter (gongkai.demo.applicant_thread).
        user = applicant_user if i in (0, 2, 3, 4) else None
        app = _receive(rng, agency, handler, n0 + i, received_on, user=user)
        _run(app, handler, outcome, rng, **options)
    for i, received_on in enumerate((D(2026, 11, 26), D(2026, 11, 27))):  # not yet assigned
        _receive(rng, agency, handler, n0 + 20 + i, received_on)
    _provisional(agency, n0 + 25)
    return n0 + 30


# Received Friday 4 December 2026: the 20 working days reach into 2027, whose holiday schedule
# is only a draft in the demo, so the due date (2027-01-04) is shown 暂定 until it is entered.
PROVISIONAL_RECEIVED_ON = D(2026, 12, 4)


def _provisional(agency, n: int) -> Application:
    """An online request whose due date is provisional (own random stream: the other demo
    requests stay as they were)."""
    data = _request_data(random.Random(SEED + n), agency, n, PROVISIONAL_RECEIVED_ON.year)
    return services.application_submit(agency=agency, data=data,
                                       submitted_on=PROVISIONAL_RECEIVED_ON)


def load(stdout=None) -> None:
    county = Agency.objects.get(slug=COUNTY_SLUG)
    agencies = list(county.subtree().order_by("path"))
    if Application.objects.filter(agency__in=agencies, received_on__year=2021).exists():
        if stdout:
            stdout.write("依申请公开演示数据已存在，跳过。")
        return
    rng = random.Random(SEED)
    User = get_user_model()
    applicant_user = User.objects.filter(username="applicant").first()
    n = 1
    with quiet():
        for agency in agencies:
            membership = (Membership.objects.filter(agency=agency, role=Role.HANDLER)
                          .select_related("user").order_by("id").first())
            if membership is None:
                continue
            handler = membership.user
            n = _year(rng, agency, handler, 2021, 25, n, applicant_user)
            n = _year(rng, agency, handler, 2022, 23, n, applicant_user)
            n = _year(rng, agency, handler, 2025, 6, n)
            n = _live(rng, agency, handler, n, applicant_user)
    if stdout:
        total = Application.objects.filter(agency__in=agencies).count()
        stdout.write(f"依申请公开申请 {total} 件（2021、2022 年全年，2025 年部分，2026 年在办）")
