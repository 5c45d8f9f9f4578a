"""When a request goes wrong for the applicant: the 行政复议申请书 and the 投诉书 drafted from it.

Offered when the request is
- overdue: still open after its reply due date (《条例》第三十三条);
- refused: closed with 部分公开 or an outcome of （三）不予公开、（四）无法提供、（五）不予处理 of
  table 三 (the outcome codes of `gongkai.reportformat.template`, the single source);
- answered late: closed after its due date.
A request answered on time with the information disclosed, withdrawn, or dropped because the
applicant did not correct or pay, gets neither.

- 行政复议 (《中华人民共和国行政复议法》, 2023年修订): 第十一条第（十四）项 (政府信息公开工作);
  within 60 days of knowing of the act (第二十条), for a failure to act from the end of the period
  to act; to the 复议机关 of 第二十四条: the people's government at the same level for a
  department of a local government, the government one level up for a local government, the
  provincial government itself for its own acts.
- 投诉 (《条例》第五十一条): to the office one level up or the 政府信息公开工作主管部门, which at
  county level and above is the government's 办公厅（室） (第三条第二款).
- 行政诉讼: within six months of knowing (《中华人民共和国行政诉讼法》第四十六条); for a failure
  to act, from the end of the period to act (第四十七条 and the Supreme People's Court's
  interpretation of the law, 第六十六条).
A period whose last day is a 法定休假日 ends on the first working day after it (行政复议法第八十八条,
which applies the 民事诉讼法's rules on periods). The period for a failure to act runs from the
end of the period to act (行政复议法实施条例第十六条第（一）项).

The drafts are the applicant's own documents: their name and address as they entered them
(served only to whoever follows the request), with blanks (`BLANK`) for what only they can
add — identity number, phone, their reasons, signature and date. Rendering is `letters`'.
Must not import views or services (reads the request and its log only).
"""

from __future__ import annotations

import calendar as month_calendar
import datetime
from dataclasses import dataclass

from django.utils.translation import gettext

from gongkai.agencies.models import Agency
from gongkai.reportformat.template import OUTCOME_GROUPS, OUTCOME_PLAIN, OUTCOMES
from gongkai.workdays import calendar

from .legal import OUTCOME_TEXTS, REGULATION
from .letters import ApplicantDocument, Block, chinese_date, requested_subject
from .models import Application, EventKind

REVIEW_LAW = "《中华人民共和国行政复议法》"
LITIGATION_LAW = "《中华人民共和国行政诉讼法》"
BLANK = "__________"
DATE_BLANK = "______年____月____日"
REVIEW_DAYS = 60
LAWSUIT_MONTHS = 6

OVERDUE, LATE, REFUSED = "overdue", "late", "refused"
# 部分公开 and every row of （三）不予公开、（四）无法提供、（五）不予处理: the applicant did not get
# (all of) what was asked, by the agency's decision.
REFUSED_OUTCOMES = frozenset(
    row.code for row in OUTCOMES
    if row.label.startswith(OUTCOME_GROUPS[1]) or set(row.group) & set(OUTCOME_GROUPS[2:5])
)
GOVERNMENT_LEVELS = (Agency.Level.PROVINCE, Agency.Level.CITY, Agency.Level.COUNTY,
                     Agency.Level.TOWNSHIP)
# Only governments at county level and above are 复议机关 (第二十四条).
REVIEWING_LEVELS = (Agency.Level.PROVINCE, Agency.Level.CITY, Agency.Level.COUNTY)


@dataclass(frozen=True)
class ReviewBody:
    name: str  # "" when the platform cannot tell: the draft leaves a blank
    article: str  # the paragraph of 第二十四条 that makes it the 复议机关
    complaint_to: str  # the 政府信息公开工作主管部门 at that level ("" unknown)


@dataclass(frozen=True)
class Escalation:
    """Why the applicant may escalate, and until when."""

    grounds: tuple[str, ...]  # OVERDUE, or REFUSED and/or LATE
    known_on: datetime.date  # the day the periods run from
    review_by: datetime.date
    lawsuit_by: datetime.date
    body: ReviewBody

    @property
    def overdue(self) -> bool:
        return OVERDUE in self.grounds

    @property
    def refused(self) -> bool:
        return REFUSED in self.grounds

    @property
    def lawsuit_basis(self) -> str:
        """Six months from knowing of the act; for a failure to act, from the end of the period
        to act."""
        if self.overdue:
            return (f"{LITIGATION_LAW}第四十七条、《最高人民法院关于适用〈中华人民共和国行政诉讼法〉"
                    "的解释》第六十六条")
        return f"{LITIGATION_LAW}第四十六条"


def _withdrawn(application: Application) -> bool:
    return application.events.filter(kind=EventKind.WITHDRAWN).exists()


def grounds_of(application: Application, *, today: datetime.date) -> tuple[str, ...]:
    """The reasons this request may be taken further (empty: none)."""
    if application.is_overdue(today):
        return (OVERDUE,)
    if not application.is_closed or _withdrawn(application):
        return ()
    grounds = []
    if application.outcome in REFUSED_OUTCOMES:
        grounds.append(REFUSED)
    if application.due_on is not None and application.closed_on > application.due_on:
        grounds.append(LATE)
    return tuple(grounds)


def review_body(agency: Agency) -> ReviewBody:
    """The 复议机关 of an act of `agency` (《行政复议法》第二十四条) and the 主管部门 to complain to."""
    ancestors = list(agency.ancestors())
    if agency.level == Agency.Level.PROVINCE:
        government, article = agency, "第二十四条第二款"
    elif agency.level in GOVERNMENT_LEVELS:
        government = next((a for a in reversed(ancestors) if a.level in REVIEWING_LEVELS), None)
        article = "第二十四条第一款第（二）项"
    elif agency.level == Agency.Level.DEPARTMENT:
        government = next((a for a in reversed(ancestors) if a.level in GOVERNMENT_LEVELS), None)
        article = "第二十四条第一款第（一）项"
    else:
        government, article = None, "第二十四条"
    if government is None:
        return ReviewBody("", "第二十四条", "")
    office = "办公厅" if government.level == Agency.Level.PROVINCE else "办公室"
    return ReviewBody(government.name, article, f"{government.name}{office}")


def _next_working_day(day: datetime.date) -> datetime.date:
    cal = calendar(provisional=True)
    while not cal.is_workday(day):
        day += datetime.timedelta(days=1)
    return day


def _add_months(day: datetime.date, months: int) -> datetime.date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    return day.replace(year=year, month=month,
                       day=min(day.day, month_calendar.monthrange(year, month)[1]))


def _reply_known_on(application: Application) -> datetime.date:
    """The day the reply reached the applicant as far as the log knows: its delivery, else the
    reply date (the applicant's own date of receipt governs; the draft says so)."""
    delivered = application.events.filter(kind=EventKind.DELIVERED).order_by("on").first()
    return delivered.on if delivered else application.closed_on


def escalation_for(application: Application, *, today: datetime.date) -> Escalation | None:
    grounds = grounds_of(application, today=today)
    if not grounds:
        return None
    # A failure to act is known when the period to act ends (its last day is due_on).
    known_on = application.due_on if OVERDUE in grounds else _reply_known_on(application)
    return Escalation(
        grounds=grounds, known_on=known_on,
        review_by=_next_working_day(known_on + datetime.timedelta(days=REVIEW_DAYS)),
        lawsuit_by=_next_working_day(_add_months(known_on, LAWSUIT_MONTHS)),
        body=review_body(application.agency),
    )


# ---- The two drafts


def _applicant_line(application: Application, role: str) -> str:
    address = application.address or BLANK
    if application.is_organisation:
        return (f"{role}：{application.applicant_name}，住所：{address}，"
                f"法定代表人或者主要负责人：{application.legal_representative or BLANK}，"
                f"联系人：{application.contact_person or BLANK}，联系电话：{BLANK}。")
    return (f"{role}：{application.applicant_name}，身份证件号码：{BLANK}，"
            f"住址（通信地址）：{address}，邮政编码：{application.postal_code or BLANK}，"
            f"联系电话：{BLANK}。")


def _agency_line(agency: Agency, role: str) -> str:
    leader = agency.leader_lines[0] if agency.leader_lines else BLANK
    return f"{role}：{agency.name}，住所：{agency.address or BLANK}，负责人：{leader}。"


def _facts(application: Application, escalation: Escalation, *, me: str = "申请人",
           them: str = "被申请人") -> list[str]:
    """What happened, from the request and its log, in the applicant's voice (`me`, `them`:
    how the document names the two sides)."""
    facts = [
        f"{me}于{chinese_date(application.received_on)}通过{application.get_channel_display()}"
        f"向{them}提出政府信息公开申请，申请获取“{requested_subject(application)}”，"
        f"{them}编号为{application.reference}。"
    ]
    extended = application.events.filter(kind=EventKind.EXTENDED).exists()
    due = (f"{chinese_date(application.due_on)}{'（暂定）' if application.due_on_provisional else ''}"
           if application.due_on else "")
    if escalation.overdue:
        facts.append(
            f"依照{REGULATION}第三十三条的规定，{them}应当自收到申请之日起20个工作日内答复"
            f"{'（已告知延长答复期限）' if extended else ''}，即最迟于{due}前答复。"
            f"答复期限届满后，{them}至今未作出答复，也未告知{me}其他处理情况。")
    if REFUSED in escalation.grounds:
        outcome = OUTCOME_TEXTS[application.outcome]
        facts.append(
            f"{them}于{chinese_date(application.closed_on)}作出《政府信息公开申请答复告知书》，"
            f"答复：{gettext(OUTCOME_PLAIN[application.outcome])}其依据为{outcome.basis}。")
        if application.reply_text.strip():
            facts.append(f"答复告知书所述的具体情况和理由为：{application.reply_text.strip()}")
    if LATE in escalation.grounds:
        facts.append(
            f"{them}应当于{due}前答复，实际于{chinese_date(application.closed_on)}才作出答复，"
            f"超过了{REGULATION}第三十三条规定的答复期限。")
    return facts


def _reasons_blank(escalation: Escalation, *, me: str = "申请人", them: str = "被申请人") -> str:
    if REFUSED in escalation.grounds:
        return (f"{me}认为，{them}的答复认定事实不清、适用依据错误：{BLANK}{BLANK}"
                "（请写明您不服的理由，例如所申请的信息不属于告知书所称的不予公开情形、"
                f"{them}掌握该信息的线索、可以作区分处理等）。")
    return f"其他需要说明的情况：{BLANK}（没有可不填）。"


def _deadline_note(escalation: Escalation) -> str:
    start = ("答复期限届满" if escalation.overdue else "收到答复告知书")
    approx = "" if escalation.overdue else "（按办理记录中的送达或答复日期计算，以您实际收到告知书之日为准）"
    return (f"提示：行政复议申请应当自{start}之日起六十日内提出，即{chinese_date(escalation.review_by)}前"
            f"{approx}（{REVIEW_LAW}第二十条）；也可以自{start}之日起六个月内，即"
            f"{chinese_date(escalation.lawsuit_by)}前，依法直接向人民法院提起行政诉讼"
            f"（{escalation.lawsuit_basis}）。期间最后一日为节假日的，顺延至节假日后的第一个工作日。"
            "提交前请删除本提示。")


def review_application(application: Application, *, today: datetime.date) -> ApplicantDocument:
    """行政复议申请书, drafted from the request; LookupError when the request gives no ground."""
    escalation = escalation_for(application, today=today)
    if escalation is None:
        raise LookupError("no ground to escalate")
    body = escalation.body
    if escalation.overdue:
        requests = ["一、确认被申请人未在法定期限内对申请人的政府信息公开申请作出答复的行为违法；",
                    "二、责令被申请人在一定期限内依法作出答复。"]
    else:
        requests = []
        if REFUSED in escalation.grounds:
            requests += [
                f"一、撤销被申请人于{chinese_date(application.closed_on)}作出的"
                f"《政府信息公开申请答复告知书》（{application.reference}）；",
                "二、责令被申请人依法重新作出答复，公开申请人所申请的政府信息。"]
        if LATE in escalation.grounds:
            number = "三" if requests else "一"
            requests.append(f"{number}、确认被申请人逾期作出答复的行为违法。")
    blocks = [
        Block(_applicant_line(application, "申请人"), "line"),
        Block(_agency_line(application.agency, "被申请人"), "line"),
        Block("行政复议请求：", "heading"),
        *(Block(text) for text in requests),
        Block("事实和理由：", "heading"),
        *(Block(text) for text in _facts(application, escalation)),
        Block(_reasons_blank(escalation)),
        Block(f"申请人认为，被申请人的上述行为侵犯了申请人依法获取政府信息的合法权益。依照"
              f"{REVIEW_LAW}第十一条第（十四）项、第二十条、{body.article}和{REGULATION}"
              f"第五十一条的规定，特向贵机关申请行政复议，请依法审查。"),
        Block("此致", "line"),
        Block(body.name or f"{BLANK}人民政府（被申请人的本级人民政府或者上一级人民政府）", "line"),
        Block(f"申请人（签名或者盖章）：{BLANK}", "sign"),
        Block(DATE_BLANK, "sign"),
        Block("附件：1．政府信息公开申请（或提交回执）复印件；2．被申请人作出的告知书、答复告知书"
              f"复印件（如有）；3．申请人身份证件复印件；4．其他证据材料：{BLANK}。", "line"),
        Block(_deadline_note(escalation), "line"),
    ]
    return ApplicantDocument(title="行政复议申请书", blocks=tuple(blocks), short_name="行政复议申请书")


def complaint_letter(application: Application, *, today: datetime.date) -> ApplicantDocument:
    """投诉书 to the 政府信息公开工作主管部门 (《条例》第五十一条); LookupError without a ground."""
    escalation = escalation_for(application, today=today)
    if escalation is None:
        raise LookupError("no ground to escalate")
    body = escalation.body
    if escalation.overdue:
        matter = "被投诉机关未在法定期限内答复投诉人的政府信息公开申请。"
        asks = "请督促被投诉机关依法履行政府信息公开职责，尽快作出答复，并将处理结果告知投诉人。"
    else:
        matter = "被投诉机关对投诉人的政府信息公开申请" + "、".join(
            part for part, ground in (("未依法公开所申请的信息", REFUSED), ("逾期作出答复", LATE))
            if ground in escalation.grounds) + "。"
        asks = "请对被投诉机关的答复依法进行核查，督促其依法改正，并将处理结果告知投诉人。"
    blocks = [
        Block(_applicant_line(application, "投诉人"), "line"),
        Block(_agency_line(application.agency, "被投诉机关"), "line"),
        Block("投诉事项：", "heading"),
        Block(matter),
        Block("事实和理由：", "heading"),
        *(Block(text) for text in _facts(application, escalation, me="投诉人", them="被投诉机关")),
        Block(_reasons_blank(escalation, me="投诉人", them="被投诉机关")),
        Block(f"依照{REGULATION}第五十一条的规定，投诉人认为被投诉机关在政府信息公开工作中侵犯了"
              f"投诉人的合法权益，特向贵机关投诉。{asks}"),
        Block("此致", "line"),
        Block(body.complaint_to
              or f"{BLANK}（被投诉机关的上一级行政机关或者本级人民政府办公室）", "line"),
        Block(f"投诉人（签名或者盖章）：{BLANK}", "sign"),
        Block(DATE_BLANK, "sign"),
        Block("附件：1．政府信息公开申请（或提交回执）复印件；2．被投诉机关作出的告知书、答复告知书"
              f"复印件（如有）；3．其他材料：{BLANK}。", "line"),
        Block("提示：投诉不影响您依法申请行政复议或者提起行政诉讼，但投诉期间上述期限照常计算。"
              + _deadline_note(escalation).removeprefix("提示："), "line"),
    ]
    return ApplicantDocument(title="政府信息公开工作投诉书", blocks=tuple(blocks),
                             short_name="投诉书")


DRAFTS = {"review": review_application, "complaint": complaint_letter}
