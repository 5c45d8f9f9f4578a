"""Demo 办事指南: services of 商务局 and 市场监管局, each linked to its power item in the demo
权责清单, with materials and a blank application form (a Word file made here) to download.
Written and published through the services by each agency's 信息发布员. Idempotent."""

from __future__ import annotations

import io

import docx
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile

from gongkai.agencies.models import Agency
from gongkai.guides import services
from gongkai.guides.models import ServiceGuide
from gongkai.powers.models import PowerItem

from .agencies import COMMERCE_SLUG

PLACE, HOURS = "西华县政务服务中心二楼综合窗口", "工作日上午 8:30—12:00，下午 14:30—17:30（夏季 15:00—18:00）"
GUIDES = {
    COMMERCE_SLUG: ("commerce_publisher", "0394-2521001", [
        ("XK-002", "酒类商品批发经营许可", "1. 有与经营规模相适应的固定场所和仓储设施；\n2. 有符合规定的食品安全管理制度。",
         20, 5, [("酒类商品批发经营许可申请表", True, True), ("营业执照复印件", True, False),
                 ("经营场所使用证明", True, False)]),
        ("QR-001", "对外贸易经营者备案登记", "依法办理工商登记或者其他执业手续的法人、其他组织或者个人。",
         5, 1, [("对外贸易经营者备案登记表", True, True), ("营业执照复印件", True, False)]),
        ("JF-001", "外贸企业出口信用保险保费补助申请", "在本县注册、当年投保出口信用保险的外贸企业。",
         None, 15, [("保费补助申请表", True, True), ("保险单及缴费凭证复印件", True, False)]),
    ]),
    "xihua-samr": ("samr_publisher", "0394-2521002", [
        ("XK-001", "食品经营许可（新办）", "1. 具有与经营的食品品种、数量相适应的经营场所；\n2. 有食品安全管理人员和管理制度。",
         20, 10, [("食品经营许可申请书", True, True), ("营业执照复印件", True, False),
                  ("食品安全管理制度文本", True, False)]),
        ("XK-004", "小作坊登记", "从事食品生产加工、有固定场所、从业人员少的小作坊。",
         15, 7, [("小作坊登记申请表", True, True), ("从业人员健康证明", True, False)]),
    ]),
}


def _blank_form(title: str) -> bytes:
    document = docx.Document()
    document.add_heading(title, level=1)
    table = document.add_table(rows=4, cols=2)
    for row, label in zip(table.rows, ("申请人（单位）", "统一社会信用代码", "联系人及电话", "申请事项"),
                          strict=True):
        row.cells[0].text = label
    document.add_paragraph("申请人（签章）：　　　　　　　　　年　　月　　日")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def load(stdout=None) -> None:
    users = get_user_model().objects
    created = 0
    for slug, (username, phone, guides) in GUIDES.items():
        agency = Agency.objects.filter(slug=slug).first()
        publisher = users.filter(username=username).first()
        if agency is None or publisher is None or ServiceGuide.objects.filter(agency=agency).exists():
            continue
        for code, name, conditions, legal, promised, materials in guides:
            power = PowerItem.objects.filter(agency=agency, code=code).first()
            guide = services.guide_save(actor=publisher, agency=agency, data={
                "power_item": power, "name": name, "code": f"{agency.code}-{code}",
                "conditions": conditions, "steps": "申请人提交材料\n窗口受理\n股室审查\n作出决定\n送达或窗口领取",
                "legal_days": legal, "promised_days": promised, "fees": "不收费", "place": PLACE,
                "hours": HOURS, "phone": phone, "complaint_phone": "12345"})
            for material, required, blank in materials:
                upload = SimpleUploadedFile(f"{material}.docx", _blank_form(material)) if blank else None
                services.material_add(actor=publisher, guide=guide,
                                      data={"name": material, "required": required}, upload=upload)
            services.guide_publish(actor=publisher, guide=guide)
            created += 1
    if stdout:
        stdout.write(f"办事指南：新增 {created} 项")
