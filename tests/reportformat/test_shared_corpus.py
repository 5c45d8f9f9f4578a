"""Every report of the corpus of published reports is read and checked without a crash.

The corpus is copied in `tests/fixtures/corpus/` (from `../shared/corpus/`, issue 13), so this
runs from any clone; set GONGKAI_REPORT_CORPUS to read another folder of reports the same way.
What each file must give is in test_corpus.py.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from gongkai.reportformat.parse import parse_file
from gongkai.reportformat.validate import validate

CORPUS = Path(os.environ.get("GONGKAI_REPORT_CORPUS")
              or Path(__file__).resolve().parents[1] / "fixtures" / "corpus")
READABLE = {".txt", ".htm", ".html", ".pdf", ".docx"}
FILES = sorted(p for p in CORPUS.rglob("*") if p.suffix.lower() in READABLE) if CORPUS.is_dir() else []


@pytest.mark.skipif(not FILES, reason=f"no report files under {CORPUS}")
@pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(CORPUS)))
def test_every_published_report_is_read_and_checked_without_a_crash(path):
    parsed = parse_file(path)
    assert not [f for f in parsed.findings if f.rule == "P-2"], parsed.findings
    validate(parsed.report)  # raises on nothing the parser returns
