"""Demo annual reports of 西华县商务局: 2021 published, 2022 submitted to the county, and a 2025
draft whose section 一 starts from the work log (demo step `worklog`).

Each step goes through the report services as the demo staff would take it: the 信息发布员
generates the draft, writes 一、五、六 and 报送; the county 监督员 审定; the 审核员 发布. Runs
after the requests, appeals and figures steps (the numbers come from their records) and is
idempotent: a report already past a step is left as it is.
"""

from __future__ import annotations

from django.contrib.auth import get_user_model

from gongkai.agencies.models import Agency
from gongkai.reportformat import template
from gongkai.reports import annual_services as services
from gongkai.reports.annual_selectors import report_live_value
from gongkai.reports.models import AnnualReport

from .agencies import COMMERCE_SLUG

PUBLISHED_YEAR, SUBMITTED_YEAR, DRAFT_YEAR = 2021, 2022, 2025


# What each year's report says it worked on (two years' texts must not read alike: T-3).
FOCUS = {
    2021: ("围绕全县商贸流通、对外贸易和招商引资工作，重点公开了促进消费、稳外贸稳外资的"
           "政策措施和市场主体纾困帮扶信息。",
           "一是政策解读形式较为单一，图解、音视频解读较少；二是部分栏目信息更新不够及时。",
           "丰富解读形式，建立栏目更新提醒机制"),
    2022: ("聚焦县域商业体系建设、电子商务进农村和成品油流通行业管理，公开了项目资金分配、"
           "行政执法“三项制度”落实和再生资源回收网点布局等信息。",
           "一是依申请公开答复文书的说理还不够充分；二是基层商贸企业对政策的知晓度有待提高。",
           "制定答复文书范本并开展案例培训，通过政策进企业活动扩大政策知晓面"),
}


def narratives(value) -> dict[str, str]:
    """Texts for 一、五、六 that state the report's own numbers (so X-1 finds them equal)."""
    year = value.year
    focus, problems, measures = FOCUS.get(year, FOCUS[2022])
    new = value.get(template.TABLE3.code, template.ROW_NEW, template.TOTAL)
    closed = value.get(template.TABLE3.code, template.ROW_RESULTS_TOTAL, template.TOTAL)
    carried = value.get(template.TABLE3.code, template.ROW_CARRIED_OUT, template.TOTAL)
    return {
        "一": (
            f"{year}年，西华县商务局认真贯彻落实《中华人民共和国政府信息公开条例》，{focus}"
            "坚持以公开为常态、不公开为例外，持续推进决策、执行、管理、服务、结果公开。\n"
            "（一）主动公开。通过县政府网站政府信息公开专栏及时公开机构职能、权责清单、行政许可"
            "和行政处罚结果、促进消费政策等信息，重要政策同步发布解读。\n"
            f"（二）依申请公开。严格执行申请登记、审核、答复流程，本年度新收政府信息公开申请"
            f"{new}件，办结{closed}件，结转下年度继续办理{carried}件，均在法定期限内答复。\n"
            "（三）政府信息管理。落实公开前保密审查和信息发布审核制度，动态更新主动公开目录。\n"
            "（四）平台建设。依托全县政务公开平台统一发布信息，栏目设置规范，更新及时。\n"
            "（五）监督保障。将政务公开纳入年度目标考核，组织业务培训，接受社会监督。"
        ),
        "五": (
            f"存在的主要问题：{problems}\n"
            f"改进措施：{year + 1}年将{measures}，进一步提升政府信息公开工作质量。"
        ),
        "六": (
            "本机关依据《政府信息公开信息处理费管理办法》，本年度未收取信息处理费。"
            "本年度无人大代表建议和政协提案办理结果需公开事项。"
        ),
    }


def _prepare(agency, year, publisher) -> AnnualReport:
    report = services.report_generate(agency=agency, year=year, actor=publisher)
    if report.status == AnnualReport.Status.DRAFT:
        report = services.report_update_narrative(
            report=report, actor=publisher, texts=narratives(report_live_value(report)))
        report = services.report_submit(report=report, actor=publisher)
    return report


def load(stdout=None) -> None:
    users = get_user_model().objects
    agency = Agency.objects.filter(slug=COMMERCE_SLUG).first()
    publisher = users.filter(username="commerce_publisher").first()
    reviewer = users.filter(username="commerce_reviewer").first()
    supervisor = users.filter(username="county_supervisor").first()
    if None in (agency, publisher, reviewer, supervisor):
        return
    first = _prepare(agency, PUBLISHED_YEAR, publisher)
    if first.status == AnnualReport.Status.SUBMITTED:
        first = services.report_approve(report=first, actor=supervisor,
                                        comment="数据与文字一致，同意发布。")
    if first.status == AnnualReport.Status.APPROVED:
        first = services.report_publish(report=first, actor=reviewer)
    second = _prepare(agency, SUBMITTED_YEAR, publisher)
    draft = services.report_generate(agency=agency, year=DRAFT_YEAR, actor=publisher)
    if stdout:
        stdout.write(f"年度报告：{agency.name} {first.year}年{first.get_status_display()}，"
                     f"{second.year}年{second.get_status_display()}，"
                     f"{draft.year}年{draft.get_status_display()}")
