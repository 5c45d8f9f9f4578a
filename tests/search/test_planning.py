"""Token frequencies and the SQLite query plan for rare phrases of common bigrams.

On SQLite the counts follow every write of the index (publish, edit, withdraw, delete, rebuild)
and equal a recount from FTS5's own vocabulary; PostgreSQL neither keeps nor reads them. On SQLite, a term with common bigrams and at least two
rare ones is searched by its rare bigrams NEAR each other and checked against the text: the
results are exactly the documents holding the term, as with the phrase.
"""

from __future__ import annotations

import datetime as dt
import sqlite3

import pytest
from django.db import connection
from hypothesis import given, settings
from hypothesis import strategies as st

from gongkai.catalog.models import Document
from gongkai.search import backend, frequencies
from gongkai.search.backends import sqlite as sqlite_backend
from gongkai.search.models import TokenFrequency
from gongkai.search.text import bigram_document, fts_near, fts_phrase, run_tokens

sqlite_only = pytest.mark.skipif(connection.vendor != "sqlite", reason="the plan is SQLite's")


def _counts() -> dict[str, int]:
    return {t.token: t.documents for t in TokenFrequency.objects.all() if t.documents}


def _recount() -> dict[str, int]:
    frequencies.refresh()
    return _counts()


# --- the counts ---------------------------------------------------------------------------------

@sqlite_only
@pytest.mark.django_db
def test_the_counts_follow_publish_edit_withdraw_and_delete_and_equal_a_recount(publish):
    first = publish(title="营商环境", body="<p>优化营商环境</p>")
    second = publish(title="乡村振兴", body="<p>营商环境与乡村振兴</p>")
    counts = _counts()
    assert counts[frequencies.ENTRIES] == 2
    assert counts["营商"] == 2 and counts["振兴"] == 1
    second.title, second.body = "防汛抗旱", "<p>防汛</p>"
    second.save()
    assert _counts()["营商"] == 1 and "振兴" not in _counts()
    first.status = "withdrawn"
    first.save()
    assert "营商" not in _counts()
    second.delete()
    assert _counts() == {}
    publish(title="再次发布营商环境", body="<p>正文</p>")
    counts = _counts()
    assert counts == _recount()
    assert counts[frequencies.ENTRIES] == 1


@sqlite_only
@pytest.mark.django_db
def test_a_rebuild_counts_every_published_document(publish):
    for n in range(3):
        publish(title=f"通知{n}", body="<p>高标准农田建设</p>")
    TokenFrequency.objects.all().delete()
    assert backend.rebuild() == 3
    counts = _counts()
    assert counts[frequencies.ENTRIES] == 3 and counts["农田"] == 3
    assert counts == _recount()


# --- the plan -------------------------------------------------------------------------------------

COMMON = {"机制": 900, "发展": 950, "统筹": 900, "筹推": 900, "推进": 950}


def test_a_term_of_common_bigrams_with_two_rare_ones_is_searched_by_the_rare_ones():
    documents = COMMON | {"制发": 90, "展统": 30}
    expression, check = sqlite_backend.plan_term("机制发展统筹推进", documents, entries=1000)
    assert check
    # 展统 (offset 3) and 制发 (offset 1): one bigram between them.
    assert expression == 'NEAR("制发" "展统", 1)'


def test_a_term_with_one_rare_bigram_or_none_common_stays_a_phrase():
    one_rare = COMMON | {"制发": 900, "展统": 30}
    assert sqlite_backend.plan_term("机制发展统筹推进", one_rare, 1000) == (
        fts_phrase("机制发展统筹推进"), False)
    all_rare = {token: 5 for token in run_tokens("机制发展统筹推进")}
    assert sqlite_backend.plan_term("机制发展统筹推进", all_rare, 1000)[1] is False
    assert sqlite_backend.plan_term("发展", COMMON, 1000) == (fts_phrase("发展"), False)


def test_at_most_six_anchors_the_rarest():
    term = "甲乙丙丁戊己庚辛壬癸"
    documents = dict.fromkeys(run_tokens(term), 50) | {
        "甲乙": 900, "丙丁": 1, "庚辛": 2, "乙丙": 3, "戊己": 4, "辛壬": 5, "壬癸": 6,
    }
    expression, check = sqlite_backend.plan_term(term, documents, 1000)
    assert check
    # 丁戊 and 己庚 (50 each) are left out; the span is 乙丙 (offset 1) to 壬癸 (offset 8).
    assert expression == 'NEAR("乙丙" "丙丁" "戊己" "庚辛" "辛壬" "壬癸", 6)'


TERM_CHARS = "政府信息公开营商环境发展经济关于通知年号"


@settings(max_examples=200, deadline=None)
@given(
    before=st.text(alphabet=TERM_CHARS + " ", max_size=20),
    term=st.text(alphabet=TERM_CHARS, min_size=3, max_size=10),
    after=st.text(alphabet=TERM_CHARS + " ", max_size=20),
    data=st.data(),
)
def test_every_text_holding_the_term_matches_its_near_expression(before, term, after, data):
    """The NEAR expression is a superset of the phrase, whatever bigrams are chosen."""
    tokens = run_tokens(term)
    distinct = {}
    for offset, token in enumerate(tokens):
        distinct.setdefault(token, offset)
    chosen = data.draw(st.lists(st.sampled_from(sorted(distinct.values())), min_size=1,
                                max_size=3, unique=True))
    db = sqlite3.connect(":memory:")
    db.execute("CREATE VIRTUAL TABLE t USING fts5(body, tokenize='ascii', content='')")
    db.execute("INSERT INTO t (rowid, body) VALUES (1, ?)", [bigram_document(before + term + after)])
    found = db.execute("SELECT rowid FROM t(?)", [fts_near(term, chosen)]).fetchall()
    assert found == [(1,)]


@pytest.mark.skipif(connection.vendor == "sqlite", reason="PostgreSQL's side")
@pytest.mark.django_db
def test_postgresql_keeps_no_counts(publish):
    publish(title="营商环境", body="<p>优化营商环境</p>")
    assert not TokenFrequency.objects.exists()
    assert [hit.document.title for hit in backend.search("营商环境").hits] == ["营商环境"]


# --- the plan on real rows ------------------------------------------------------------------------

def _publish_common_bigrams(publish, count: int) -> None:
    """Documents that make 机制, 发展, 统筹, 筹推 and 推进 common, and 制发, 展统 rare."""
    for day in range(1, count + 1):
        publish(title=f"工作动态{day}", body="<p>体制机制完善，经济发展良好，统筹推进各项工作。</p>",
                published_on=dt.date(2024, 1, day))


@sqlite_only
@pytest.mark.django_db
def test_a_rare_phrase_of_common_bigrams_finds_exactly_its_documents(publish, monkeypatch):
    _publish_common_bigrams(publish, 20)
    holder = publish(title="通知甲", body="<p>健全机制发展统筹推进有关工作</p>",
                     published_on=dt.date(2023, 5, 1))
    # The rare bigrams as near as in the term but the other way round (展统 统制 制发): a
    # candidate of the NEAR expression that the text check drops.
    decoy = publish(title="通知乙", body="<p>机制发展，统筹推进；发展统制发言</p>",
                    published_on=dt.date(2023, 6, 1))
    match, checked = sqlite_backend.plan_terms(("机制发展统筹推进",))
    assert checked == ("机制发展统筹推进",)
    assert match.startswith("NEAR(")
    page = backend.search("机制发展统筹推进")
    assert [hit.document for hit in page.hits] == [holder]
    assert page.count == 1
    assert decoy.pk not in [hit.document.pk for hit in page.hits]
    # The same answer as the phrase alone.
    monkeypatch.setattr(sqlite_backend, "RARE_SHARE", 0)
    assert sqlite_backend.plan_terms(("机制发展统筹推进",))[1] == ()
    assert [hit.document for hit in backend.search("机制发展统筹推进").hits] == [holder]


@sqlite_only
@pytest.mark.django_db
def test_the_checked_plan_keeps_filters_ranking_and_other_terms(publish):
    _publish_common_bigrams(publish, 10)
    older = publish(title="通知丙", body="<p>机制发展统筹推进 乡村振兴</p>",
                    published_on=dt.date(2022, 1, 1))
    newer = publish(title="通知丁", body="<p>机制发展统筹推进</p><p>乡村振兴</p>",
                    published_on=dt.date(2023, 1, 1))
    publish(title="通知戊", body="<p>机制发展统筹推进</p>", published_on=dt.date(2023, 2, 1))
    titled = publish(title="乡村振兴：机制发展统筹推进", body="<p>正文</p>",
                     published_on=dt.date(2021, 1, 1))
    page = backend.search("机制发展统筹推进 乡村振兴")
    assert [hit.document for hit in page.hits] == [titled, newer, older]
    scoped = backend.search("机制发展统筹推进 乡村振兴",
                            queryset=Document.objects.filter(published_on__year=2022))
    assert [hit.document for hit in scoped.hits] == [older]
