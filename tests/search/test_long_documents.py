"""Long documents (past PostgreSQL's 16,383 tsvector positions, and stored in several rows of
the PostgreSQL index) are found exactly on both engines: every substring of two or more
characters finds them, and nothing they do not hold does."""

from __future__ import annotations

import datetime as dt
import random

import pytest
from django.db import connection, transaction
from django.utils.html import escape
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gongkai.search import backend, text
from gongkai.search.backends import base
from gongkai.search.text import normalize, parse_query
from tests.search.factories import PublishedDocumentFactory

pytestmark = pytest.mark.django_db
ALPHABET = "政府信息公开营商环境发展经济"


@pytest.fixture(autouse=True, params=["walk", "short walk", "index"])
def plan(request, monkeypatch):
    """PostgreSQL finds matches by walking the newest entries, by its gram index, or by a walk
    that falls short and hands over to the index: all three."""
    if request.param != "walk" and connection.vendor != "postgresql":
        pytest.skip("PostgreSQL's plans")
    if "walk" in request.param and connection.vendor == "postgresql":
        from gongkai.search.backends import postgresql

        if request.param == "short walk":
            # A planner promising far more matches than there are: a walk of two rows.
            monkeypatch.setattr(postgresql.PostgresBackend, "_estimated_share", lambda *a: 100.0)
            monkeypatch.setattr(postgresql, "WALK_LIMIT", {base.TITLE: 2, base.REST: 2})
        else:
            monkeypatch.setattr(postgresql.PostgresBackend, "_estimated_share", lambda *a: 1.0)
    if request.param == "index":
        if connection.vendor != "postgresql":
            pytest.skip("PostgreSQL's plans")
        from gongkai.search.backends import postgresql

        monkeypatch.setattr(postgresql, "DENSE_SHARE", {base.TITLE: 2.0, base.REST: 2.0})
    return request.param


def _document(agency, body: str, title: str = "长文档", day: int = 0):
    return PublishedDocumentFactory(
        agency=agency, title=title, doc_number="", body=f"<p>{escape(body)}</p>",
        published_on=dt.date(2020, 1, 1) + dt.timedelta(days=day),
    )


def _found(query: str) -> set[int]:
    return {hit.document.pk for hit in backend.search(query, page_size=100).hits}


def test_phrases_past_position_16383_are_found(agency):
    rng = random.Random(7)
    filler = "".join(rng.choice(ALPHABET) for _ in range(40_000))
    long = _document(agency, filler[:20_000] + "开头标记" + filler[20_000:] + "末尾的独有短语")
    other = _document(agency, filler[:30_000], day=1)
    assert _found("末尾的独有短语") == {long.pk}
    assert _found("开头标记") == {long.pk}
    assert _found("开头标记 末尾的独有短语") == {long.pk}  # two terms far apart
    tail = filler[39_990:40_000]
    assert _found(tail) == {long.pk} | ({other.pk} if tail in filler[:30_000] else set())
    # Clamped positions must not invent phrases: bigrams present, phrase absent.
    assert "独有末尾" not in filler and _found("独有末尾") == set()


def test_a_bigram_repeated_more_than_256_times_keeps_its_phrases(agency):
    document = _document(agency, "哈" * 2000 + "哈尾巴" + "测" * 900)
    _document(agency, "哈" * 50 + "尾巴")
    assert _found("哈" * 90 + "尾巴") == {document.pk}
    assert _found("哈尾巴测测") == {document.pk}
    assert _found("测" * 100) == {document.pk}
    assert _found("尾巴哈") == set()


def _check_substrings(agency, seed: int, documents: int, length: int, queries: int):
    rng = random.Random(seed)
    bodies = ["".join(rng.choice(ALPHABET) for _ in range(length)) for _ in range(documents)]
    made = [_document(agency, body, day=i) for i, body in enumerate(bodies)]
    for _ in range(queries):
        body = rng.choice(bodies)
        start = rng.randrange(len(body) - 10)
        query = body[start : start + rng.randint(2, 10)]
        if rng.random() < 0.3:  # a shuffled one: often in no document
            query = "".join(rng.sample(query, len(query)))
        if rng.random() < 0.2:  # two terms
            other = rng.choice(bodies)
            at = rng.randrange(len(other) - 5)
            query += " " + other[at : at + 4]
        parsed = parse_query(query)
        expected = {d.pk for d, b in zip(made, bodies, strict=True)
                    if all(t in normalize(b) for t in parsed.terms)}
        assert _found(query) == expected, query


def test_random_substrings_of_long_documents_match_a_scan(agency):
    _check_substrings(agency, seed=11, documents=3, length=25_000, queries=150)


def test_small_windows_match_a_scan(agency, monkeypatch):
    """The windows at a tiny scale (every document many rows, many lexemes at their limit):
    the row-by-row and the term-by-term matching of several rows agree with a scan."""
    monkeypatch.setattr(text, "MAX_POSITIONS", 30)
    monkeypatch.setattr(text, "MAX_OCCURRENCES", 4)
    _check_substrings(agency, seed=12, documents=6, length=300, queries=200)


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(bodies=st.lists(st.text(alphabet="营商环境发展 ", min_size=2, max_size=200),
                       min_size=1, max_size=4),
       query=st.text(alphabet="营商环境发展 ", min_size=2, max_size=12))
def test_any_query_on_many_row_documents_matches_a_scan(agency, monkeypatch, bodies, query):
    monkeypatch.setattr(text, "MAX_POSITIONS", 12)
    monkeypatch.setattr(text, "MAX_OCCURRENCES", 3)
    with transaction.atomic():
        made = [_document(agency, body, day=i) for i, body in enumerate(bodies)]
        parsed = parse_query(query)
        if parsed.terms and not parsed.title_only:
            expected = {d.pk for d, b in zip(made, bodies, strict=True)
                        if all(t in normalize(b) for t in parsed.terms)}
            assert _found(query) == expected
        transaction.set_rollback(True)
