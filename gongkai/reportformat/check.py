"""Check a report written elsewhere: read it, then apply the format's rules. One implementation.

The command line (`gongkai report check`), the API (`POST /api/v1/reports/check`), the
supervisor's upload page and the public checker all call `check_bytes` (or `check_path`), so a
file gets the same findings wherever it is checked. A file nobody vouches for goes through
`check_untrusted`, which runs the same `check_bytes` in a limited child process
(`sandbox.run_limited`, limits in `limits.Limits`); the site's entry points reach it through
`gongkai.reports.untrusted` with the limits of its settings.

Exit codes (the CLI's, and `CheckOutcome.exit_code` for everyone else):
0 no errors, 1 errors, 2 nothing checkable could be read.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from .limits import ACTIVE, Limits, check_pdf_pages, near_memory_cap, open_zip
from .parse import ParseResult, parse_bytes, parse_file, sniff_format
from .sandbox import Run, run_limited
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
    resources: Run | None = None  # peak memory and time, when read in a sandbox

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


def _check_within(data: bytes, name: str, previous: Report | None, limits: Limits) -> CheckOutcome:
    """`check_bytes` in the sandbox's child: what the file declares is checked first (a zip's
    sizes, a PDF's pages), then it is read with the zip limits active."""
    ACTIVE.set(limits)
    kind = sniff_format(data, name)
    if kind == "pdf":
        check_pdf_pages(data, limits)
    elif kind == "docx":
        try:
            open_zip(data, limits).close()
        except (zipfile.BadZipFile, ValueError, OSError, EOFError):
            pass  # not a readable zip: the reader says so
    outcome = check_bytes(data, name, previous)
    if outcome.unreadable and near_memory_cap(limits):
        # The readers report any failure as an unreadable file (lxml even reports a failed
        # allocation as a syntax error): a reading that reached the cap failed for memory.
        raise MemoryError
    return outcome


def check_untrusted(data: bytes, name: str, limits: Limits,
                    previous: Report | None = None) -> CheckOutcome:
    """`check_bytes` for a file nobody vouches for: read in a child process within `limits`.

    A file stopped by a limit is unreadable (exit code 2) with one P-2 finding whose code
    names the limit (zip_bomb, too_many_pages, memory_limit, time_limit, busy, ...)."""
    run = run_limited(_check_within, data, name, previous, limits, limits=limits)
    if run.ok:
        outcome = run.value
    else:
        finding = Finding(UNREADABLE_RULE, Severity.ERROR, run.failure.message, code=run.failure.code)
        outcome = CheckOutcome(name, Report(), sniff_format(data, name), [finding])
    outcome.resources = run
    outcome.resources.value = None
    return outcome


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
