"""Reports checked per second on one core, per input format (not a test).

    .venv/bin/python bench/report_check.py [--count 200] [--pdf-count 20] [--seed 1]
                                           [--corpus tests/fixtures/corpus]

Generates a batch of valid reports with random numbers, renders each in every input format
the checker reads (JSON, text, text as agencies paste it, HTML, Word, PDF), then times
`check` = parse + validate over the batch in one process. Reports CPU seconds
(time.process_time), so other load on the machine does not count against us; the wall clock
is printed alongside. PDF time is also given per page, for the rendered reports and for the
published PDFs of the corpus (each is read twice, by its ruled tables and by its text).
"""

from __future__ import annotations

import argparse
import os
import random
import re
import sys
import time
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from gongkai.reportformat import template  # noqa: E402
from gongkai.reportformat.parse import parse_docx, parse_html, parse_pdf, parse_text  # noqa: E402
from gongkai.reportformat.render import render_docx, render_html, render_pdf, render_text  # noqa: E402
from gongkai.reportformat.validate import validate  # noqa: E402
from gongkai.reportformat.values import Report  # noqa: E402


def generate(rng: random.Random) -> Report:
    """A valid report: table 三 balanced per row and column, table 四 totals summed."""
    report = Report.blank(year=2022, agency="平安县人力资源和社会保障局")
    applicants = [c.code for c in template.APPLICANT_TYPES]
    for column in applicants:
        total = 0
        for code in template.OUTCOME_CODES:
            value = rng.choice([0, 0, 0, 1, rng.randint(0, 400)])
            report.set("table3", code, column, value)
            total += value
        carried_in, carried_out = rng.randint(0, min(total, 5)), rng.randint(0, 5)
        report.set("table3", template.ROW_RESULTS_TOTAL, column, total)
        report.set("table3", template.ROW_CARRIED_IN, column, carried_in)
        report.set("table3", template.ROW_CARRIED_OUT, column, carried_out)
        report.set("table3", template.ROW_NEW, column, total + carried_out - carried_in)
    for row in template.TABLE3.rows:
        report.set("table3", row.code, template.TOTAL,
                   sum(report.value("table3", row.code, c) for c in applicants))
    for kind in template.APPEAL_KINDS:
        parts = [rng.randint(0, 6) for _ in template.APPEAL_RESULTS]
        for result, value in zip(template.APPEAL_RESULTS, parts, strict=True):
            report.set("table4", "cases", f"{kind.code}.{result.code}", value)
        report.set("table4", "cases", f"{kind.code}.{template.TOTAL}", sum(parts))
    for table in template.ITEM_TABLES:
        for row, column in table.cells:
            value = Decimal(rng.randint(0, 10**6)) / 100 if table.decimal else rng.randint(0, 5000)
            report.set(table.code, row, column, value)
    report.texts = {
        "一": "2022年，本局认真贯彻落实《中华人民共和国政府信息公开条例》，全年共收到政府信息公开申请"
              f"{report.value('table3', 'new', 'total')}件。" * 3,
        "五": "政策解读形式较为单一，下一步将丰富解读形式。",
        "六": "本年度未收取信息处理费。",
    }
    return report


def pasted(text: str) -> str:
    """Text as copied from a PDF: cells separated by spaces, a page number every 30 lines."""
    lines = [re.sub(r"\t+", "  ", line) for line in text.split("\n")]
    out: list[str] = []
    for i, line in enumerate(lines, start=1):
        out.append(line)
        if i % 30 == 0:
            out += ["", f"- {i // 30} -", ""]
    return "\n".join(out)


def page_count(data: bytes) -> int:
    import io

    import pdfplumber

    with pdfplumber.open(io.BytesIO(data)) as pdf:
        return len(pdf.pages)


def timed(label: str, inputs: list, check) -> tuple[str, int, float, float]:  # noqa: ANN001
    wall, cpu = time.perf_counter(), time.process_time()
    for item in inputs:
        check(item)
    return label, len(inputs), time.process_time() - cpu, time.perf_counter() - wall


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=200, help="reports per format")
    parser.add_argument("--pdf-count", type=int, default=20, help="reports for the PDF format")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--corpus", type=Path, default=Path(__file__).resolve().parents[1]
                        / "tests" / "fixtures" / "corpus", help="folder of published reports")
    args = parser.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})  # one core

    rng = random.Random(args.seed)
    reports = [generate(rng) for _ in range(args.count)]
    for report in reports:  # the generator must make reports the checker accepts
        assert not [f for f in validate(report) if f.is_error]
    print(f"生成 {len(reports)} 份报告；渲染各输入格式……", flush=True)
    texts = [render_text(r) for r in reports]
    inputs = {
        "json": [r.to_json() for r in reports],
        "text": texts,
        "text (pasted)": [pasted(x) for x in texts],
        "html": [render_html(r) for r in reports],
        "docx": [render_docx(r) for r in reports],
        "pdf": [render_pdf(r) for r in reports[: args.pdf_count]],
    }
    readers = {
        "json": Report.from_json,
        "text": lambda x: parse_text(x).report,
        "text (pasted)": lambda x: parse_text(x).report,
        "html": lambda x: parse_html(x).report,
        "docx": lambda x: parse_docx(x).report,
        "pdf": lambda x: parse_pdf(x).report,
    }
    rows = []
    for name, batch in inputs.items():
        read = readers[name]
        read(batch[0])  # warm imports and caches
        rows.append(timed(name, batch, lambda item, read=read: validate(read(item))))

    print(f"{'format':<15}{'reports':>8}{'cpu s':>9}{'wall s':>9}{'reports/s (cpu)':>17}{'ms/report':>11}")
    base = None
    for label, n, cpu, wall in rows:
        rate = n / cpu if cpu else float("inf")
        base = base or rate
        print(f"{label:<15}{n:>8}{cpu:>9.2f}{wall:>9.2f}{rate:>17.1f}{1000 * cpu / n:>11.2f}"
              f"   ×{base / rate:.1f} of json")
    pdfs = [("rendered", x) for x in inputs["pdf"]]
    pdfs += [(p.name, p.read_bytes()) for p in sorted(args.corpus.rglob("*.pdf"))]
    for name, data in pdfs:
        pages = page_count(data)
        cpu = time.process_time()
        validate(parse_pdf(data).report)
        cpu = time.process_time() - cpu
        print(f"pdf {name:<30}{pages:>4} pages {1000 * cpu / pages:>8.1f} ms/page (cpu)")
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"(one core, CPU time; load average {load:.2f} while measuring)")


if __name__ == "__main__":
    main()
