"""Check a report written elsewhere: read it, then apply the format's rules. One implementation.

The command line (`gongkai report check`), the API (`POST /api/v1/reports/check`), the
supervisor's upload page and the public checker all call `check_bytes` (or `check_path`), so a
file gets the same findings wherever it is checked.

Exit codes (the CLI's, and `CheckOutcome.exit_code` for everyone else):
0 no errors, 1 errors, 2 nothing checkable could be read.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .parse import ParseResult, parse_bytes, parse_file
from .validate import Finding, Severity, validate
from .values import Report

EXIT_OK = 0
EXIT_ERRORS = 1
EXIT_UNREADABLE = 2

UNREADABLE_RULE = "P-2"


@dataclass
class CheckOutcome:
    """A report as read from one file, and every finding about it (reading ones first)."""

    path: str
    report: Report
    source_format: str = ""
    findings: list[Finding] = field(default_factory=list)

    def count(self, severity: Severity) -> int:
        return sum(1 for f in self.findings if f.severity is severity)

    @property
    def errors(self) -> int:
        return self.count(Severity.ERROR)

    @property
    def warnings(self) -> int:
        return self.count(Severity.WARNING)

    @property
    def notices(self) -> int:
        return self.count(Severity.NOTICE)

    @property
    def unreadable(self) -> bool:
        return any(f.rule == UNREADABLE_RULE for f in self.findings)

    @property
    def exit_code(self) -> int:
        if self.unreadable:
            return EXIT_UNREADABLE
        return EXIT_ERRORS if self.errors else EXIT_OK

    def to_dict(self) -> dict[str, object]:
        return {
            "path": self.path,
            "year": self.report.year,
            "agency": self.report.agency,
            "format": self.report.format,
            "source_format": self.source_format,
            "exit_code": self.exit_code,
            "errors": self.errors,
            "warnings": self.warnings,
            "notices": self.notices,
            "findings": [f.to_dict() for f in self.findings],
        }


def nothing_checkable(report: Report) -> bool:
    """Not one number, section heading or narrative text was read: there is nothing to check."""
    return not (report.cells or report.headings or any(v.strip() for v in report.texts.values()))


def outcome_of(parsed: ParseResult, previous: Report | None = None) -> CheckOutcome:
    """Validate what was read; a file that could not be read at all gets no rule findings."""
    findings = list(parsed.findings)
    if not any(f.rule == UNREADABLE_RULE for f in findings) and nothing_checkable(parsed.report):
        findings.append(Finding(
            UNREADABLE_RULE, Severity.NOTICE,
            "文件中没有可核对的内容：没有读到任何章节标题、文字或表格数字（是否为扫描件或图片？）",
            code="nothing_checkable",
        ))
    if not any(f.rule == UNREADABLE_RULE for f in findings):
        findings += validate(parsed.report, previous)
    return CheckOutcome(parsed.path or "", parsed.report, parsed.source_format, findings)


def check_bytes(data: bytes, name: str = "", previous: Report | None = None) -> CheckOutcome:
    return outcome_of(parse_bytes(data, name), previous)


def load_report(path: str | Path) -> ParseResult:
    """A report from a JSON file (`Report.to_json`) or from a published file of any format."""
    path = Path(path)
    if path.suffix.lower() == ".json":
        try:
            report = Report.from_json(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            finding = Finding(UNREADABLE_RULE, Severity.ERROR, f"无法读取报告数据：{exc}",
                              code="unreadable")
            return ParseResult(Report(), [finding], "json", str(path))
        return ParseResult(report, [], "json", str(path))
    return parse_file(path)


def check_path(path: str | Path, previous: Report | None = None) -> CheckOutcome:
    outcome = outcome_of(load_report(path), previous)
    outcome.path = str(path)
    return outcome
