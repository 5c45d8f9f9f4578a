"""Demo 双公示 records of 西华县商务局 for 2025: 行政许可 and 行政处罚 decisions (some on natural
persons, whose names the public page masks), one 行政强制, and two 行政事业性收费 items — entered
through the services by the bureau's 信息发布员, most published, one left overdue so the staff
list and the supervisor's dashboard show it. 商务局's 2025 report then takes 第二十条（五）（六）
（八）项 from these records; 市场监管局 has none and keeps its yearly figures.
Idempotent: a bureau that has decisions is left as it is.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.contrib.auth import get_user_model

from gongkai.agencies.models import Agency
from gongkai.id_numbers import resident_id_check_char, uscc_check_char
from gongkai.powers.decisions import services
from gongkai.powers.models import Decision, FeeRecord, PowerItem

from .agencies import COMMERCE_SLUG


def _uscc(body: str) -> str:
    return body + uscc_check_char(body)


def _resident(body: str) -> str:
    return body + resident_id_check_char(body)


# (item name, 文书号, party type, party, number, facts, content, penalty kind, amount, date, publish)
DECISIONS = [
    ("酒类商品批发经营许可", "西商许〔2025〕1号", "legal", "西华县顺达酒业有限公司",
     _uscc("91411622MA45X0012"), "申请酒类商品批发经营许可，材料齐全、符合法定形式", "准予许可，有效期三年",
     "", None, dt.date(2025, 3, 12), True),
    ("酒类商品批发经营许可", "西商许〔2025〕2号", "legal", "周口市华兴商贸有限公司西华分公司",
     _uscc("91411622MA46B3021"), "申请酒类商品批发经营许可，经现场核查符合条件", "准予许可，有效期三年",
     "", None, dt.date(2025, 6, 3), True),
    ("成品油零售经营资格审批（初审）", "西商许〔2025〕3号", "legal", "西华县东夏亭加油站有限公司",
     _uscc("91411622MA47C1108"), "申请成品油零售经营资格，初审符合规划和安全条件", "同意上报市商务局审批",
     "", None, dt.date(2025, 9, 18), True),
    ("对单用途商业预付卡发卡企业未备案的处罚", "西商罚〔2025〕1号", "legal", "西华县美丽佳美容美发有限公司",
     _uscc("91411622MA48D2207"), "发行单用途商业预付卡未按规定办理备案", "责令限期改正，并处罚款",
     "fine", Decimal("10000"), dt.date(2025, 4, 8), True),
    ("对洗染业经营者违反管理规定的处罚", "西商罚〔2025〕2号", "other", "西华县洁丽干洗店",
     _uscc("92411622MA49E0315"), "未按规定明示服务项目、价格和质量承诺", "警告",
     "warning", None, dt.date(2025, 7, 21), True),
    ("对成品油经营企业违规经营的处罚", "西商罚〔2025〕3号", "natural", "李建国",
     _resident("41162219780312041"), "无证经营成品油（流动加油）", "没收违法所得并处罚款",
     "fine", Decimal("35000"), dt.date(2025, 10, 14), True),
    ("对违反《报废机动车回收管理办法》行为的处罚", "西商罚〔2025〕4号", "natural", "王秀兰",
     _resident("41162219850726062"), "无资质回收报废机动车", "罚款",
     "fine", Decimal("5000"), dt.date(2025, 11, 20), False),
    ("查封、扣押与违法经营成品油有关的物品", "西商强〔2025〕1号", "natural", "李建国",
     _resident("41162219780312041"), "流动加油车辆及储油设施涉嫌违法经营成品油", "扣押流动加油车辆1辆、储油罐2个，期限30日",
     "", None, dt.date(2025, 10, 9), True),
]
FEES = [
    ("酒类商品批发经营许可", "酒类商品批发经营许可证工本费", "《河南省酒类商品管理条例》；豫价费〔2006〕112号",
     "每证10元", Decimal("60.00")),
    ("成品油零售经营资格审批（初审）", "成品油零售经营现场核查费", "豫发改收费〔2019〕300号",
     "每站次200元", Decimal("1400.00")),
]


def load(stdout=None) -> None:
    agency = Agency.objects.filter(slug=COMMERCE_SLUG).first()
    actor = get_user_model().objects.filter(username="commerce_publisher").first()
    if agency is None or actor is None or Decision.objects.filter(agency=agency).exists():
        return
    items = {i.name: i for i in PowerItem.objects.filter(agency=agency)}
    for name, number, party_type, party, pid, facts, content, penalty, amount, day, publish in DECISIONS:
        data = {"item": items[name], "document_no": number, "party_type": party_type,
                "party_name": party, "party_id_number": pid, "facts": facts,
                "basis": items[name].legal_basis, "content": content, "decided_on": day,
                "penalty_kind": penalty, "fine_amount": amount}
        if name.startswith("酒类"):
            data.update(valid_from=day, valid_until=day.replace(year=day.year + 3))
        services.decision_create(actor=actor, agency=agency, data=data, publish=publish)
    for item_name, name, basis, standard, amount in FEES:
        services.fee_create(actor=actor, agency=agency, data={
            "item": items[item_name], "year": 2025, "name": name, "basis": basis,
            "standard": standard, "amount": amount})
    if stdout:
        stdout.write(f"行政决定 {Decision.objects.count()} 条，行政事业性收费 {FeeRecord.objects.count()} 条")
