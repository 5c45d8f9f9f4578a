"""Demo catalog: about 240 documents of 西华县人民政府 and its departments, 2019–2025.

Every document goes through the real services (drafted by the agency's 信息发布员, approved by
its 审核员), so 索引号 are issued exactly as in production, in date order per agency and year.
Some 行政规范性文件 are abolished (废止) or expired (失效); 政策解读 link to their policies; a few
documents carry generated PDF/DOCX/XLSX attachments; some stay as drafts, pending or returned
so that the review queue has work. Deterministic (random.Random(seed)) and idempotent.
"""

from __future__ import annotations

import datetime as dt
import io
import random
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils.html import escape

from gongkai.agencies.models import Agency, Membership, Role
from gongkai.catalog import services
from gongkai.catalog.models import Category, Document, Kind, Status, Topic, Validity

from . import DEMO_PASSWORD
from .agencies import COUNTY_SLUG

SEED = 20190515  # the revised 《条例》 took effect on 2019-05-15
COUNTY_PUBLISHER = ("county_publisher", "县政府办公室 信息员 冯雪")

# agency slug → (文号 prefix, topic, subjects of its policies, a service area for notices)
AGENCIES = {
    COUNTY_SLUG: ("西政", Topic.GENERAL, [
        "优化营商环境", "城乡居民基本医疗保险", "农村人居环境整治", "政府投资项目管理", "公共资源交易管理",
        "重大行政决策程序", "行政规范性文件制定和备案", "乡村振兴衔接资金管理", "城市建设用地管理",
        "政务服务“一网通办”",
    ], "全县"),
    "xihua-commerce": ("西商", Topic.COMMERCE, [
        "促进消费", "电子商务进农村综合示范", "成品油流通管理", "再生资源回收体系建设", "外贸稳增长",
        "招商引资项目考核", "县域商业体系建设", "老字号保护发展",
    ], "商贸流通"),
    "xihua-fgw": ("西发改", Topic.ECONOMY, [
        "重点项目建设", "政府定价成本监审", "粮食安全保障", "社会信用体系建设", "节能审查",
        "以工代赈项目管理", "价格监测预警",
    ], "发展改革"),
    "xihua-finance": ("西财", Topic.FINANCE, [
        "预算绩效管理", "政府采购内部控制", "行政事业单位国有资产管理", "财政专项资金管理",
        "政府债务风险防控", "惠民惠农财政补贴资金“一卡通”管理",
    ], "财政"),
    "xihua-samr": ("西市监", Topic.MARKET, [
        "食品安全“两个责任”落实", "特种设备安全监督", "市场主体登记注册", "药品零售企业监督检查",
        "校园食品安全守护", "产品质量监督抽查", "轻微违法行为不予行政处罚清单",
    ], "市场监管"),
    "xihua-edu": ("西教", Topic.SCIENCE, [
        "义务教育阶段招生入学", "学生资助管理", "中小学教师招聘", "校外培训机构监管",
        "学前教育普及普惠", "中小学校安全管理", "课后服务",
    ], "教育"),
}

PLAN_NAMES = ["国民经济和社会发展第十四个五年规划", "县域商业发展规划", "国土空间总体规划",
              "教育事业发展规划", "市场监管“十四五”规划", "综合交通运输规划"]
PROJECTS = ["西华县城区供水管网改造工程", "西华县S213线改建工程", "西华县第二高级中学新建工程",
            "西华县人民医院综合楼建设项目", "西华县冷链物流园项目", "西华县污水处理厂提标改造工程"]
CONCERNS = ["老旧小区加装电梯", "农村客运班线停运", "学生午餐收费标准", "菜市场占道经营",
            "城区停车难", "农贸市场计量不准", "新建学校招生范围", "农村饮水水质"]


@dataclass
class Plan:
    """One document to create: its data, when it is published, what happens to it."""

    agency: Agency
    data: dict
    fate: str = Status.PUBLISHED  # or draft / pending / returned / withdrawn
    attachments: list = field(default_factory=list)
    repeal: tuple | None = None  # (validity, date)
    policy_key: str | None = None  # an interpretation names its policy by this key
    key: str | None = None


def _paragraphs(rng: random.Random, subject: str, agency: Agency, kind: str) -> str:
    area = AGENCIES[agency.slug][3]
    openings = [
        f"为深入贯彻落实党中央、国务院和省、市关于{subject}工作的决策部署，进一步提升{area}工作水平，"
        f"结合我县实际，制定本文件。",
        f"为规范{subject}工作，保障公民、法人和其他组织的合法权益，根据有关法律法规和上级文件精神，"
        f"结合西华县实际，现就有关事项通知如下。",
        f"近年来，{agency.name}认真落实{subject}各项工作任务，取得了阶段性成效，但仍存在工作机制不够健全、"
        f"基层落实不够到位等问题。为进一步做好相关工作，现提出如下意见。",
    ]
    tasks = [
        "明确职责分工。各乡镇人民政府、县直有关单位要按照“谁主管、谁负责”的原则，细化工作任务，"
        "明确责任人和完成时限，确保各项措施落到实处。",
        "健全工作机制。建立定期会商、信息共享和督查通报制度，每季度召开一次工作推进会，及时研究解决"
        "工作中遇到的困难和问题。",
        "加强监督检查。将工作落实情况纳入年度目标考核，对工作推进不力、措施落实不到位的单位予以通报，"
        "并限期整改。",
        "强化宣传引导。通过政府网站、政务新媒体、村（社区）公示栏等渠道广泛宣传政策内容，提高群众"
        "知晓率和满意度。",
        "优化办理流程。推行“一窗受理、集成服务”，压减办理环节和材料，承诺时限内办结率达到100%。",
        "加强资金保障。县财政按规定统筹安排工作经费，严格资金使用管理，提高资金使用效益。",
    ]
    rng.shuffle(tasks)
    numbers = ["一", "二", "三", "四"]
    parts = [f"<p>{escape(rng.choice(openings))}</p>", "<h3>一、总体要求</h3>",
             f"<p>坚持以人民为中心的发展思想，坚持问题导向、目标导向，到{rng.choice([2022, 2023, 2025])}年底，"
             f"{escape(subject)}工作制度体系基本健全，工作质量和效率明显提升。</p>",
             "<h3>二、主要任务</h3>"]
    for number, task in zip(numbers, tasks[: rng.randint(3, 4)], strict=False):
        parts.append(f"<p>（{number}）{escape(task)}</p>")
    parts += ["<h3>三、保障措施</h3>",
              "<p>各单位要高度重视，加强组织领导，主要负责同志要亲自研究部署，分管负责同志具体抓落实。"
              "工作中遇到的重大问题，要及时向县人民政府报告。</p>"]
    if kind == Kind.NORMATIVE:
        parts.append(f"<p>本文件自印发之日起施行，有效期{rng.choice(['五', '三'])}年。</p>")
    return "".join(parts)


def _notice_body(rng: random.Random, title: str, agency: Agency) -> str:
    contact = f"联系单位：{agency.name}；联系电话：{agency.phone or '0394-2541001'}。"
    lines = [
        f"根据《中华人民共和国政府信息公开条例》和有关规定，现将{title}有关情况予以公开。",
        rng.choice([
            "本次公开的内容经本机关保密审查，不涉及国家秘密、商业秘密和个人隐私。",
            "相关工作严格按照规定程序组织实施，全过程接受纪检监察部门和社会各界监督。",
            "各项数据均来源于本机关日常工作记录，已经分管负责同志审核。",
        ]),
        rng.choice([
            "公示期为5个工作日。公示期间，如对公示内容有异议，可通过来电、来信等方式向本机关反映。",
            "有关单位和个人如需了解详细情况，可在工作日办公时间内到本机关查阅。",
            "下一步，本机关将持续做好相关工作，及时公开工作进展情况。",
        ]),
        contact,
    ]
    return "".join(f"<p>{escape(line)}</p>" for line in lines)


def _interpretation_body(policy_title: str, agency: Agency) -> str:
    return (
        f"<h3>一、起草背景</h3><p>为贯彻落实上级部署，{escape(agency.name)}在深入调研、广泛征求意见的基础上，"
        f"起草了{escape(policy_title)}。</p>"
        "<h3>二、主要内容</h3><p>文件共分总体要求、主要任务、保障措施三个部分，明确了工作目标、职责分工"
        "和完成时限。</p>"
        "<h3>三、适用范围</h3><p>本文件适用于西华县行政区域内的有关单位和个人。</p>"
        f"<h3>四、解读机关及联系方式</h3><p>解读机关：{escape(agency.name)}；联系电话：{escape(agency.phone)}。</p>"
    )


def _docx(title: str, paragraphs: list[str]) -> bytes:
    from gongkai.reportformat.render.docx_page import add_body, add_title, official_document

    document = official_document()
    add_title(document, title)
    for text in paragraphs:
        add_body(document, text)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _xlsx(title: str, rows: list[list]) -> bytes:
    import openpyxl

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "明细"
    sheet.append([title])
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _pdf(title: str, paragraphs: list[str]) -> bytes:
    import weasyprint

    html = f"<h1>{escape(title)}</h1>" + "".join(f"<p>{escape(p)}</p>" for p in paragraphs)
    return weasyprint.HTML(string=f'<html lang="zh"><body style="font-family: sans-serif">{html}</body></html>').write_pdf()


def _random_date(rng: random.Random, year: int) -> dt.date:
    return dt.date(year, 1, 1) + dt.timedelta(days=rng.randint(3, 360))


def _plans(rng: random.Random, agencies: dict[str, Agency], categories: dict[str, Category]) -> list[Plan]:
    plans: list[Plan] = []
    serial: dict[tuple[str, int], int] = {}

    def doc_number(agency: Agency, year: int, suffix: str = "") -> str:
        key = (agency.slug, year)
        serial[key] = serial.get(key, 0) + rng.randint(1, 4)
        return f"{AGENCIES[agency.slug][0]}{suffix}〔{year}〕{serial[key]}号"

    def add(agency, category, kind, title, year, *, number=True, body=None, topic=None, subject=None,
            **extra):
        published_on = _random_date(rng, year)
        data = {
            "title": title, "category": categories[category], "kind": kind,
            "topic": topic or AGENCIES[agency.slug][1],
            "doc_number": doc_number(agency, year, "办" if agency.slug == COUNTY_SLUG and kind == Kind.OTHER else "") if number else "",
            "written_on": published_on - dt.timedelta(days=rng.randint(1, 12)),
            "published_on": published_on,
            "body": body or (_paragraphs(rng, subject, agency, kind) if subject
                             else _notice_body(rng, title, agency)),
            "summary": extra.pop("summary", ""),
        }
        plan = Plan(agency=agency, data=data, **extra)
        plans.append(plan)
        return plan

    for slug, agency in agencies.items():
        prefix, topic, subjects, area = AGENCIES[slug]
        name = agency.name
        county = slug == COUNTY_SLUG
        issuer = "西华县人民政府" if county else name
        # 行政规范性文件 and their interpretations; the oldest ones were later abolished or expired.
        for i, subject in enumerate(subjects):
            year = 2019 + (i * 7 + len(slug)) % 7
            doc_title = f"西华县{subject}管理办法" if i % 2 else f"西华县{subject}实施方案"
            title = (f"{issuer}关于印发《{doc_title}》的通知" if county
                     else f"关于印发《{doc_title}》的通知")
            key = f"{slug}-policy-{i}"
            repeal = None
            if year <= 2021 and i % 3 == 0:
                repeal = (Validity.REPEALED, dt.date(year + 3, rng.randint(1, 12), rng.randint(1, 28)))
            elif year <= 2020 and i % 3 == 1:
                repeal = (Validity.EXPIRED, dt.date(year + 5, 1, 1))
            plan = add(agency, "policies", Kind.NORMATIVE, title, year, key=key, repeal=repeal, subject=subject,
                       summary=f"对{subject}工作的目标任务、职责分工和保障措施作出规定。")
            if i % 3 == 0:
                plan.attachments.append((f"{doc_title}.docx", "docx"))
            if i % 2 == 0:
                reading = add(agency, "interpretations", Kind.INTERPRETATION, f"《{doc_title}》政策解读",
                              year, number=False, policy_key=key,
                              body=_interpretation_body(f"《{doc_title}》", agency))
                reading.data["published_on"] = plan.data["published_on"] + dt.timedelta(days=rng.randint(0, 3))
                reading.data["written_on"] = plan.data["published_on"]
        # 机构职能, 权责清单, 公开指南 and 公开制度: one each
        add(agency, "functions", Kind.OTHER, f"{name}主要职责和内设机构", 2019, number=False,
            body=f"<h3>主要职责</h3><p>{escape(agency.functions)}</p><h3>内设机构</h3><p>"
                 + "、".join(escape(u) for u in agency.internal_units.splitlines()) + "</p>")
        add(agency, "power-lists", Kind.OTHER, f"{name}权责清单（2023年版）", 2023, number=False)
        add(agency, "guide", Kind.OTHER, f"{name}政府信息公开指南", 2019, number=False, body=agency.guide)
        add(agency, "rules", Kind.OTHER, f"{name}政府信息公开保密审查制度", 2020)
        # 财政预决算 every year
        for year in range(2019, 2026):
            plan = add(agency, "finance", Kind.REPORT, f"{name}{year}年部门预算公开", year, number=False,
                       topic=Topic.FINANCE,
                       body=f"<p>根据《中华人民共和国预算法》和财政部门有关规定，现将{escape(name)}{year}年部门预算公开如下。</p>"
                            f"<h3>一、部门基本情况</h3><p>{escape(agency.functions[:60])}……</p>"
                            "<h3>二、收支预算总体情况</h3><p>收入预算和支出预算详见附表。</p>")
            if year in (2024, 2025) and slug in (COUNTY_SLUG, "xihua-finance", "xihua-commerce"):
                plan.attachments.append((f"{name}{year}年部门预算公开表.xlsx", "xlsx"))
            if year >= 2020 and year % 2 == 0:
                add(agency, "finance", Kind.REPORT, f"{name}{year - 1}年部门决算公开", year, number=False,
                    topic=Topic.FINANCE)
        # 规划 and 工作要点
        for year in (2021, 2023, 2025):
            add(agency, "plans", Kind.PLAN, f"{name}{year}年工作要点", year)
        # 政府采购 and 行政许可 notices
        for n in range(2):
            year = 2020 + (n * 3 + len(slug)) % 6
            add(agency, "procurement", Kind.NOTICE,
                f"{name}{rng.choice(['办公设备', '信息化运维服务', '物业服务', '车辆定点维修'])}采购项目中标（成交）结果公告",
                year, number=False)
        if slug in ("xihua-commerce", "xihua-samr", "xihua-edu", "xihua-fgw"):
            for year in (2022, 2024):
                add(agency, "licensing", Kind.NOTICE, f"{name}行政许可事项清单（{year}年版）", year)
        add(agency, "fees", Kind.OTHER, f"{name}行政事业性收费项目目录清单", 2021 + len(slug) % 4, number=False)
        # 工作动态
        for year in range(2019, 2026, 2):
            add(agency, "other-statutory", Kind.WORK,
                f"{name}召开{year}年{rng.choice(['政务公开', area, '党风廉政建设', '安全生产'])}工作会议", year,
                number=False)

    county = agencies[COUNTY_SLUG]
    for i, plan_name in enumerate(PLAN_NAMES):
        add(county, "plans", Kind.PLAN, f"西华县{plan_name}", 2021 + i % 3, subject=plan_name,
            summary=f"西华县{plan_name}全文。")
    for i, project in enumerate(PROJECTS):
        plan = add(county, "major-projects", Kind.NOTICE, f"{project}批准及实施情况", 2020 + i, number=False)
        if i == 0:
            plan.attachments.append((f"{project}批复.pdf", "pdf"))
    for year in range(2019, 2026):
        add(county, "statistics", Kind.OTHER, f"西华县{year}年国民经济和社会发展统计公报", year, number=False,
            topic=Topic.ECONOMY)
        add(county, "civil-service", Kind.NOTICE, f"西华县{year}年考试录用公务员拟录用人员名单公示", year,
            number=False, topic=Topic.LABOUR)
        add(county, "emergency", Kind.PLAN, f"西华县{year}年防汛抗旱应急预案", year, topic=Topic.AGRICULTURE)
        add(agencies["xihua-samr"], "inspections", Kind.NOTICE,
            f"西华县市场监督管理局{year}年第{rng.randint(1, 4)}期食品安全监督抽检信息公告", year, number=False)
        add(agencies["xihua-samr"], "penalties", Kind.NOTICE,
            f"西华县市场监督管理局行政处罚决定书（西市监罚〔{year}〕{rng.randint(10, 90)}号）", year, number=False)
        add(agencies["xihua-edu"], "livelihood", Kind.NOTICE,
            f"西华县{year}年秋季学期家庭经济困难学生资助工作通知", year)
    for i, concern in enumerate(CONCERNS):
        add(agencies[rng.choice(list(agencies))], "responses", Kind.RESPONSE,
            f"关于群众反映“{concern}”问题的回复", 2019 + i % 7, number=False,
            body=f"<p>近期，有群众通过县长热线反映{escape(concern)}问题。经调查核实，现将有关情况回复如下。</p>"
                 "<p>一、相关部门已组织现场核查，情况属实。</p><p>二、已制定整改方案，明确整改时限。</p>"
                 "<p>感谢您对我县工作的关心和支持。</p>")

    # Work in progress for the staff pages: drafts, pending reviews, a returned and a withdrawn one.
    today = dt.date(2025, 12, 1)
    for slug, agency in agencies.items():
        subject = AGENCIES[slug][2][-1]
        wip = [
            (Status.DRAFT, f"关于进一步加强{subject}工作的通知（征求意见稿）"),
            (Status.PENDING, f"{agency.name}关于{subject}有关事项的公告"),
        ]
        if slug in ("xihua-commerce", COUNTY_SLUG):
            wip += [(Status.PENDING, f"{agency.name}2026年政务公开工作要点"),
                    (Status.RETURNED, f"{agency.name}关于调整{subject}补助标准的通知")]
        if slug == "xihua-commerce":
            wip.append((Status.WITHDRAWN, "西华县商务局关于2025年家电以旧换新补贴申领的公告"))
        for fate, title in wip:
            plan = add(agency, "other-statutory" if fate != Status.WITHDRAWN else "livelihood", Kind.NOTICE,
                       title, today.year, subject=subject)
            plan.fate = fate
            plan.data["published_on"] = None if fate != Status.WITHDRAWN else today
            plan.data["written_on"] = today - dt.timedelta(days=rng.randint(1, 20))
    return plans


def _attachment_bytes(name: str, kind: str, title: str) -> bytes:
    paragraphs = [title, "西华县人民政府", "本附件为演示数据，由系统生成。"]
    if kind == "docx":
        return _docx(title, paragraphs)
    if kind == "xlsx":
        return _xlsx(title, [["科目", "预算数（万元）"], ["一般公共预算拨款", 1234.56],
                             ["政府性基金预算拨款", 88.0], ["合计", 1322.56]])
    return _pdf(title, paragraphs)


def _staff(agency: Agency, role: str):
    membership = (Membership.objects.filter(agency=agency, role=role).select_related("user")
                  .order_by("user__username").first())
    return membership.user if membership else None


def load(stdout=None) -> None:
    agencies = {slug: Agency.objects.get(slug=slug) for slug in AGENCIES}
    if Document.objects.filter(agency__in=agencies.values()).exists():
        if stdout:
            stdout.write("主动公开演示数据已存在，跳过。")
        return
    User = get_user_model()
    username, full_name = COUNTY_PUBLISHER
    county_publisher, created = User.objects.get_or_create(
        username=username, defaults={"full_name": full_name, "email": f"{username}@example.cn"}
    )
    if created:
        county_publisher.set_password(DEMO_PASSWORD)
        county_publisher.save()
    Membership.objects.get_or_create(user=county_publisher, agency=agencies[COUNTY_SLUG], role=Role.PUBLISHER)

    rng = random.Random(SEED)
    categories = {c.slug: c for c in Category.objects.all()}
    plans = _plans(rng, agencies, categories)
    publishers = {slug: (county_publisher if slug == COUNTY_SLUG else _staff(a, Role.PUBLISHER))
                  for slug, a in agencies.items()}
    reviewers = {slug: _staff(a, Role.REVIEWER) for slug, a in agencies.items()}
    policies: dict[str, Document] = {}
    # Policies first within a date so their interpretations find them; then by date for 索引号 order.
    plans.sort(key=lambda p: (p.data["published_on"] or dt.date.max, p.policy_key is not None))
    counts: dict[str, int] = {}
    for plan in plans:
        slug = plan.agency.slug
        publisher, reviewer = publishers[slug], reviewers[slug]
        if plan.policy_key:
            plan.data["interprets"] = policies[plan.policy_key]
        document = services.document_create(agency=plan.agency, actor=publisher, data=plan.data)
        for name, kind in plan.attachments:
            data = _attachment_bytes(name, kind, plan.data["title"])
            services.attachment_add(document=document, actor=publisher,
                                    upload=SimpleUploadedFile(name, data))
        if plan.fate != Status.DRAFT:
            services.document_submit(document=document, actor=publisher)
        if plan.fate == Status.RETURNED:
            services.document_return(document=document, actor=reviewer,
                                     reason="请补充政策依据，并核对文号和成文日期。")
        if plan.fate in (Status.PUBLISHED, Status.WITHDRAWN):
            services.document_approve(document=document, actor=reviewer, note="经保密审查，同意公开。")
        if plan.fate == Status.WITHDRAWN:
            services.document_withdraw(document=document, actor=reviewer,
                                       reason="补贴标准调整，原公告撤回，更正后重新发布。")
        if plan.repeal:
            validity, changed_on = plan.repeal
            services.document_set_validity(
                document=document, actor=reviewer, validity=validity, changed_on=changed_on,
                reason="已被新文件替代。" if validity == Validity.REPEALED else "有效期届满。",
            )
        if plan.key:
            policies[plan.key] = document
        counts[plan.fate] = counts.get(plan.fate, 0) + 1
    if stdout:
        labels = ", ".join(f"{Status(k).label} {v}" for k, v in sorted(counts.items()))
        stdout.write(f"主动公开信息 {len(plans)} 条（{labels}）")
