"""Chinese substring semantics: any substring of two or more characters of a title or body
finds its document, and no result lacks the query (checked on the engine the suite runs on)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import transaction
from django.utils.html import escape
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gongkai.richtext import html_to_text
from gongkai.search import backend
from gongkai.search.text import normalize, parse_query
from tests.search.factories import PublishedDocumentFactory

# A small alphabet, so that random documents share many bigrams (the hard case for an index),
# with ASCII (both cases), punctuation that means something to FTS5 or SQL, and spaces.
ALPHABET = "政府信息公开营商环境的了是在不有发展经济关于通知年号〔〕《》，。、AbC1x2\"'()*-^: "
TEXT = st.text(alphabet=ALPHABET, min_size=2, max_size=60)
DOCUMENT = st.tuples(TEXT, TEXT)  # title, body

pytestmark = pytest.mark.django_db(transaction=False)


def _holds(document, terms) -> bool:
    fields = [normalize(document.title), normalize(document.doc_number),
              normalize(html_to_text(document.body))]
    return all(any(term in field for field in fields) for term in terms)


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(documents=st.lists(DOCUMENT, min_size=1, max_size=6), data=st.data())
def test_any_substring_finds_its_document_and_nothing_else(agency, documents, data):
    with transaction.atomic():
        made = [
            PublishedDocumentFactory(
                agency=agency, title=title, body=f"<p>{escape(body)}</p>", doc_number="",
                published_on=dt.date(2020, 1, 1) + dt.timedelta(days=i),
            )
            for i, (title, body) in enumerate(documents)
        ]
        source = data.draw(st.sampled_from(made))
        text = data.draw(st.sampled_from([source.title, html_to_text(source.body)]))
        start = data.draw(st.integers(0, max(0, len(text) - 2)))
        query = text[start : start + data.draw(st.integers(2, 8))]
        parsed = parse_query(query)
        page = backend.search(parsed, page_size=100)
        found = {hit.document.pk for hit in page.hits}
        expected = {d.pk for d in made if parsed.terms and _holds(d, parsed.terms)}
        if parsed.terms and not parsed.title_only:
            assert source.pk in expected  # the generator's own promise
        if not parsed.title_only:
            assert found == expected
        else:  # one-character terms: titles and 文号 only
            assert found == {d.pk for d in made if all(t in normalize(d.title) for t in parsed.terms)}
        assert page.count == len(found)
        transaction.set_rollback(True)


def test_two_character_queries_find_documents(publish):
    document = publish(title="年度预算执行情况", body="<p>县财政局负责编制</p>")
    assert [h.document for h in backend.search("预算").hits] == [document]
    assert [h.document for h in backend.search("财政").hits] == [document]


def test_a_phrase_does_not_match_words_apart(publish):
    publish(title="营商 环境", body="<p>营商和环境</p>")
    assert backend.search("营商环境").count == 0


def test_doc_number_finds_the_document(publish):
    document = publish(title="通知", doc_number="西政〔2021〕3号")
    assert [h.document for h in backend.search("西政〔2021〕3号").hits] == [document]
    assert [h.document for h in backend.search("〔2021〕3").hits] == [document]
    assert backend.search("〔2021〕4").count == 0


def test_latin_letters_match_regardless_of_case(publish):
    document = publish(title="关于PPP项目的通知", body="<p>采用 ppp 模式</p>")
    assert [h.document for h in backend.search("Ppp").hits] == [document]


def test_one_character_searches_titles_and_doc_numbers(publish):
    in_title = publish(title="税收征管", body="<p>无关</p>")
    publish(title="无关", body="<p>税收</p>")
    page = backend.search("税")
    assert [h.document for h in page.hits] == [in_title]
    assert page.query.title_only is True
