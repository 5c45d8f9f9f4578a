"""Valid reports for the report tests: a builder and a hypothesis strategy.

A valid report satisfies every within-report rule: table 三 balances per column and per row,
table 四's totals are the sums of their parts, every number is non-negative.
"""

from __future__ import annotations

import random
from decimal import Decimal
from pathlib import Path

from hypothesis import strategies as st

from gongkai.reportformat import template
from gongkai.reportformat.values import AgencyLevel, Report

FIXTURES = Path(__file__).parent / "fixtures"
SAMPLE = Path(__file__).resolve().parents[1] / "fixtures" / "xihua-commerce-2021.txt"

_APPLICANTS = [c.code for c in template.APPLICANT_TYPES]


def build_report(
    *,
    outcomes: dict[str, list[int]] | None = None,
    carried_in: list[int] | None = None,
    carried_out: list[int] | None = None,
    appeals: list[list[int]] | None = None,
    items: dict[str, int] | None = None,
    fees: Decimal = Decimal("0"),
    year: int = 2022,
    agency: str = "平安县人力资源和社会保障局",
    texts: dict[str, str] | None = None,
) -> Report:
    """A valid report from the free numbers; totals, 一 and the appeal totals are derived."""
    report = Report.blank(year=year, agency=agency)
    outcomes = outcomes or {}
    carried_in = carried_in or [0] * 6
    carried_out = carried_out or [0] * 6
    for i, column in enumerate(_APPLICANTS):
        total = 0
        for code in template.OUTCOME_CODES:
            value = outcomes.get(code, [0] * 6)[i]
            report.set("table3", code, column, value)
            total += value
        report.set("table3", template.ROW_RESULTS_TOTAL, column, total)
        new = total + carried_out[i] - carried_in[i]
        if new < 0:  # keep it valid: carry in no more than was handled or carried on
            carried_in[i] += new
            new = 0
        report.set("table3", template.ROW_NEW, column, new)
        report.set("table3", template.ROW_CARRIED_IN, column, carried_in[i])
        report.set("table3", template.ROW_CARRIED_OUT, column, carried_out[i])
    for row in template.TABLE3.rows:
        report.set("table3", row.code, template.TOTAL,
                   sum(report.value("table3", row.code, c) for c in _APPLICANTS))
    appeals = appeals or [[0] * 4 for _ in template.APPEAL_KINDS]
    for kind, parts in zip(template.APPEAL_KINDS, appeals, strict=True):
        for result, value in zip(template.APPEAL_RESULTS, parts, strict=True):
            report.set("table4", "cases", f"{kind.code}.{result.code}", value)
        report.set("table4", "cases", f"{kind.code}.{template.TOTAL}", sum(parts))
    for key, value in (items or {}).items():
        report.cells[key] = value
    report.set("item8", template.ROW_FEES, "amount", fees)
    report.texts.update(texts or {
        "一": f"{year}年，本局认真贯彻落实《中华人民共和国政府信息公开条例》。",
        "五": "政策解读形式较为单一。下一步将丰富解读形式。",
        "六": "本年度未收取信息处理费。",
    })
    report.level = AgencyLevel.COUNTY
    return report


def valid_reports() -> st.SearchStrategy[Report]:
    """Valid reports, drawn as a seed and a magnitude (cheap to generate: the 200 numbers come
    from a seeded generator, so hypothesis explores seeds, sparse and dense tables, and counts
    from single digits to hundreds of thousands)."""
    return st.builds(
        lambda seed, scale, density: random_report(random.Random(seed), scale, density),
        st.integers(0, 2**32 - 1),
        st.sampled_from([1, 9, 500, 250_000]),
        st.sampled_from([0.0, 0.2, 0.7, 1.0]),
    )


SENTENCES = (
    "2022年，本局认真贯彻落实《中华人民共和国政府信息公开条例》，坚持以公开为常态、不公开为例外。",
    "（一）主动公开。全年主动公开政府信息412条，更新权责清单及办事指南。",
    "一是加强组织领导，调整政务公开工作领导小组。",
    "二是规范依申请公开，严格按照法定时限答复，做到件件有回音。",
    "三、强化监督保障。组织业务培训2次，参训人员60人次。",
    "（二）政府信息管理。对行政规范性文件实行统一登记、统一编号、统一公布。",
    "1.及时公开重大决策预公开事项；2.做好政策解读。",
    "本年度未收取信息处理费。",
    "全年办理人大代表建议5件、政协提案7件，办理结果均已公开。",
    "存在的主要问题：政策解读形式较为单一，栏目更新不够及时。",
    "下一步，我局将进一步丰富解读形式，提升政务公开质量。",
    "附：政府信息公开工作年度报告统计表",
)


def random_texts(rng: random.Random) -> dict[str, str]:
    return {code: "\n".join(rng.sample(SENTENCES, rng.randint(1, 4))) for code in ("一", "五", "六")}


def random_report(rng: random.Random, scale: int = 500, density: float = 0.5) -> Report:
    """A valid report from a seeded generator: `density` of the cells are non-zero, up to
    `scale`; narrative texts drawn from sentences agencies write."""

    def count() -> int:
        return rng.randint(1, scale) if rng.random() < density else 0

    outcomes = {code: [count() for _ in range(6)] for code in template.OUTCOME_CODES}
    return build_report(
        outcomes=outcomes,
        carried_in=[count() % 50 for _ in range(6)],
        carried_out=[count() % 50 for _ in range(6)],
        appeals=[[count() % 30 for _ in range(4)] for _ in template.APPEAL_KINDS],
        items={template.cell_key(tb.code, r, c): count() for tb in template.ITEM_TABLES
               if not tb.decimal for (r, c) in tb.cells},
        fees=Decimal(count()) / 100,
        texts=random_texts(rng),
    )
