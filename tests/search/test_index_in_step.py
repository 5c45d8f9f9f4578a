"""The index follows the catalog: publish, edit, withdraw, delete; only published is found."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection, transaction

from gongkai.agencies.models import Role
from gongkai.catalog import services
from gongkai.catalog.models import Category, Document, Status
from gongkai.search import backend
from gongkai.search.models import SearchEntry

pytestmark = pytest.mark.django_db


@pytest.fixture
def publisher(agency, make_staff):
    return make_staff(agency, Role.PUBLISHER)


@pytest.fixture
def reviewer(agency, make_staff):
    return make_staff(agency, Role.REVIEWER)


@pytest.fixture
def draft(agency, publisher):
    return services.document_create(
        agency=agency, actor=publisher,
        data={
            "title": "关于印发《西华县促进消费实施方案》的通知",
            "doc_number": "西商〔2024〕12号",
            "category": Category.objects.get(slug="policies"),
            "kind": "normative", "topic": "commerce",
            "body": "<p>现将方案印发给你们，请认真贯彻执行。</p>",
        },
    )


def _publish(document, publisher, reviewer):
    document = services.document_submit(document=document, actor=publisher)
    return services.document_approve(document=document, actor=reviewer)


def _found(query):
    return [hit.document.pk for hit in backend.search(query).hits]


def test_a_draft_is_not_searchable(draft):
    assert _found("促进消费") == []
    assert not SearchEntry.objects.filter(document_id=draft.pk).exists()


def test_a_document_is_found_once_published(draft, publisher, reviewer):
    _publish(draft, publisher, reviewer)
    assert _found("促进消费") == [draft.pk]
    assert _found("贯彻执行") == [draft.pk]


def test_a_withdrawn_document_is_no_longer_found(draft, publisher, reviewer):
    document = _publish(draft, publisher, reviewer)
    services.document_withdraw(document=document, actor=reviewer, reason="内容需要更新")
    assert _found("促进消费") == []


def test_an_edit_replaces_the_old_text(draft, publisher, reviewer):
    document = _publish(draft, publisher, reviewer)
    document = services.document_withdraw(document=document, actor=reviewer, reason="修改正文")
    services.document_update(
        document=document, actor=publisher, data={"body": "<p>新增家电以旧换新补贴。</p>"}
    )
    assert _found("以旧换新") == []  # withdrawn while edited
    _publish(Document.objects.get(pk=document.pk), publisher, reviewer)
    assert _found("以旧换新") == [document.pk]
    assert _found("贯彻执行") == []


def test_a_saved_edit_of_a_published_document_is_reindexed(publish):
    document = publish(title="原来的标题", body="<p>原来的正文</p>")
    document.title = "改过的标题"
    document.save()
    assert _found("原来的标题") == []
    assert _found("改过的标题") == [document.pk]


def test_a_deleted_document_leaves_the_index(publish):
    document = publish(title="将被删除的信息")
    pk = document.pk
    document.delete()
    assert _found("被删除") == []
    assert not SearchEntry.objects.filter(document_id=pk).exists()


def test_a_rolled_back_publication_leaves_no_entry(publish):
    with pytest.raises(RuntimeError), transaction.atomic():
        publish(title="回滚的发布")
        raise RuntimeError
    assert _found("回滚的发布") == []
    assert SearchEntry.objects.count() == 0


def test_a_document_changed_behind_the_index_is_not_shown(publish):
    """Even if a bulk update skips the signals, a withdrawn document is filtered out."""
    document = publish(title="绕过信号撤回")
    Document.objects.filter(pk=document.pk).update(status=Status.WITHDRAWN)
    assert _found("绕过信号") == []


def test_reindex_command_indexes_documents_saved_without_signals(publish, agency):
    document = publish(title="批量导入的信息")
    Document.objects.bulk_create([
        Document(agency=agency, title="没有经过信号的信息", category=document.category,
                 status=Status.PUBLISHED, published_on=document.published_on)
    ])
    assert _found("没有经过信号") == []
    call_command("search_reindex", stdout=StringIO())
    assert len(_found("没有经过信号")) == 1
    assert _found("批量导入") == [document.pk]


def test_reindex_command_can_update_named_documents(publish, agency):
    document = publish(title="单独更新的信息")
    Document.objects.filter(pk=document.pk).update(title="单独改名的信息")
    call_command("search_reindex", "--documents", str(document.pk), stdout=StringIO())
    assert _found("改名") == [document.pk]



@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's heap order")
def test_the_entries_are_rewritten_in_sort_order_on_postgresql(agency):
    """The walk reads the newest entries: after `order_entries` (which the rebuild runs), entries
    written in another order lie in the heap in sort-key order (consecutive pages, not one page
    a row)."""
    import datetime as dt

    from gongkai.search.backends.base import EntryRow
    from gongkai.search.backends.postgresql import PostgresBackend, order_entries

    rows = [EntryRow.from_values(n, f"标题{n}", "", "<p>正文</p>",
                                 dt.date(2020, 1, 1) + dt.timedelta(days))
            for n, days in enumerate((30, 5, 400, 90, 1, 250), start=1)]
    PostgresBackend().insert_rows(rows)

    def heap_order():
        with connection.cursor() as cursor:
            cursor.execute("SELECT sort_key FROM search_searchentry ORDER BY ctid")
            return [row[0] for row in cursor.fetchall()]

    assert heap_order() != sorted(heap_order())
    with connection.cursor() as cursor:
        order_entries(cursor)
    assert len(heap_order()) == 6 and heap_order() == sorted(heap_order())
