"""Property tests: a rendered report damaged the ways real copies are (issue 13) reads back to the
same numbers, or says in a reading notice what it could not read; never a false error."""

from __future__ import annotations

import random

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gongkai.reportformat.check import check_bytes
from gongkai.reportformat.render import render_text
from gongkai.reportformat.validate import Severity

from .factories import valid_reports
from .messy import DAMAGE

FAST = settings(deadline=None, max_examples=60,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


def assert_same_or_said(report, text: str) -> None:
    outcome = check_bytes(text.encode(), "copy.txt")
    errors = [f for f in outcome.findings if f.severity is Severity.ERROR]
    assert errors == [], (errors, text)
    read = outcome.report
    for key, value in report.numbers().items():
        table, row, column = key.split("/")
        if key in read.cells:
            assert read.cells[key] == value, key
        else:  # not read: the reader must have said so
            assert not read.readable(table, row, column), key
            assert outcome.notices, key


@FAST
@given(valid_reports(), st.sampled_from(sorted(DAMAGE)), st.integers(0, 2**32 - 1))
def test_one_kind_of_damage(report, damage, seed):
    text = DAMAGE[damage](render_text(report), random.Random(seed))
    assert_same_or_said(report, text)


@FAST
@given(valid_reports(), st.lists(st.sampled_from(["empty_cells", "page_numbers", "headings_varied",
                                                  "labels_wrapped"]), min_size=2, max_size=3,
                                 unique=True),
       st.integers(0, 2**32 - 1))
def test_several_kinds_of_damage_at_once(report, damages, seed):
    rnd = random.Random(seed)
    text = render_text(report)
    for damage in sorted(damages, key=["empty_cells", "page_numbers", "headings_varied",
                                       "labels_wrapped"].index):
        text = DAMAGE[damage](text, rnd)
    assert_same_or_said(report, text)


@settings(deadline=None, max_examples=30)
@given(valid_reports(), st.integers(0, 2**32 - 1))
def test_html_page_with_merged_cells_written_out_and_page_numbers(report, seed):
    """A web page whose merged label cells are written out as empty cells, with a page number row
    inside the table (as pages made from a PDF have): the same numbers back, no error."""
    import re

    from gongkai.reportformat.parse import parse_html
    from gongkai.reportformat.render import render_html

    rnd = random.Random(seed)
    html = render_html(report)
    html = re.sub(r'(colspan="\d"[^>]*>[^<]*</th>)',
                  lambda m: m.group(1) + "<td></td>" * rnd.randint(0, 2), html)
    html = html.replace("</tr><tr><th scope=\"row\"", "</tr><tr><td>- 3 -</td></tr><tr><th scope=\"row\"", 1)
    parsed = parse_html(html)
    assert parsed.report.numbers() == report.numbers()
    from gongkai.reportformat.validate import validate

    assert [f for f in [*parsed.findings, *validate(parsed.report)] if f.is_error] == []
