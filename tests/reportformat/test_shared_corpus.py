"""The shared corpus of reports as agencies published them (`../shared/corpus/`, issue 3).

The corpus was not on the machines this suite was written on (the fixtures of
test_parse_fixtures.py imitate it); where a checkout has it beside it, every file in it is read
here, so the suite covers it the day it arrives. Set GONGKAI_REPORT_CORPUS to read another one.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from gongkai.reportformat.parse import parse_file
from gongkai.reportformat.validate import validate

CORPUS = Path(os.environ.get("GONGKAI_REPORT_CORPUS")
              or Path(__file__).resolve().parents[3] / "shared" / "corpus")
READABLE = {".txt", ".htm", ".html", ".pdf", ".docx"}
FILES = sorted(p for p in CORPUS.rglob("*") if p.suffix.lower() in READABLE) if CORPUS.is_dir() else []


@pytest.mark.skipif(not FILES, reason=f"no report files under {CORPUS}")
@pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(CORPUS)))
def test_every_published_report_is_read_and_checked_without_a_crash(path):
    parsed = parse_file(path)
    assert not [f for f in parsed.findings if f.rule == "P-2"], parsed.findings
    validate(parsed.report)  # raises on nothing the parser returns
