"""Demo agencies (西华县人民政府 and departments) and a staff user for every role."""

from __future__ import annotations

from django.contrib.auth import get_user_model

from gongkai.agencies.models import Agency, Membership, Role
from gongkai.id_numbers import uscc_check_char

from . import DEMO_PASSWORD

COUNTY_SLUG = "xihua"
COMMERCE_SLUG = "xihua-commerce"

# (slug, name, short name, organisation serial, functions, internal units, leaders)
DEPARTMENTS = [
    (COMMERCE_SLUG, "西华县商务局", "商务局", "05721001",
     "贯彻执行国家和省、市关于国内外贸易、对外经济合作和招商引资的方针政策；拟订全县商贸流通、"
     "对外贸易发展规划并组织实施；负责电子商务、成品油流通、再生资源回收等行业管理。",
     "办公室\n市场运行和消费促进股\n对外贸易股\n电子商务股\n商务综合行政执法大队",
     "局长 王建国\n副局长 李红梅\n副局长 张卫东"),
    ("xihua-fgw", "西华县发展和改革委员会", "发改委", "05721002",
     "拟订并组织实施全县国民经济和社会发展战略、中长期规划和年度计划；负责固定资产投资综合管理；"
     "推进重大项目建设；负责价格管理和粮食、物资储备工作。",
     "办公室\n规划股\n投资股\n价格股\n重点项目办公室",
     "主任 赵文斌\n副主任 刘晓光"),
    ("xihua-finance", "西华县财政局", "财政局", "05721003",
     "贯彻执行财税方针政策；编制年度县级预决算草案并组织执行；管理县级财政收支、政府债务和"
     "政府采购监督；负责行政事业单位国有资产管理。",
     "办公室\n预算股\n国库股\n政府采购监督管理股\n会计股",
     "局长 陈志强\n副局长 孙丽"),
    ("xihua-samr", "西华县市场监督管理局", "市场监管局", "05721004",
     "负责市场综合监督管理，统一登记市场主体；组织市场监管综合执法；负责食品、药品、特种设备"
     "安全监督管理和产品质量监督。",
     "办公室\n登记注册股\n食品安全协调股\n药品医疗器械监管股\n综合行政执法大队",
     "局长 周国庆\n副局长 吴敏"),
    ("xihua-edu", "西华县教育局", "教育局", "05721005",
     "贯彻执行教育方针政策；统筹规划和管理全县各级各类教育；负责教师队伍建设、学生资助和"
     "教育经费管理。",
     "办公室\n基础教育股\n人事股\n计划财务股\n学生资助管理中心",
     "局长 郑海燕\n副局长 冯磊"),
]

GUIDE_TEMPLATE = """<h2>一、主动公开</h2>
<p>（一）公开范围：{name}依照《中华人民共和国政府信息公开条例》第二十条、第二十一条的规定主动公开政府信息。</p>
<p>（二）公开方式：通过西华县人民政府网站政府信息公开专栏、政府公报、新闻发布会等方式公开。</p>
<p>（三）公开时限：属于主动公开范围的政府信息，自该政府信息形成或者变更之日起20个工作日内予以公开。</p>
<h2>二、依申请公开</h2>
<p>公民、法人或者其他组织可以通过本平台在线提交政府信息公开申请，也可以通过信函、当面提交等方式提出申请。</p>
<p>受理机构：{name}政府信息公开工作机构。地址：{address}；办公时间：{hours}；联系电话：{phone}。</p>
<p>能够当场答复的，当场予以答复；不能当场答复的，自收到申请之日起20个工作日内予以答复；需要延长答复期限的，经政府信息公开工作机构负责人同意并告知申请人，延长的期限最长不超过20个工作日。</p>
<h2>三、监督和救济</h2>
<p>公民、法人或者其他组织认为本机关在政府信息公开工作中侵犯其合法权益的，可以向上一级行政机关或者政府信息公开工作主管部门投诉、举报，也可以依法申请行政复议或者提起行政诉讼。</p>"""

# username, full name, agency slug, roles
STAFF = [
    ("superadmin", "系统管理员", None, ()),
    ("county_supervisor", "县政务公开办 周明", COUNTY_SLUG, (Role.SUPERVISOR,)),
    ("county_admin", "县政府办公室 林芳", COUNTY_SLUG, (Role.ADMIN, Role.PUBLISHER, Role.REVIEWER, Role.HANDLER)),
    ("commerce_publisher", "商务局 信息员 何静", COMMERCE_SLUG, (Role.PUBLISHER,)),
    ("commerce_reviewer", "商务局 审核员 马强", COMMERCE_SLUG, (Role.REVIEWER,)),
    ("commerce_handler", "商务局 办理员 许雯", COMMERCE_SLUG, (Role.HANDLER,)),
    ("commerce_admin", "商务局 管理员 高峰", COMMERCE_SLUG, (Role.ADMIN,)),
    ("fgw_publisher", "发改委 信息员 罗丹", "xihua-fgw", (Role.PUBLISHER,)),
    ("fgw_reviewer", "发改委 审核员 梁斌", "xihua-fgw", (Role.REVIEWER,)),
    ("fgw_handler", "发改委 办理员 宋洁", "xihua-fgw", (Role.HANDLER,)),
    ("finance_publisher", "财政局 信息员 唐悦", "xihua-finance", (Role.PUBLISHER,)),
    ("finance_reviewer", "财政局 审核员 韩冬", "xihua-finance", (Role.REVIEWER,)),
    ("finance_handler", "财政局 办理员 曹宁", "xihua-finance", (Role.HANDLER,)),
    ("samr_publisher", "市场监管局 信息员 彭程", "xihua-samr", (Role.PUBLISHER,)),
    ("samr_reviewer", "市场监管局 审核员 董洁", "xihua-samr", (Role.REVIEWER,)),
    ("samr_handler", "市场监管局 办理员 袁野", "xihua-samr", (Role.HANDLER,)),
    ("edu_publisher", "教育局 信息员 蒋琳", "xihua-edu", (Role.PUBLISHER,)),
    ("edu_reviewer", "教育局 审核员 沈亮", "xihua-edu", (Role.REVIEWER,)),
    ("edu_handler", "教育局 办理员 潘红", "xihua-edu", (Role.HANDLER,)),
    ("applicant", "申请人 李明", None, ()),
]


def _uscc(serial: str) -> str:
    body = "11411622" + serial + "0"  # 机关 (1) + 机关 (1), 西华县 411622, serial, pad to 17
    body = body[:17]
    return body + uscc_check_char(body)


def _agency(slug, name, short, serial, parent, level, **info) -> Agency:
    agency, _ = Agency.objects.update_or_create(
        slug=slug,
        defaults={"name": name, "short_name": short, "code": _uscc(serial), "parent": parent,
                  "level": level, **info},
    )
    return agency


def load(stdout=None) -> None:
    county = _agency(
        COUNTY_SLUG, "西华县人民政府", "县政府", "05721000", None, Agency.Level.COUNTY,
        functions="执行县人民代表大会及其常务委员会的决议，领导所属各工作部门和乡镇人民政府的工作，"
        "管理本行政区域内的经济、教育、科学、文化、卫生、民政、公安、司法行政等行政工作。",
        internal_units="县人民政府办公室\n县政务服务和大数据管理局\n县政务公开办公室",
        address="河南省周口市西华县人民路1号", postal_code="466600",
        office_hours="工作日 8:30-12:00，15:00-18:00（夏季）", phone="0394-2541001",
        email="xhgk@example.gov.cn", leaders="县长 杨光明\n常务副县长 许立新",
        disclosure_office="西华县人民政府办公室政务公开股",
    )
    for i, (slug, name, short, serial, functions, units, leaders) in enumerate(DEPARTMENTS):
        _agency(
            slug, name, short, serial, county, Agency.Level.DEPARTMENT,
            functions=functions, internal_units=units, leaders=leaders, sort_order=i,
            address=f"河南省周口市西华县人民路{20 + i * 2}号", postal_code="466600",
            office_hours="工作日 8:30-12:00，14:30-17:30", phone=f"0394-25420{10 + i}",
            disclosure_office=f"{name}办公室",
        )
    for agency in Agency.objects.filter(path__startswith=county.path):
        agency.guide = GUIDE_TEMPLATE.format(
            name=agency.name, address=agency.address, hours=agency.office_hours, phone=agency.phone
        )
        agency.save(update_fields=["guide"])

    User = get_user_model()
    for username, full_name, slug, roles in STAFF:
        user, created = User.objects.get_or_create(
            username=username, defaults={"full_name": full_name, "email": f"{username}@example.cn"}
        )
        if created:
            user.set_password(DEMO_PASSWORD)
            user.is_superuser = user.is_staff = username == "superadmin"
            user.save()
        for role in roles:
            Membership.objects.get_or_create(user=user, agency=Agency.objects.get(slug=slug), role=role)
    if stdout:
        stdout.write(f"机构 {Agency.objects.count()} 个，用户 {User.objects.count()} 个")
