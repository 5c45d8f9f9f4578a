"""`gongkai report check|render|parse`: the annual report engine on the command line.

    gongkai report check FILE... [--json] [--previous FILE]   exit 1 when any file has an error
    gongkai report render INPUT.json --to text|html|docx|pdf -o OUT
    gongkai report parse FILE [--json]

A thin wrapper: checking is `reportformat.check` (the one implementation the API and the
supervisor's page use too), printing is `render.render`.

Exit codes of `check`: 0 no errors, 1 errors in any file, 2 nothing checkable could be read.
"""

from __future__ import annotations

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from gongkai.reportformat import template
from gongkai.reportformat.check import (
    EXIT_ERRORS,
    EXIT_UNREADABLE,
    CheckOutcome,
    check_path,
    load_report,
)
from gongkai.reportformat.validate import format_findings, table_name
from gongkai.reportformat.values import Report
from gongkai.reports.untrusted import report_check_untrusted


def describe_numbers(report: Report) -> str:
    """The numbers recovered, table by table, as readable lines."""
    lines: list[str] = []
    for table in template.TABLES:
        if not report.has_table(table.code):
            lines.append(f"{table_name(table)}：（无）")
            continue
        lines.append(f"{table_name(table)}：")
        for row in table.rows:
            if not report.has_row(table.code, row.code):
                continue
            values = [report.get(table.code, row.code, c.code) for c in table.columns]
            shown = " ".join("—" if v is None else str(v) for v in values)
            lines.append(f"  {row.full_label or '数据'}：{shown}")
    return "\n".join(lines)


class Command(BaseCommand):
    help = "政府信息公开工作年度报告：检查（check）、渲染（render）、解析（parse）"
    requires_system_checks: list[str] = []  # reads and writes files only

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True, title="子命令")
        check = sub.add_parser("check", help="检查报告文件（文本、网页、PDF、Word 或 JSON）")
        check.add_argument("files", nargs="+", metavar="FILE")
        check.add_argument("--json", action="store_true", help="以 JSON 输出")
        check.add_argument("--previous", metavar="FILE", help="上一年度的报告，用于跨年度核对")
        check.add_argument("--sandbox", action="store_true",
                           help="在受限的子进程中读取（与网站相同的内存、时间和页数上限，见 REPORT_PARSE_*）")
        render = sub.add_parser("render", help="把 JSON 报告渲染为 text、html、docx 或 pdf")
        render.add_argument("input", metavar="INPUT.json")
        render.add_argument("--to", choices=["text", "html", "docx", "pdf"], required=True)
        render.add_argument("-o", "--output", required=True, metavar="OUT")
        parse = sub.add_parser("parse", help="解析报告文件并输出其中的数字")
        parse.add_argument("file", metavar="FILE")
        parse.add_argument("--json", action="store_true", help="以 JSON 输出")

    def handle(self, *args: object, **options: object) -> None:
        action = options["action"]
        if action == "check":
            self.run_check(options)
        elif action == "render":
            self.run_render(options)
        else:
            self.run_parse(options)

    def run_check(self, options: dict) -> None:
        previous = None
        if options.get("previous"):
            loaded = load_report(options["previous"])
            if any(f.rule == "P-2" for f in loaded.findings):
                raise CommandError(f"无法读取上年报告：{options['previous']}")
            previous = loaded.report
        if options.get("sandbox"):
            outcomes = [self.check_sandboxed(path, previous) for path in options["files"]]
        else:
            outcomes = [check_path(path, previous) for path in options["files"]]
        if options.get("json"):
            data = [o.to_dict() for o in outcomes]
            self.stdout.write(json.dumps(data, ensure_ascii=False, indent=2))
        else:
            for outcome in outcomes:
                self.stdout.write(f"== {outcome.path} ==")
                report = outcome.report
                who = " ".join(str(x) for x in (report.agency, f"{report.year}年度" if report.year else "") if x)
                self.stdout.write(
                    f"{who or '（未识别报告名称）'}：{outcome.errors} 个错误，{outcome.warnings} 个警告，"
                    f"{outcome.notices} 条读取说明"
                )
                if outcome.findings:
                    self.stdout.write(format_findings(outcome.findings))
                self.stdout.write("")
        failed = sum(1 for o in outcomes if o.exit_code == EXIT_ERRORS)
        if failed:
            raise CommandError(f"{failed} 个文件有错误", returncode=EXIT_ERRORS)
        if any(o.exit_code == EXIT_UNREADABLE for o in outcomes):
            raise CommandError("没有读出可检查的报告内容", returncode=EXIT_UNREADABLE)

    def check_sandboxed(self, path: str, previous: Report | None) -> CheckOutcome:
        """A file of unknown origin, read as the site reads uploads (JSON files as they are)."""
        if Path(path).suffix.lower() == ".json":
            return check_path(path, previous)
        try:
            data = Path(path).read_bytes()
        except OSError as exc:
            raise CommandError(f"无法打开文件：{path}（{exc.strerror or exc}）") from exc
        outcome = report_check_untrusted(data, path, previous)
        outcome.path = path
        return outcome

    def run_render(self, options: dict) -> None:
        from gongkai.reportformat.render import render

        loaded = load_report(options["input"])
        if any(f.rule == "P-2" for f in loaded.findings):
            raise CommandError("；".join(f.message for f in loaded.findings if f.rule == "P-2"))
        output = render(loaded.report, options["to"])
        target = Path(options["output"])
        if isinstance(output, bytes):
            target.write_bytes(output)
        else:
            target.write_text(output, encoding="utf-8")
        self.stdout.write(f"已写入 {target}")

    def run_parse(self, options: dict) -> None:
        result = load_report(options["file"])
        if options.get("json"):
            self.stdout.write(json.dumps(result.to_dict(), ensure_ascii=False, indent=2))
            return
        report = result.report
        self.stdout.write(f"{report.title or options['file']}（{report.format} 格式）")
        self.stdout.write(describe_numbers(report))
        if result.findings:
            self.stdout.write(format_findings(result.findings))
