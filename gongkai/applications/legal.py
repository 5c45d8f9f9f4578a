"""What the reply letter (告知书) says for each outcome: the legal basis and the standard text.

Keyed by the outcome codes of gongkai.reportformat.template (table 三); a test checks every code has
an entry. Each entry cites the articles of the 《条例》 that govern its outcome (第三十六条
for the kinds of reply, 第十四条–第十六条 for the exemptions, 第三十八、三十九条 for the
requests the agency does not handle as a disclosure request).
The texts are the agency's words to the applicant; staff add the specifics in `reply_text`.
"""

from __future__ import annotations

from dataclasses import dataclass

from gongkai.reportformat.template import OUTCOME_CODES

REGULATION = "《中华人民共和国政府信息公开条例》"
FEE_RULES = "《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）"


@dataclass(frozen=True)
class OutcomeText:
    basis: str  # the legal basis, cited in the letter
    text: str  # the standard paragraph of the decision


OUTCOME_TEXTS: dict[str, OutcomeText] = {
    "disclosed": OutcomeText(
        f"{REGULATION}第三十六条第（一）项、第（二）项",
        "您申请获取的政府信息属于公开范围，本机关予以公开，现向您提供（见所附文件或下述获取方式）。",
    ),
    "partial": OutcomeText(
        f"{REGULATION}第三十七条",
        "您申请获取的政府信息中含有不应当公开或者不属于政府信息的内容，但能够作区分处理，"
        "本机关向您提供可以公开的部分，并对不予公开的部分说明理由。",
    ),
    "withheld_secret": OutcomeText(
        f"{REGULATION}第十四条、第三十六条第（三）项",
        "您申请获取的政府信息属于国家秘密，依法不予公开。",
    ),
    "withheld_law": OutcomeText(
        f"{REGULATION}第十四条、第三十六条第（三）项",
        "您申请获取的政府信息属于法律、行政法规禁止公开的政府信息，不予公开。",
    ),
    "withheld_security": OutcomeText(
        f"{REGULATION}第十四条、第三十六条第（三）项",
        "您申请获取的政府信息公开后可能危及国家安全、公共安全、经济安全、社会稳定，不予公开。",
    ),
    "withheld_third_party": OutcomeText(
        f"{REGULATION}第十五条、第三十二条、第三十六条第（三）项",
        "您申请获取的政府信息涉及商业秘密、个人隐私等，公开会对第三方合法权益造成损害，"
        "本机关不予公开。",
    ),
    "withheld_internal": OutcomeText(
        f"{REGULATION}第十六条第一款、第三十六条第（三）项",
        "您申请获取的信息属于本机关的人事管理、后勤管理、内部工作流程等内部事务信息，不予公开。",
    ),
    "withheld_process": OutcomeText(
        f"{REGULATION}第十六条第二款、第三十六条第（三）项",
        "您申请获取的信息属于本机关在履行行政管理职能过程中形成的讨论记录、过程稿、磋商信函、"
        "请示报告等过程性信息，不予公开。",
    ),
    "withheld_enforcement": OutcomeText(
        f"{REGULATION}第十六条第二款、第三十六条第（三）项",
        "您申请获取的信息属于行政执法案卷信息，不予公开。",
    ),
    "withheld_query": OutcomeText(
        f"{REGULATION}第三十六条第（七）项",
        "您申请获取的信息属于工商、不动产登记资料等有关法律、行政法规对信息的获取有特别规定的"
        "行政查询事项，请依照有关法律、行政法规的规定办理。",
    ),
    "unable_not_held": OutcomeText(
        f"{REGULATION}第三十六条第（四）项、第（五）项",
        "经检索，本机关没有制作或者获取您申请的政府信息，或者该信息不属于本机关负责公开；"
        "能够确定负责公开机关的，其名称和联系方式见下文。",
    ),
    "unable_needs_creation": OutcomeText(
        f"{REGULATION}第三十八条",
        "本机关没有您申请获取的现成信息，提供该信息需要对现有政府信息进行加工、分析，"
        "本机关不予提供。",
    ),
    "unable_unclear": OutcomeText(
        f"{REGULATION}第三十条",
        "本机关已一次性告知您补正申请，您补正后的申请内容仍然不明确，本机关无法提供。",
    ),
    "declined_petition": OutcomeText(
        f"{REGULATION}第三十九条第一款",
        "您以政府信息公开申请的形式进行信访、投诉、举报等活动，本机关不作为政府信息公开申请处理，"
        "请通过相应渠道提出。",
    ),
    "declined_repeat": OutcomeText(
        f"{REGULATION}第三十六条第（六）项",
        "本机关已就您提出的相同政府信息公开申请作出答复，您重复申请公开相同政府信息，"
        "本机关不予重复处理。",
    ),
    "declined_publication": OutcomeText(
        f"{REGULATION}第三十九条第二款",
        "您要求提供政府公报、报刊、书籍等公开出版物，请通过出版发行渠道等途径获取。",
    ),
    "declined_excessive": OutcomeText(
        f"{REGULATION}第三十五条",
        "您申请公开政府信息的数量、频次明显超过合理范围，经要求说明理由，理由不合理，"
        "本机关不予处理。",
    ),
    "declined_confirmation": OutcomeText(
        f"{REGULATION}第三十九条（参照）",
        "您要求本机关确认或者重新出具已经获取的信息，不属于政府信息公开申请的范围，"
        "本机关不予处理。",
    ),
    "other_no_correction": OutcomeText(
        f"{REGULATION}第三十条",
        "本机关已一次性告知您补正申请，您无正当理由逾期未补正，视为放弃申请，"
        "本机关不再处理该政府信息公开申请。",
    ),
    "other_unpaid_fee": OutcomeText(
        FEE_RULES,
        "本机关已向您发出信息处理费收费通知，您逾期未按收费通知要求缴纳费用，视为放弃申请，"
        "本机关不再处理该政府信息公开申请。",
    ),
    "other": OutcomeText(
        f"{REGULATION}第三十六条",
        "本机关对您的申请作如下处理。",
    ),
}
WITHDRAWN_TEXT = "您已撤回本次政府信息公开申请，本机关终止处理。"

assert set(OUTCOME_TEXTS) == set(OUTCOME_CODES), "every outcome of table 三 needs a letter text"


def remedies(reviewing_body: str) -> str:
    """The applicant's remedies against the reply (行政复议法、行政诉讼法)."""
    body = f"{reviewing_body}" if reviewing_body else "本机关的上一级行政机关或者本级人民政府"
    return (
        f"如对本答复不服，可以自收到本告知书之日起六十日内向{body}申请行政复议，"
        "也可以自收到本告知书之日起六个月内依法向人民法院提起行政诉讼。"
    )
