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
    fts_trigram_phrase,
    gram_set,
    normalize,
    parse_query,
    position_windows,
    run_tokens,
    term_grams,
    token_stream,
    trigram_document,
    tsquery_grams,
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
    for term in parsed.terms:
        query = tsquery_grams(term_grams(term)[0])
        assert query.startswith("(") and query.endswith(")")
        for part in query[1:-1].split(" & "):
            assert part.startswith("'") and part.endswith("'")
            assert "'" not in part[1:-1].replace("''", "")


def test_the_grams_are_bigrams_and_trigrams_within_runs():
    tokens = token_stream("营商环境", "a 西政")
    assert tokens == ["营商", "商环", "环境", "sep", "a", "sep", "西政"]
    assert gram_set(tokens) == {"营商", "商环", "环境", "西政", "营商环", "商环境"}
    assert term_grams("营商") == (["营商"], True)
    assert term_grams("营商环") == (["营商环"], True)
    assert term_grams("营商环境") == (["商环境", "营商环"], False)


@given(st.text(alphabet="营商环境 ab", max_size=30), st.data())
def test_every_short_substring_is_a_gram_and_every_gram_a_substring(text, data):
    grams = gram_set(token_stream(text))
    runs = [r for r in normalize(text).split() if len(r) >= 2]
    for gram in grams:
        assert any(gram in run for run in runs)
    if runs:
        run = data.draw(st.sampled_from(runs))
        start = data.draw(st.integers(0, len(run) - 2))
        length = data.draw(st.integers(2, 3))
        if start + length <= len(run):
            assert run[start : start + length] in grams


@given(
    st.lists(st.sampled_from(["甲乙", "乙丙", "丙丁", "sep"]), max_size=400),
    st.integers(5, 60), st.integers(2, 6), st.integers(0, 4),
)
def test_position_windows_keep_every_phrase_whole_within_the_limits(
    tokens, max_positions, max_occurrences, overlap
):
    """Every run of at most overlap + 1 consecutive tokens lies inside one window, and no
    window exceeds the position or occurrence limits (a tsvector's 16,383 and 256)."""
    windows = position_windows(tokens, max_positions, max_occurrences, overlap)
    assert windows[0][0] == 0 and windows[-1][1] == len(tokens)
    for start, end in windows:
        window = tokens[start:end]
        assert len(window) <= max_positions
        assert all(window.count(t) <= max_occurrences for t in set(window))
    for length in range(1, min(overlap + 1, max_occurrences) + 1):
        for i in range(len(tokens) - length + 1):
            assert any(s <= i and i + length <= e for s, e in windows), (i, length)


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


@given(st.text(min_size=3, max_size=40), st.data())
def test_every_substring_of_three_is_a_phrase_of_the_trigrams_and_none_spans_a_space(text, data):
    """The trigram index's property: a string of three or more characters is a substring of
    the text exactly when its trigrams stand consecutively in the text's trigram document."""
    runs = normalize(text).split()
    stream = trigram_document(text).split()
    if runs and max(len(r) for r in runs) >= 3:
        run = data.draw(st.sampled_from([r for r in runs if len(r) >= 3]))
        start = data.draw(st.integers(0, len(run) - 3))
        end = data.draw(st.integers(start + 3, len(run)))
        phrase = fts_trigram_phrase(run[start:end]).strip('"').split()
        assert any(stream[i : i + len(phrase)] == phrase for i in range(len(stream)))
    # Consecutive trigrams overlap by two characters: none joins two runs (a separator does).
    assert all(len(token) in (3, 4) for token in stream)
    for i in range(len(stream) - 1):
        a, b = stream[i], stream[i + 1]
        if len(a) == len(b) == 3:
            assert a[1:] == b[:2]
