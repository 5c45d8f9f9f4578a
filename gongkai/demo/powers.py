"""Demo 权责清单 of the 西华县 departments: over fifty items across the ten categories of
行政权力, recorded through the service by each agency's 机构管理员 or 信息发布员 with the county's
2024 adjustment decision; two are adjusted in 2025 and one is abolished, so the history shows.
Idempotent: an agency that has items is left as it is.
"""

from __future__ import annotations

import datetime as dt

from django.contrib.auth import get_user_model

from gongkai.agencies.models import Agency
from gongkai.powers import services
from gongkai.powers.models import PowerItem

from .agencies import COMMERCE_SLUG

DECISION, DECIDED = "西政〔2024〕8号《西华县人民政府关于公布县级政府部门权责清单的通知》", dt.date(2024, 3, 15)
PREFIX = {"licensing": "XK", "penalty": "CF", "coercion": "QZ", "levy": "ZS", "benefit": "JF",
          "inspection": "JC", "confirmation": "QR", "reward": "JL", "ruling": "CJ", "other": "QT"}
RISK = ("审批（处罚）标准把握不一，可能出现选择性执法或徇私舞弊。",
        "执行自由裁量基准和集体讨论制度；全过程留痕，结果公开；纪检监察跟踪监督。")

# agency slug -> (recorder, [(category, name, legal basis, implementing body)])
ITEMS: dict[str, tuple[str, list[tuple[str, str, str, str]]]] = {
    COMMERCE_SLUG: ("commerce_publisher", [
        ("licensing", "成品油零售经营资格审批（初审）", "《国务院对确需保留的行政审批项目设定行政许可的决定》第183项", "市场运行股"),
        ("licensing", "酒类商品批发经营许可", "《河南省酒类商品管理条例》第十条", "市场运行股"),
        ("penalty", "对单用途商业预付卡发卡企业未备案的处罚", "《单用途商业预付卡管理办法（试行）》第三十六条", "综合执法股"),
        ("penalty", "对违反《报废机动车回收管理办法》行为的处罚", "《报废机动车回收管理办法》第二十一条", "综合执法股"),
        ("penalty", "对成品油经营企业违规经营的处罚", "《成品油市场管理办法》第三十八条", "综合执法股"),
        ("penalty", "对洗染业经营者违反管理规定的处罚", "《洗染业管理办法》第二十二条", "综合执法股"),
        ("coercion", "查封、扣押与违法经营成品油有关的物品", "《中华人民共和国行政强制法》第九条", "综合执法股"),
        ("inspection", "对单用途商业预付卡发卡企业的监督检查", "《单用途商业预付卡管理办法（试行）》第二十九条", "市场运行股"),
        ("inspection", "对再生资源回收经营者的监督检查", "《再生资源回收管理办法》第二十条", "市场运行股"),
        ("inspection", "对拍卖企业的监督检查", "《拍卖监督管理办法》第十五条", "市场运行股"),
        ("confirmation", "对外贸易经营者备案登记", "《中华人民共和国对外贸易法》第九条", "外贸外资股"),
        ("reward", "对促进消费工作成绩突出单位的表彰", "《河南省促进消费若干政策措施》第十二条", "办公室"),
        ("benefit", "外贸企业出口信用保险保费补助", "《河南省外经贸发展专项资金管理办法》第八条", "外贸外资股"),
        ("other", "家电以旧换新补贴资金审核拨付", "《西华县2025年家电以旧换新实施方案》", "市场运行股"),
    ]),
    "xihua-samr": ("samr_publisher", [
        ("licensing", "食品经营许可", "《中华人民共和国食品安全法》第三十五条", "食品经营监管股"),
        ("licensing", "特种设备使用登记", "《中华人民共和国特种设备安全法》第三十三条", "特种设备安全监察股"),
        ("licensing", "药品零售企业许可", "《中华人民共和国药品管理法》第五十一条", "药品监管股"),
        ("licensing", "小作坊登记", "《河南省食品小作坊、小经营店和小摊点管理条例》第十条", "食品生产监管股"),
        ("penalty", "对生产经营不符合食品安全标准食品的处罚", "《中华人民共和国食品安全法》第一百二十四条", "执法稽查大队"),
        ("penalty", "对未取得营业执照从事经营活动的处罚", "《无证无照经营查处办法》第十三条", "执法稽查大队"),
        ("penalty", "对虚假广告的处罚", "《中华人民共和国广告法》第五十五条", "执法稽查大队"),
        ("penalty", "对价格违法行为的处罚", "《中华人民共和国价格法》第三十九条", "价格监督检查股"),
        ("penalty", "对计量违法行为的处罚", "《中华人民共和国计量法》第二十三条", "计量股"),
        ("coercion", "查封、扣押不符合食品安全标准的食品", "《中华人民共和国食品安全法》第一百一十条", "执法稽查大队"),
        ("coercion", "查封、扣押有证据表明不符合安全技术规范的特种设备", "《中华人民共和国特种设备安全法》第六十一条", "特种设备安全监察股"),
        ("inspection", "食品安全监督检查", "《中华人民共和国食品安全法》第一百一十条", "食品经营监管股"),
        ("inspection", "产品质量监督抽查", "《中华人民共和国产品质量法》第十五条", "质量发展股"),
        ("confirmation", "经营主体登记注册", "《中华人民共和国市场主体登记管理条例》第三条", "登记注册股"),
        ("reward", "对举报食品安全违法行为的奖励", "《中华人民共和国食品安全法》第一百一十五条", "投诉举报中心"),
        ("ruling", "消费者权益争议调解", "《中华人民共和国消费者权益保护法》第三十九条", "消费者权益保护股"),
        ("other", "企业信用修复", "《市场监督管理信用修复管理办法》第三条", "信用监管股"),
    ]),
    "xihua-edu": ("edu_publisher", [
        ("licensing", "民办学校设立审批", "《中华人民共和国民办教育促进法》第十二条", "民办教育股"),
        ("licensing", "教师资格认定（幼儿园、小学、初级中学）", "《教师资格条例》第十三条", "人事股"),
        ("penalty", "对民办学校违法办学行为的处罚", "《中华人民共和国民办教育促进法》第六十二条", "民办教育股"),
        ("penalty", "对校外培训机构违规培训的处罚", "《中华人民共和国未成年人保护法》第一百一十九条", "校外培训监管股"),
        ("benefit", "家庭经济困难学生资助", "《学生资助资金管理办法》第四条", "学生资助中心"),
        ("benefit", "农村义务教育学生营养改善计划补助", "《农村义务教育学生营养改善计划实施细则》第五条", "学生资助中心"),
        ("inspection", "对学校办学行为的督导检查", "《教育督导条例》第二条", "督导室"),
        ("confirmation", "学历证明书办理", "《河南省普通中小学学籍管理办法》第三十条", "基础教育股"),
        ("reward", "优秀教师、教育工作者表彰", "《中华人民共和国教师法》第三十三条", "人事股"),
        ("other", "适龄儿童少年入学资格审核", "《中华人民共和国义务教育法》第十二条", "基础教育股"),
    ]),
    "xihua-fgw": ("fgw_publisher", [
        ("licensing", "企业投资项目核准", "《企业投资项目核准和备案管理条例》第三条", "投资股"),
        ("licensing", "固定资产投资项目节能审查", "《固定资产投资项目节能审查办法》第五条", "能源股"),
        ("penalty", "对未按规定进行节能审查的项目的处罚", "《中华人民共和国节约能源法》第六十八条", "能源股"),
        ("penalty", "对招标人规避招标的处罚", "《中华人民共和国招标投标法》第四十九条", "法规股"),
        ("inspection", "政府投资项目监督检查", "《政府投资条例》第二十九条", "投资股"),
        ("confirmation", "企业投资项目备案", "《企业投资项目核准和备案管理条例》第十三条", "投资股"),
        ("levy", "价格调节基金征收（已停征事项的清缴）", "《河南省价格调节基金征收使用管理办法》", "价格股"),
        ("other", "粮食储备管理", "《粮食流通管理条例》第二十一条", "粮食和物资储备股"),
    ]),
    "xihua-finance": ("finance_publisher", [
        ("penalty", "对违反《会计法》行为的处罚", "《中华人民共和国会计法》第四十二条", "会计股"),
        ("penalty", "对政府采购当事人违法行为的处罚", "《中华人民共和国政府采购法》第七十一条", "政府采购股"),
        ("penalty", "对违反财政收支规定行为的处罚", "《财政违法行为处罚处分条例》第十三条", "监督检查股"),
        ("levy", "非税收入收缴", "《河南省非税收入管理条例》第十条", "非税收入管理局"),
        ("benefit", "耕地地力保护补贴发放", "《农业相关转移支付资金管理办法》第六条", "农业股"),
        ("inspection", "会计信息质量检查", "《中华人民共和国会计法》第三十三条", "监督检查股"),
        ("confirmation", "代理记账资格审批", "《代理记账管理办法》第三条", "会计股"),
        ("ruling", "政府采购投诉处理", "《政府采购质疑和投诉办法》第二十一条", "政府采购股"),
        ("other", "国有资产产权登记", "《行政事业性国有资产管理条例》第十三条", "资产管理股"),
    ]),
}
ADJUSTMENTS = [  # (agency, code, changes, decision, date)
    (COMMERCE_SLUG, "XK-002", {"implementing_body": "行政审批服务股"}, "西商〔2025〕5号", dt.date(2025, 4, 8)),
    ("xihua-samr", "XK-004", {"legal_basis": "《河南省食品小作坊、小经营店和小摊点管理条例》第十条、第十一条"},
     "西市监〔2025〕2号", dt.date(2025, 3, 2)),
]
ABOLISHED = ("xihua-fgw", "ZS-001", "西政〔2025〕11号", dt.date(2025, 6, 30))


def load(stdout=None) -> None:
    users = get_user_model().objects
    created = 0
    for slug, (username, items) in ITEMS.items():
        agency = Agency.objects.filter(slug=slug).first()
        recorder = users.filter(username=username).first()
        if agency is None or recorder is None or PowerItem.objects.filter(agency=agency).exists():
            continue
        serials: dict[str, int] = {}
        for category, name, basis, body in items:
            serials[category] = serials.get(category, 0) + 1
            services.item_create(
                actor=recorder, agency=agency, decision=DECISION, decided_on=DECIDED,
                data={"category": category, "code": f"{PREFIX[category]}-{serials[category]:03d}",
                      "name": name, "legal_basis": basis, "implementing_body": body,
                      "risk_points": RISK[0], "controls": RISK[1],
                      "supervision_rules": "实行“双随机、一公开”监管，检查结果在县政府网站公开。"})
            created += 1
        for adj_slug, code, changes, decision, day in ADJUSTMENTS:
            if adj_slug == slug:
                item = PowerItem.objects.get(agency=agency, code=code)
                services.item_adjust(actor=recorder, item=item, data=changes, decision=decision,
                                     decided_on=day)
        if ABOLISHED[0] == slug:
            item = PowerItem.objects.get(agency=agency, code=ABOLISHED[1])
            services.item_abolish(actor=recorder, item=item, decision=ABOLISHED[2],
                                  decided_on=ABOLISHED[3])
    if stdout:
        stdout.write(f"权责清单：新增 {created} 项")
