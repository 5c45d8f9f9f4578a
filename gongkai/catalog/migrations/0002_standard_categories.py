"""The standard 公开目录 (国办公开办函〔2019〕61号): four first-level columns, the sub-columns of
法定主动公开内容 following the fifteen items of 《条例》第二十条, and the common extra columns.

Slugs are stable: other apps publish into them (the annual report into "annual-reports").
"""

from django.db import migrations

TOP = [
    # slug, name, sort order, description
    ("guide", "政府信息公开指南", 10, "政府信息的分类、编排体系、获取方式和工作机构的联系方式（《条例》第十二条）。"),
    ("rules", "政府信息公开制度", 20, "本机关政府信息公开工作的制度规定。"),
    ("statutory", "法定主动公开内容", 30, "《条例》第十九条至第二十一条规定应当主动公开的政府信息。"),
    ("annual-reports", "政府信息公开年报", 40, "政府信息公开工作年度报告（《条例》第四十九条）。"),
    ("interpretations", "政策解读", 50, "对政策文件的解读。"),
    ("responses", "回应关切", 60, "对社会关切的回应。"),
]

STATUTORY = [
    # slug, name, 《条例》第二十条 item, sort order, description
    ("policies", "政策文件", 1, 10, "规章、行政规范性文件。"),
    ("functions", "机构职能", 2, 20, "机关职能、机构设置、办公地址、办公时间、联系方式、负责人姓名。"),
    ("power-lists", "权责清单", None, 25, "行政职权及其依据、责任事项。"),
    ("plans", "规划信息", 3, 30, "国民经济和社会发展规划、专项规划、区域规划及相关政策。"),
    ("statistics", "统计信息", 4, 40, "国民经济和社会发展统计信息。"),
    ("licensing", "行政许可", 5, 50, "办理行政许可和其他对外管理服务事项的依据、条件、程序以及办理结果。"),
    ("penalties", "行政处罚和行政强制", 6, 60, "实施行政处罚、行政强制的依据、条件、程序以及具有一定社会影响的行政处罚决定。"),
    ("finance", "财政信息", 7, 70, "财政预算、决算信息。"),
    ("fees", "行政事业性收费", 8, 80, "行政事业性收费项目及其依据、标准。"),
    ("procurement", "政府采购", 9, 90, "政府集中采购项目的目录、标准及实施情况。"),
    ("major-projects", "重大建设项目", 10, 100, "重大建设项目的批准和实施情况。"),
    ("livelihood", "民生领域", 11, 110, "扶贫、教育、医疗、社会保障、促进就业等方面的政策、措施及其实施情况。"),
    ("emergency", "应急管理", 12, 120, "突发公共事件的应急预案、预警信息及应对情况。"),
    ("inspections", "监督检查", 13, 130, "环境保护、公共卫生、安全生产、食品药品、产品质量的监督检查情况。"),
    ("civil-service", "公务员招考", 14, 140, "公务员招考的职位、名额、报考条件等事项以及录用结果。"),
    ("other-statutory", "其他法定公开内容", 15, 150, "法律、法规、规章和国家有关规定规定应当主动公开的其他政府信息。"),
]


def create(apps, schema_editor):
    Category = apps.get_model("catalog", "Category")
    parents = {}
    for slug, name, order, description in TOP:
        parents[slug], _ = Category.objects.update_or_create(
            slug=slug,
            defaults={"name": name, "sort_order": order, "description": description, "parent": None},
        )
    for slug, name, item, order, description in STATUTORY:
        Category.objects.update_or_create(
            slug=slug,
            defaults={
                "name": name, "article_item": item, "sort_order": order,
                "description": description, "parent": parents["statutory"],
            },
        )


def remove(apps, schema_editor):
    Category = apps.get_model("catalog", "Category")
    Category.objects.filter(slug__in=[row[0] for row in STATUTORY], documents__isnull=True).delete()
    Category.objects.filter(
        slug__in=[row[0] for row in TOP], documents__isnull=True, children__isnull=True
    ).delete()


class Migration(migrations.Migration):
    dependencies = [("catalog", "0001_initial")]

    operations = [migrations.RunPython(create, remove)]
