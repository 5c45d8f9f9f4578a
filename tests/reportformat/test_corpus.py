"""Each published report of the corpus, against what a hand check of it says (issue 13).

`tests/fixtures/corpus/` holds the files (see its SOURCES.tsv). For every file the sums below were
checked by hand on the file itself; a report whose sums hold must exit 0 with no error, a real
defect must be found with its numbers, and no file may get an error that a hand check does not
confirm. Damage that keeps a table from being read gives reading notices, never errors.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

import pytest

from gongkai.reportformat import template
from gongkai.reportformat.check import check_bytes, check_path
from gongkai.reportformat.parse import parse_file
from gongkai.reportformat.validate import Severity, validate

CORPUS = Path(__file__).resolve().parents[1] / "fixtures" / "corpus"
COLUMNS = [c.code for c in template.TABLE3.columns]
KINDS = [f"{k.code}.{r.code}" for k in template.APPEAL_KINDS for r in (*template.APPEAL_RESULTS, template.APPEAL_TOTAL)]


@dataclass
class Expected:
    exit_code: int
    # Rows of table 三 and the row of table 四 as a hand check reads them.
    table3: dict[str, list[int]] = field(default_factory=dict)
    table4: list[int] | None = None
    cells: dict[str, object] = field(default_factory=dict)
    # The real defects: (rule, cell key) of every error.
    errors: set[tuple[str, str]] = field(default_factory=set)
    notices: bool = False  # the copy is damaged: reading notices expected


HUAIAN_2024 = Expected(
    0,
    # 3001+53+0+0+61+4 = 3119; 34 = 34; 2932+53+0+0+61+4 = 3050; 103 = 103;
    # 3119 + 34 = 3153 = 3050 + 103; the 21 outcome rows add up to 2932, 53, 0, 0, 61, 4, 3050.
    table3={"new": [3001, 53, 0, 0, 61, 4, 3119], "carried_in": [34, 0, 0, 0, 0, 0, 34],
            "total": [2932, 53, 0, 0, 61, 4, 3050], "carried_out": [103, 0, 0, 0, 0, 0, 103],
            "disclosed": [1288, 21, 0, 0, 50, 3, 1362]},
    # 72+64+178+37 = 351; 13+4+8+1 = 26; 12+1+1+6 = 20.
    table4=[72, 64, 178, 37, 351, 13, 4, 8, 1, 26, 12, 1, 1, 6, 20],
    cells={"item5/licensing/decisions": 447228, "item8/fees/amount": Decimal("96171.6"),
           "item1/normative/in_force": 66},
)
HONGZE_2023 = Expected(
    1,
    # 21 new = 21 total; outcomes 4 (部分公开) + 1 + 1 + 1 (秘密, 过程性, 执法案卷) + 10 + 3
    # (不掌握, 另行制作) + 1 (信访) = 21; the (六) group is one row of 0.
    table3={"new": [21, 0, 0, 0, 0, 0, 21], "partial": [4, 0, 0, 0, 0, 0, 4],
            "withheld_secret": [1, 0, 0, 0, 0, 0, 1], "unable_not_held": [10, 0, 0, 0, 0, 0, 10],
            "unable_needs_creation": [3, 0, 0, 0, 0, 0, 3], "total": [21, 0, 0, 0, 0, 0, 21]},
    # Row "10 1 0 0 0 | 0 0 0 0 0 | 5 0 0 0 0": 行政复议 总计 0 while 10 + 1 = 11;
    # 复议后起诉 总计 0 while its 结果维持 is 5. Both real.
    table4=[10, 1, 0, 0, 0, 0, 0, 0, 0, 0, 5, 0, 0, 0, 0],
    errors={("R4-1", "table4/cases/review.total"),
            ("R4-1", "table4/cases/lawsuit_after_review.total")},
)
HONGZE_2024 = Expected(
    0,
    # 95 new, 95 total, no carry-over; the outcome rows add up to 95 (the text's "受理 17 件" is
    # a warning, X-1).
    table3={"new": [95, 0, 0, 0, 0, 0, 95], "total": [95, 0, 0, 0, 0, 0, 95]},
)

EXPECTED: dict[str, Expected] = {
    "text/001_huaian_shizhengfu.txt": HUAIAN_2024,
    "pdf/huaian-shizhengfu-2024.pdf": HUAIAN_2024,
    "text/002_huaian_hongzequ.txt": HONGZE_2023,
    "pdf/huaian-hongzequ-2023.pdf": HONGZE_2023,
    "text/003_huaian_hongzequ.txt": HONGZE_2024,
    "pdf/huaian-hongzequ-2024.pdf": HONGZE_2024,
    # 平潭 2019 (trial format): "2300000023" is 23 0 0 0 0 0 23 (the only split whose total holds);
    # 23 new = 23 total; table 四 all zeros.
    "text/004_fujian_pingtan.txt": Expected(
        0, table3={"new": [23, 0, 0, 0, 0, 0, 23], "total": [23, 0, 0, 0, 0, 0, 23]},
        table4=[0] * 15, notices=True),
    # 平潭 2020 (trial format): 21 new (20 natural + 1 other) = 21 total, but the outcome rows are
    # all unambiguous (one digit per cell): 予以公开 6+1=7, 部分公开 6, 不掌握 4, 补正后仍不明确 3,
    # 重复申请 3, 其他处理 4 → 自然人 26, 总计 27 ≠ 20 and 21 — whatever way the total row splits.
    "text/005_fujian_pingtan.txt": Expected(
        1, table3={"new": [20, 0, 0, 0, 0, 1, 21], "disclosed": [6, 0, 0, 0, 0, 1, 7],
                   "total": [20, 0, 0, 0, 0, 1, 21]},
        errors={("R3-3", "table3/total/natural"), ("R3-3", "table3/total/total")}, notices=True),
    # 平潭 2021: "640020470" = 64 0 0 2 0 4 70 (64+2+4); total 63 0 0 2 0 4 69; carried out 1;
    # 70 + 0 = 69 + 1. Table 四 "10203120001200000" = 1 0 2 0 3 | 12 0 0 0 12 | 0 0 0 0 0.
    # 行政规范性文件 "693665" has ten splits and no sum: not read.
    "text/006_fujian_pingtan.txt": Expected(
        0, table3={"new": [64, 0, 0, 2, 0, 4, 70], "disclosed": [27, 0, 0, 2, 0, 1, 30],
                   "total": [63, 0, 0, 2, 0, 4, 69], "carried_out": [1, 0, 0, 0, 0, 0, 1]},
        table4=[1, 0, 2, 0, 3, 12, 0, 0, 0, 12, 0, 0, 0, 0, 0],
        cells={"item5/licensing/decisions": 2293}, notices=True),
    # 平潭 2022: 71+3 = 74 new, 1 carried in, 72+3 = 75 total: 74 + 1 = 75 + 0. 0+1+1+0 = 2,
    # 1+0+0+0 = 1, zeros. (The text's "收到申请75件" counts the carried-in one: X-1 warning.)
    "text/007_fujian_pingtan.txt": Expected(
        0, table3={"new": [71, 3, 0, 0, 0, 0, 74], "carried_in": [1, 0, 0, 0, 0, 0, 1],
                   "total": [72, 3, 0, 0, 0, 0, 75]},
        table4=[0, 1, 1, 0, 2, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0], notices=True),
    # 平潭 2023: 80+1 = 81 new = 81 total. 1+1 = 2, 4+1 = 5, 1+1 = 2.
    "text/008_fujian_pingtan.txt": Expected(
        0, table3={"new": [80, 1, 0, 0, 0, 0, 81], "total": [80, 1, 0, 0, 0, 0, 81]},
        table4=[1, 1, 0, 0, 2, 4, 0, 0, 1, 5, 1, 0, 1, 0, 2], notices=True),
    # 平潭 2025: 151+3 = 154 new; 147+1 = 148 total; 4+2 = 6 carried out; 154 = 148 + 6.
    # 25+3+8 = 36, 3+3 = 6, 3 = 3.
    "text/010_fujian_pingtan.txt": Expected(
        0, table3={"new": [151, 3, 0, 0, 0, 0, 154], "total": [147, 1, 0, 0, 0, 0, 148],
                   "carried_out": [4, 2, 0, 0, 0, 0, 6]},
        table4=[25, 3, 8, 0, 36, 3, 3, 0, 0, 6, 3, 0, 0, 0, 3], notices=True),
    # 上海市科委 2024 (converted text, labels scrambled): read by position. 32+2 = 34 new,
    # 2 carried in, 33+2 = 35 total, carried out 1 (its 总计 cell is blank in this copy);
    # 自然人 32+2 = 34 = 33+1; outcomes 9+1+1+4+6+8+4 = 33. Table 四: 1 0 0 0 1, zeros.
    "text/011_shanghai_kewei.txt": Expected(
        0, table3={"new": [32, 2, 0, 0, 0, 0, 34], "total": [33, 2, 0, 0, 0, 0, 35],
                   "other_no_correction": [8, 2, 0, 0, 0, 0, 10]},
        table4=[1, 0, 0, 0, 1] + [0] * 10, notices=True),
    # 上海市政府办公厅 2025: 1259+36 = 1295 new; 170+15+4 = 189 carried in; 1139+48+4 = 1191 total;
    # 290+3 = 293 carried out; 1295 + 189 = 1484 = 1191 + 293. 40+10+5 = 55, 2+4+6 = 12, 6+9+7 = 22.
    "text/012_shanghai_shizhengfu_bangongting.txt": Expected(
        0, table3={"new": [1259, 36, 0, 0, 0, 0, 1295], "carried_in": [170, 15, 0, 0, 4, 0, 189],
                   "total": [1139, 48, 0, 0, 4, 0, 1191], "carried_out": [290, 3, 0, 0, 0, 0, 293],
                   "other_no_correction": [40, 1, 0, 0, 2, 0, 43]},
        table4=[40, 0, 10, 5, 55, 2, 0, 4, 6, 12, 6, 0, 9, 7, 22], notices=True),
    # 沭阳县发改局 2023: 26 new = 26 total (empty cells are zeros inside a row), table 四 one
    # pending case: 0+0+0+1 = 1.
    "text/014_suqian_shuyang_fagaiju.txt": Expected(
        0, table3={"total": [26, 0, 0, 0, 0, 0, 26]}, table4=[0, 0, 0, 1, 1] + [0] * 10),
}


@pytest.fixture(scope="module")
def outcomes():
    return {name: check_path(CORPUS / name) for name in EXPECTED}


def test_every_corpus_file_has_expectations():
    files = {str(p.relative_to(CORPUS)) for p in CORPUS.rglob("*") if p.suffix in (".txt", ".pdf")}
    assert files == set(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_corpus_file_reads_as_checked_by_hand(outcomes, name):
    expected, outcome = EXPECTED[name], outcomes[name]
    report = outcome.report
    for row, values in expected.table3.items():
        assert [report.get("table3", row, c) for c in COLUMNS] == values, row
    if expected.table4 is not None:
        assert [report.get("table4", "cases", k) for k in KINDS] == expected.table4
    for key, value in expected.cells.items():
        assert report.cells.get(key) == value, key
    errors = {(f.rule, template.cell_key(f.table, f.row, f.column) if f.column else f.code)
              for f in outcome.findings if f.severity is Severity.ERROR}
    assert errors == expected.errors
    assert outcome.exit_code == expected.exit_code
    assert bool(outcome.notices) == expected.notices


def test_real_defects_are_named_with_their_numbers(outcomes):
    after, review = sorted(
        (f for f in outcomes["text/002_huaian_hongzequ.txt"].findings if f.is_error),
        key=lambda f: f.column,
    )
    assert (after.column, review.column) == ("lawsuit_after_review.total", "review.total")
    assert "“行政复议”：总计为 0" in review.message and "之和为 11" in review.message
    assert "复议后起诉" in after.message and "总计为 0" in after.message and "之和为 5" in after.message
    assert review.line == 112 and review.table == "table4"
    natural = next(f for f in outcomes["text/005_fujian_pingtan.txt"].findings
                   if f.is_error and f.column == "natural")
    assert "（七）总计为 20" in natural.message and "之和为 26" in natural.message


def test_unreadable_rows_are_notices_with_their_digits_never_missing(outcomes):
    outcome = outcomes["text/006_fujian_pingtan.txt"]
    [notice] = [f for f in outcome.findings if f.code == "unread_unread"]
    assert (notice.severity, notice.table, notice.row) == (Severity.NOTICE, "item1", "normative")
    assert "693665" in notice.message
    assert not [f for f in outcome.findings if f.code in ("missing_row", "missing_table")]


CLEAN = sorted(name for name, e in EXPECTED.items() if e.exit_code == 0)


@pytest.mark.parametrize("name", CLEAN)
def test_one_changed_cell_of_a_clean_report_is_caught_and_named(outcomes, name):
    report = parse_file(CORPUS / name).report
    row = next(r for r in ("new", "total", "disclosed") if report.readable("table3", r)
               and report.get("table3", r, "natural") is not None)
    report.set("table3", row, "natural", report.get("table3", row, "natural") + 1)
    errors = [f for f in validate(report) if f.is_error]
    named = [f for f in errors if f.rule == "R3-2" and f.row == row]
    assert named and "六类申请人之和" in named[0].message
    assert {f.table for f in errors} == {"table3"}


@pytest.mark.parametrize(("name", "old", "new"), [
    ("text/001_huaian_shizhengfu.txt", "3001\t53", "3002\t53"),
    ("text/014_suqian_shuyang_fagaiju.txt", "0\t0\t0\t1\t1\t0", "0\t0\t0\t2\t1\t0"),
])
def test_one_changed_number_in_the_file_is_caught_on_its_line(name, old, new):
    data = (CORPUS / name).read_text(encoding="utf-8")
    assert data.count(old) == 1
    line = data[: data.index(old)].count("\n") + 1
    outcome = check_bytes(data.replace(old, new).encode(), name)
    assert outcome.exit_code == 1
    [row_sum] = [f for f in outcome.findings if f.is_error and f.line == line]
    assert row_sum.rule in ("R3-2", "R4-1")


def test_a_file_with_nothing_checkable_exits_two():
    outcome = check_bytes(b"\n\n   \n", "blank.txt")
    assert outcome.exit_code == 2
    assert [f.code for f in outcome.findings] == ["nothing_checkable"]


def test_pdf_keeps_the_text_path_when_the_ruled_tables_come_out_broken(monkeypatch):
    """The table finder and the text path are compared; the consistent reading wins."""
    from gongkai.reportformat.parse import pdf

    def broken_tables(page, number):  # every ruled table loses its number cells
        for block in real(page, number):
            yield type(block)(tuple(c for c in block.cells if not c.strip().isdigit()),
                              block.line, block.table_row)

    real = pdf._page_blocks
    path = CORPUS / "pdf/huaian-shizhengfu-2024.pdf"
    monkeypatch.setattr(pdf, "_page_blocks", broken_tables)
    report = pdf.parse_pdf(path.read_bytes()).report
    assert report.get("table3", "new", "total") == 3119
    assert [f for f in validate(report) if f.is_error] == []
