"""The national annual-report format (国办公开办函〔2021〕30号) as data.

This module is the only place the format exists: sections, tables, row and column codes and
their statutory labels, verbatim. Renderers, the validator, the parser, request outcomes,
applicant types, appeal results and the report computation all import it. It imports nothing
of Gongkai's and nothing of Django's, so anyone may import it.

Labels are statutory wording and are deliberately not passed through gettext.
"""

from __future__ import annotations

from dataclasses import dataclass, field

FORMAT_NAME = "中华人民共和国政府信息公开工作年度报告格式"
FORMAT_DOCUMENT_NUMBER = "国办公开办函〔2021〕30号"
FORMAT_FIRST_YEAR = 2021


@dataclass(frozen=True)
class Section:
    code: str  # "一" … "六"
    number: int  # 1 … 6
    title: str  # heading without its numeral, e.g. "总体情况"
    narrative: bool  # True for 一、五、六 (free text), False for the tables

    @property
    def heading(self) -> str:
        return f"{self.code}、{self.title}"


@dataclass(frozen=True)
class Column:
    code: str
    label: str
    group: tuple[str, ...] = ()  # header cells above this one, outermost first


@dataclass(frozen=True)
class Row:
    code: str
    label: str  # the row's own label, verbatim
    group: tuple[str, ...] = ()  # group headings this row sits under, outermost first

    @property
    def full_label(self) -> str:
        """Label with its group headings, e.g. "（三）不予公开 1.属于国家秘密"."""
        parts = [g for g in self.group if not g.startswith("三、")]
        return " ".join([*parts, self.label])


@dataclass(frozen=True)
class Table:
    code: str
    section: str  # code of the section it belongs to
    title: str  # e.g. "第二十条第（一）项"; "" for tables without a caption
    rows: tuple[Row, ...]
    columns: tuple[Column, ...]
    decimal: bool = False  # True where cells hold amounts (万元) instead of counts
    row_header: str = "信息内容"
    notes: tuple[str, ...] = field(default=())

    def row(self, code: str) -> Row:
        for row in self.rows:
            if row.code == code:
                return row
        raise KeyError(code)

    def column(self, code: str) -> Column:
        for column in self.columns:
            if column.code == code:
                return column
        raise KeyError(code)

    @property
    def cells(self) -> tuple[tuple[str, str], ...]:
        return tuple((r.code, c.code) for r in self.rows for c in self.columns)


SECTIONS: tuple[Section, ...] = (
    Section("一", 1, "总体情况", True),
    Section("二", 2, "主动公开政府信息情况", False),
    Section("三", 3, "收到和处理政府信息公开申请情况", False),
    Section("四", 4, "政府信息公开行政复议、行政诉讼情况", False),
    Section("五", 5, "存在的主要问题及改进情况", True),
    Section("六", 6, "其他需要报告的事项", True),
)
NARRATIVE_SECTIONS: tuple[Section, ...] = tuple(s for s in SECTIONS if s.narrative)

# --- 二、主动公开政府信息情况: four small tables --------------------------------------------

ROW_RULE = "rule"
ROW_NORMATIVE = "normative"
ROW_LICENSING = "licensing"
ROW_PENALTY = "penalty"
ROW_COERCION = "coercion"
ROW_FEES = "fees"

ITEM_1 = Table(
    code="item1",
    section="二",
    title="第二十条第（一）项",
    rows=(Row(ROW_RULE, "规章"), Row(ROW_NORMATIVE, "行政规范性文件")),
    columns=(
        Column("issued", "本年制发件数"),
        Column("repealed", "本年废止件数"),
        Column("in_force", "现行有效件数"),
    ),
)
ITEM_5 = Table(
    code="item5",
    section="二",
    title="第二十条第（五）项",
    rows=(Row(ROW_LICENSING, "行政许可"),),
    columns=(Column("decisions", "本年处理决定数量"),),
)
ITEM_6 = Table(
    code="item6",
    section="二",
    title="第二十条第（六）项",
    rows=(Row(ROW_PENALTY, "行政处罚"), Row(ROW_COERCION, "行政强制")),
    columns=(Column("decisions", "本年处理决定数量"),),
)
ITEM_8 = Table(
    code="item8",
    section="二",
    title="第二十条第（八）项",
    rows=(Row(ROW_FEES, "行政事业性收费"),),
    columns=(Column("amount", "本年收费金额（单位：万元）"),),
    decimal=True,
)
# Amounts in 万元 are shown with two decimals in every rendering of a report (one county's sum
# of 4-decimal fees read "66.3845" beside "12.34"); the values and the open data keep four.
AMOUNT_DISPLAY_PLACES = 2

# --- 三、收到和处理政府信息公开申请情况: 25 rows × 7 columns ---------------------------------

APPLICANT_GROUP = "申请人情况"
ORGANISATION_GROUP = "法人或其他组织"
TOTAL = "total"

APPLICANT_TYPES: tuple[Column, ...] = (
    Column("natural", "自然人", (APPLICANT_GROUP,)),
    Column("business", "商业企业", (APPLICANT_GROUP, ORGANISATION_GROUP)),
    Column("research", "科研机构", (APPLICANT_GROUP, ORGANISATION_GROUP)),
    Column("public_interest", "社会公益组织", (APPLICANT_GROUP, ORGANISATION_GROUP)),
    Column("legal_service", "法律服务机构", (APPLICANT_GROUP, ORGANISATION_GROUP)),
    Column("other_org", "其他", (APPLICANT_GROUP, ORGANISATION_GROUP)),
)
APPLICANT_TOTAL = Column(TOTAL, "总计", (APPLICANT_GROUP,))
ORGANISATION_TYPES: tuple[Column, ...] = tuple(c for c in APPLICANT_TYPES if c.code != "natural")

TABLE3_NOTE = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"

_RESULTS = "三、本年度办理结果"
_WITHHELD = "（三）不予公开"
_UNABLE = "（四）无法提供"
_DECLINED = "（五）不予处理"
_OTHER = "（六）其他处理"

ROW_NEW = "new"
ROW_CARRIED_IN = "carried_in"
ROW_RESULTS_TOTAL = "total"
ROW_CARRIED_OUT = "carried_out"

OUTCOMES: tuple[Row, ...] = (
    Row("disclosed", "（一）予以公开", (_RESULTS,)),
    Row("partial", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", (_RESULTS,)),
    Row("withheld_secret", "1.属于国家秘密", (_RESULTS, _WITHHELD)),
    Row("withheld_law", "2.其他法律行政法规禁止公开", (_RESULTS, _WITHHELD)),
    Row("withheld_security", "3.危及“三安全一稳定”", (_RESULTS, _WITHHELD)),
    Row("withheld_third_party", "4.保护第三方合法权益", (_RESULTS, _WITHHELD)),
    Row("withheld_internal", "5.属于三类内部事务信息", (_RESULTS, _WITHHELD)),
    Row("withheld_process", "6.属于四类过程性信息", (_RESULTS, _WITHHELD)),
    Row("withheld_enforcement", "7.属于行政执法案卷", (_RESULTS, _WITHHELD)),
    Row("withheld_query", "8.属于行政查询事项", (_RESULTS, _WITHHELD)),
    Row("unable_not_held", "1.本机关不掌握相关政府信息", (_RESULTS, _UNABLE)),
    Row("unable_needs_creation", "2.没有现成信息需要另行制作", (_RESULTS, _UNABLE)),
    Row("unable_unclear", "3.补正后申请内容仍不明确", (_RESULTS, _UNABLE)),
    Row("declined_petition", "1.信访举报投诉类申请", (_RESULTS, _DECLINED)),
    Row("declined_repeat", "2.重复申请", (_RESULTS, _DECLINED)),
    Row("declined_publication", "3.要求提供公开出版物", (_RESULTS, _DECLINED)),
    Row("declined_excessive", "4.无正当理由大量反复申请", (_RESULTS, _DECLINED)),
    Row("declined_confirmation", "5.要求行政机关确认或重新出具已获取信息", (_RESULTS, _DECLINED)),
    Row(
        "other_no_correction",
        "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
        (_RESULTS, _OTHER),
    ),
    Row(
        "other_unpaid_fee",
        "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
        (_RESULTS, _OTHER),
    ),
    Row("other", "3.其他", (_RESULTS, _OTHER)),
)
OUTCOME_CODES: tuple[str, ...] = tuple(r.code for r in OUTCOMES)
OUTCOME_GROUPS: tuple[str, ...] = ("（一）予以公开", "（二）部分公开", _WITHHELD, _UNABLE, _DECLINED, _OTHER)


def gettext_noop(text: str) -> str:
    """Marks a string for translation (makemessages) without importing Django."""
    return text


# What each outcome means, in plain words for the applicant (the statutory labels above are
# statistics headings). Translated where shown: `gettext(OUTCOME_PLAIN[code])`.
OUTCOME_PLAIN: dict[str, str] = {
    "disclosed": gettext_noop("您申请的信息已全部公开，请查看答复告知书和提供的文件。"),
    "partial": gettext_noop("您申请的信息部分公开：可以公开的部分已提供，不公开的部分在告知书中说明了理由。"),
    "withheld_secret": gettext_noop("您申请的信息属于国家秘密，依法不予公开。"),
    "withheld_law": gettext_noop("您申请的信息属于法律、行政法规禁止公开的信息，不予公开。"),
    "withheld_security": gettext_noop("您申请的信息公开后可能危及国家安全、公共安全、经济安全或社会稳定，不予公开。"),
    "withheld_third_party": gettext_noop("您申请的信息涉及他人的商业秘密或个人隐私，公开会损害第三方合法权益，不予公开。"),
    "withheld_internal": gettext_noop("您申请的是机关内部事务信息（人事、后勤、内部工作流程等），不予公开。"),
    "withheld_process": gettext_noop("您申请的是讨论记录、过程稿、请示报告等过程性信息，不予公开。"),
    "withheld_enforcement": gettext_noop("您申请的是行政执法案卷信息，不予公开。"),
    "withheld_query": gettext_noop("您申请的信息有专门的查询渠道（如工商、不动产登记资料），请按相关规定查询。"),
    "unable_not_held": gettext_noop("本机关没有您申请的信息，或该信息不由本机关公开；告知书中写明了可以咨询的机关。"),
    "unable_needs_creation": gettext_noop("本机关没有现成的信息，提供需要另行加工、分析制作，因此无法提供。"),
    "unable_unclear": gettext_noop("补正后的申请内容仍不明确，本机关无法确定您要的信息。"),
    "declined_petition": gettext_noop("您的申请属于信访、投诉或举报，请通过相应渠道提出；本机关不作为信息公开申请处理。"),
    "declined_repeat": gettext_noop("您已就相同信息提出过申请并得到答复，本次不再重复处理。"),
    "declined_publication": gettext_noop("您要的是公报、报刊、书籍等公开出版物，请通过出版发行渠道获取。"),
    "declined_excessive": gettext_noop("申请的数量或频次明显超过合理范围且理由不合理，本机关不予处理。"),
    "declined_confirmation": gettext_noop("您要求确认或重新出具已获取的信息，这不属于信息公开申请，本机关不予处理。"),
    "other_no_correction": gettext_noop("补正期限已过而未收到补正，视为您放弃了这次申请。"),
    "other_unpaid_fee": gettext_noop("缴费期限已过而未缴纳信息处理费，视为您放弃了这次申请。"),
    "other": gettext_noop("本机关已对您的申请作出处理，具体情况见答复告知书。"),
}
WITHDRAWN_PLAIN = gettext_noop("您已撤回这次申请，本机关不再处理。")
assert set(OUTCOME_PLAIN) == set(OUTCOME_CODES), "every outcome needs a plain-language sentence"

TABLE3 = Table(
    code="table3",
    section="三",
    title="",
    rows=(
        Row(ROW_NEW, "一、本年新收政府信息公开申请数量"),
        Row(ROW_CARRIED_IN, "二、上年结转政府信息公开申请数量"),
        *OUTCOMES,
        Row(ROW_RESULTS_TOTAL, "（七）总计", (_RESULTS,)),
        Row(ROW_CARRIED_OUT, "四、结转下年度继续办理"),
    ),
    columns=(*APPLICANT_TYPES, APPLICANT_TOTAL),
    row_header="",
    notes=(TABLE3_NOTE,),
)

# --- 四、政府信息公开行政复议、行政诉讼情况: one row of 15 columns -----------------------------

APPEAL_REVIEW = "review"  # 行政复议
APPEAL_LAWSUIT_DIRECT = "lawsuit_direct"  # 行政诉讼：未经复议直接起诉
APPEAL_LAWSUIT_AFTER_REVIEW = "lawsuit_after_review"  # 行政诉讼：复议后起诉

APPEAL_KINDS: tuple[Column, ...] = (
    Column(APPEAL_REVIEW, "行政复议"),
    Column(APPEAL_LAWSUIT_DIRECT, "未经复议直接起诉", ("行政诉讼",)),
    Column(APPEAL_LAWSUIT_AFTER_REVIEW, "复议后起诉", ("行政诉讼",)),
)
APPEAL_RESULTS: tuple[Column, ...] = (
    Column("upheld", "结果维持"),
    Column("corrected", "结果纠正"),
    Column("other", "其他结果"),
    Column("pending", "尚未审结"),
)
APPEAL_TOTAL = Column(TOTAL, "总计")

TABLE4 = Table(
    code="table4",
    section="四",
    title="",
    rows=(Row("cases", ""),),
    columns=tuple(
        Column(f"{kind.code}.{result.code}", result.label, (*kind.group, kind.label))
        for kind in APPEAL_KINDS
        for result in (*APPEAL_RESULTS, APPEAL_TOTAL)
    ),
    row_header="",
)

TABLES: tuple[Table, ...] = (ITEM_1, ITEM_5, ITEM_6, ITEM_8, TABLE3, TABLE4)
TABLES_BY_CODE: dict[str, Table] = {t.code: t for t in TABLES}
SECTION_TABLES: dict[str, tuple[Table, ...]] = {
    s.code: tuple(t for t in TABLES if t.section == s.code) for s in SECTIONS
}

# --- Choices for the models that record the facts these tables count ------------------------

APPLICANT_TYPE_CHOICES: tuple[tuple[str, str], ...] = tuple((c.code, c.label) for c in APPLICANT_TYPES)
OUTCOME_CHOICES: tuple[tuple[str, str], ...] = tuple((r.code, r.full_label) for r in OUTCOMES)
APPEAL_KIND_CHOICES: tuple[tuple[str, str], ...] = (
    (APPEAL_REVIEW, "行政复议"),
    (APPEAL_LAWSUIT_DIRECT, "行政诉讼（未经复议直接起诉）"),
    (APPEAL_LAWSUIT_AFTER_REVIEW, "行政诉讼（复议后起诉）"),
)
APPEAL_RESULT_CHOICES: tuple[tuple[str, str], ...] = tuple(
    (c.code, c.label) for c in APPEAL_RESULTS
)
# Document kinds counted by 第二十条第（一）项 (catalog.Document.kind uses these codes and labels).
ITEM_1_KIND_CHOICES: tuple[tuple[str, str], ...] = tuple((r.code, r.label) for r in ITEM_1.rows)

# --- Known variants and lookups (used by the parser and the validator) ----------------------
#
# Agencies retype the format. The parser accepts these variants and the validator reports them
# as warnings; the official wording above stays the only one the renderers print. Variants that
# differ only in spacing, half-width brackets or digits, quotation marks or "1、" for "1." are
# handled by normalisation in the parser and need no entry here.

SECTIONS_BY_CODE: dict[str, Section] = {s.code: s for s in SECTIONS}

SECTION_TITLE_VARIANTS: dict[str, tuple[str, ...]] = {
    "一": ("总体情况概述", "概述"),
    "二": ("主动公开政府信息的情况", "主动公开情况"),
    "三": ("收到和处理政府信息公开申请的情况", "依申请公开政府信息情况"),
    "四": (
        "因政府信息公开申请行政复议、提起行政诉讼情况",
        "政府信息公开行政复议和行政诉讼情况",
        "因政府信息公开申请行政复议、行政诉讼情况",
        "因政府信息公开申请行政复议、提起行政诉讼的情况",
        "政府信息公开行政复议和行政诉讼情况",
    ),
    "五": (
        "存在的主要问题及改进措施", "存在的主要问题和改进情况", "存在的主要问题及改进措施情况",
        "存在的主要问题及整改措施", "存在的主要问题及整改情况", "存在的主要问题和整改措施",
        "政府信息公开工作存在的主要问题及改进情况", "主要问题及改进情况",
    ),
    "六": ("其他需要报告的事情",),
}

# How section headings are numbered in real reports: "一、", "一.", "一．", "第一部分", "第一部分：",
# markdown "## 一、", or no numeral at all (then only titles of five characters or more count).
# Full- and half-width brackets, spaces ("2024 年", "收到和处理 政府信息") and quotation marks are
# normalised away before comparing, so they need no entry.
SECTION_NUMBERING_PREFIXES: tuple[str, ...] = ("#", "第")

# Misprints: a row label or heading within this many edits (insertions, deletions, changes) of
# an official one, per character of the official label, is read as that label and reported as a
# variant ("2.其他法律行政止公开" for "2.其他法律行政法规禁止公开"). At most LABEL_MAX_EDITS.
LABEL_EDIT_RATIO = 0.25
LABEL_MAX_EDITS = 3

# A section written without its heading is recognised by these words in the text between the
# table of section 四 and the heading of section 六 (the heading is then a warning, not missing).
SECTION_CONTENT_WORDS: dict[str, tuple[str, ...]] = {
    "五": ("存在的主要问题", "存在问题", "主要问题", "改进情况", "改进措施", "整改措施"),
}

# (table code, row code) -> labels agencies use instead of the statutory one.
ROW_LABEL_VARIANTS: dict[tuple[str, str], tuple[str, ...]] = {
    ("item1", ROW_NORMATIVE): ("规范性文件",),
    ("item8", ROW_FEES): ("行政事业性收费项目",),
    ("table3", "partial"): ("（二）部分公开",),
    ("table3", ROW_NEW): ("本年新收政府信息公开申请",),
    ("table3", ROW_CARRIED_IN): ("上年结转政府信息公开申请",),
    ("table3", ROW_CARRIED_OUT): ("结转下年度继续办理申请",),
}

# Header label -> labels agencies use instead (accepted by the parser, a warning in the validator).
COLUMN_LABEL_VARIANTS: dict[str, tuple[str, ...]] = {
    "本年收费金额（单位：万元）": ("本年收费金额（万元）", "本年收费金额", "收费金额（单位：万元）",
                           "收费金额（万元）"),
    "本年处理决定数量": ("处理决定数量", "本年处理决定数"),
    "本年制发件数": ("本年制发数量", "本年制发数"),
    "本年废止件数": ("本年废止数量", "本年废止数"),
    "现行有效件数": ("现行有效数量", "现行有效数"),
    "信息内容": ("项目", "类别"),
    "社会公益组织": ("公益组织",),
    "法律服务机构": ("法律服务组织",),
}

# Wording that only the trial format of 2019 (国办公开办函〔2019〕60号) has. Two or more of
# these in one report mean the report uses the old format.
FORMAT_2019_MARKERS: tuple[str, ...] = (
    "本年新制作数量",
    "本年新公开数量",
    "对外公开总数量",
    "上一年项目数量",
    "本年增/减",
    "第二十条第（九）项",
    "政府集中采购",
    "采购总金额",
)
FORMAT_2019 = "2019"
FORMAT_2021 = "2021"

# Group headings of table 三 that are not data rows (the official table has no subtotals).
TABLE3_GROUP_HEADINGS: tuple[str, ...] = (_RESULTS, _WITHHELD, _UNABLE, _DECLINED, _OTHER)
TABLE4_GROUP_LABELS: tuple[str, ...] = ("行政复议", "行政诉讼", "未经复议直接起诉", "复议后起诉")
ITEM_TABLES: tuple[Table, ...] = (ITEM_1, ITEM_5, ITEM_6, ITEM_8)


def cell_key(table: str, row: str, column: str) -> str:
    """Stable key of one cell, e.g. ``"table3/new/natural"`` (used in JSON and findings)."""
    return f"{table}/{row}/{column}"


ALL_CELL_KEYS: tuple[str, ...] = tuple(
    cell_key(t.code, r, c) for t in TABLES for (r, c) in t.cells
)


def table_header_labels(table: Table) -> tuple[str, ...]:
    """Every label in the official header of `table` (the parser looks for them, the validator
    reports those missing)."""
    if table.code == TABLE4.code:
        return (*TABLE4_GROUP_LABELS, *(c.label for c in (*APPEAL_RESULTS, APPEAL_TOTAL)))
    if table.code == TABLE3.code:
        return (APPLICANT_GROUP, ORGANISATION_GROUP, *(c.label for c in table.columns))
    return (table.row_header, *(c.label for c in table.columns))
