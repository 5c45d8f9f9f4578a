"""The pure half: how text becomes tokens and a query becomes terms."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from gongkai.search.text import (
    MAX_QUERY_LENGTH,
    QueryProblem,
    bigram_document,
    fts_match_all,
    fts_match_title,
    normalize,
    parse_query,
    run_tokens,
    tsquery_all,
)

ANY_TEXT = st.text(max_size=60)


def test_normalize_lowers_and_collapses_whitespace():
    assert normalize("  PPP\u3000项目\n\t合同 ") == "ppp 项目 合同"


def test_a_term_is_the_phrase_of_its_bigrams():
    assert run_tokens("营商环境") == ["营商", "商环", "环境"]
    assert fts_match_all(("营商环境",)) == '"营商 商环 环境"'


def test_runs_are_kept_apart_so_a_phrase_never_spans_a_space():
    tokens = bigram_document("xab bcy").split()
    assert tokens == ["xa", "ab", "sep", "bc", "cy"]


def test_one_character_terms_are_dropped_beside_longer_ones():
    parsed = parse_query("税 营商环境 营商环境")
    assert parsed.terms == ("营商环境",)
    assert parsed.ignored == ("税",)
    assert parsed.title_only is False


def test_a_query_of_single_characters_searches_titles_only():
    parsed = parse_query("税 费")
    assert parsed.terms == ("税", "费")
    assert parsed.title_only is True
    assert fts_match_title(parsed.terms).startswith("title1 : (")


def test_too_long_and_too_many_terms_are_problems_not_errors():
    assert parse_query("长" * (MAX_QUERY_LENGTH + 1)).problem == QueryProblem.TOO_LONG
    assert parse_query(" ".join(f"词{i}" for i in range(9))).problem == QueryProblem.TOO_MANY_TERMS


def test_empty_query_has_no_terms():
    assert parse_query("   ").is_empty is True


def _phrase_bodies(expression: str) -> list[str]:
    """The contents of the double-quoted phrases of an FTS5 expression."""
    return expression.split('"')[1::2]


@given(ANY_TEXT)
def test_query_text_never_reaches_fts5_syntax_outside_quoted_phrases(raw):
    parsed = parse_query(raw)
    if not parsed.terms:
        return
    for expression in (fts_match_title(parsed.terms), fts_match_all(parsed.terms)):
        assert expression.count('"') % 2 == 0
        for phrase in _phrase_bodies(expression):
            # Inside a phrase only token characters and the spaces between tokens.
            assert all(c == " " or c.isalnum() or ord(c) > 127 for c in phrase)
        outside = "".join(expression.split('"')[0::2])
        assert set(outside) <= set("{}:() ANDOTtitle1docn")


@given(ANY_TEXT)
def test_tsquery_lexemes_are_quoted(raw):
    parsed = parse_query(raw)
    if not parsed.terms:
        return
    for part in tsquery_all(parsed.terms).split(" & "):
        assert part.startswith("'") and part.endswith("'")
        assert "'" not in part[1:-1].replace("''", "")


@given(st.text(min_size=2, max_size=40), st.data())
def test_every_substring_is_a_phrase_of_the_text(text, data):
    """The index property: the bigrams of any substring occur consecutively in the text's."""
    runs = normalize(text).split()
    if not runs or max(len(r) for r in runs) < 2:
        return
    run = data.draw(st.sampled_from([r for r in runs if len(r) >= 2]))
    start = data.draw(st.integers(0, len(run) - 2))
    end = data.draw(st.integers(start + 2, len(run)))
    phrase = run_tokens(run[start:end])
    stream = bigram_document(text).split()
    assert any(stream[i : i + len(phrase)] == phrase for i in range(len(stream)))
