"""Snippets are escaped text with our <mark> as the only markup."""

from __future__ import annotations

import html
import re

from hypothesis import given
from hypothesis import strategies as st

from gongkai.search.snippets import highlight, snippet


def test_matches_are_marked_and_the_rest_escaped():
    html_out = snippet('<script>alert("营商")</script> 优化营商环境', ("营商",))
    assert "<script>" not in html_out
    assert "&lt;script&gt;" in html_out
    assert html_out.count("<mark>营商</mark>") == 2


def test_matching_ignores_case_but_shows_the_original():
    assert highlight("PPP 项目", ("ppp",)) == "<mark>PPP</mark> 项目"


def test_snippet_starts_near_the_first_match():
    text = "甲" * 500 + "营商环境" + "乙" * 500
    out = snippet(text, ("营商环境",), width=60, before=10)
    assert out.startswith("…" + "甲" * 10 + "<mark>营商环境</mark>")
    assert out.endswith("…")


def test_without_a_match_the_snippet_is_the_start_of_the_text():
    assert snippet("正文开头" + "字" * 200, ("标题词",), width=10) == "正文开头" + "字" * 6 + "…"


@given(st.text(max_size=80), st.lists(st.text(min_size=1, max_size=4), max_size=3))
def test_only_mark_tags_are_markup_and_the_text_survives(text, terms):
    terms = tuple(t.lower() for t in terms)
    out = str(highlight(text, terms))
    tags = re.findall(r"<[^>]*>", out)
    assert set(tags) <= {"<mark>", "</mark>"}
    assert html.unescape(re.sub(r"</?mark>", "", out)) == text
