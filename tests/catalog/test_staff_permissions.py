"""Each staff role allowed and denied on each staff page of the catalog."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from gongkai.agencies.models import Role
from gongkai.catalog import services
from gongkai.catalog.models import Attachment, Status
from tests.catalog.factories import DocumentFactory
from tests.catalog.test_attachments import PDF

pytestmark = pytest.mark.django_db

P, R, S, H, A = Role.PUBLISHER, Role.REVIEWER, Role.SUPERVISOR, Role.HANDLER, Role.ADMIN

# view name, HTTP method, status the document is in, roles allowed (in the document's agency;
# supervisors hold their role in the county above it)
TABLE = [
    ("staff_documents", "get", None, {P, R, S}),
    ("staff_document_create", "get", None, {P}),
    ("staff_review_queue", "get", None, {R}),
    ("staff_document", "get", Status.DRAFT, {P, R, S}),
    ("staff_document_edit", "get", Status.DRAFT, {P}),
    ("staff_document_submit", "post", Status.DRAFT, {P}),
    ("staff_document_approve", "post", Status.PENDING, {R}),
    ("staff_document_return", "get", Status.PENDING, {R}),
    ("staff_document_return", "post", Status.PENDING, {R}),
    ("staff_document_withdraw", "get", Status.PUBLISHED, {R}),
    ("staff_document_withdraw", "post", Status.PUBLISHED, {R}),
    ("staff_document_validity", "get", Status.PUBLISHED, {R}),
    ("staff_document_validity", "post", Status.PUBLISHED, {R}),
    ("staff_attachment_add", "post", Status.DRAFT, {P}),
    ("staff_attachment_remove", "post", Status.DRAFT, {P}),
]
ROLES = [P, R, S, H, A]
POST_DATA = {
    "staff_document_return": {"reason": "请补充政策依据"},
    "staff_document_withdraw": {"reason": "内容有误，需更正"},
    "staff_document_validity": {"validity": "repealed", "changed_on": "2025-06-30"},
}


def _target(view, document, drafter):
    if view == "staff_attachment_remove":
        attachment = services.attachment_add(
            document=document, actor=drafter, upload=SimpleUploadedFile("a.pdf", PDF)
        )
        return reverse(f"catalog:{view}", args=[attachment.pk])
    if document is None:
        return reverse(f"catalog:{view}")
    return reverse(f"catalog:{view}", args=[document.pk])


def _changed(view, document) -> bool:
    if document is None:
        return False
    before_status = document.status
    document.refresh_from_db()
    return {
        "staff_document_submit": document.status == Status.PENDING,
        "staff_document_approve": document.status == Status.PUBLISHED,
        "staff_document_return": document.status == Status.RETURNED,
        "staff_document_withdraw": document.status == Status.WITHDRAWN,
        "staff_document_validity": document.validity == "repealed",
        "staff_attachment_add": Attachment.objects.filter(document=document).exists(),
        "staff_attachment_remove": not Attachment.objects.filter(document=document).exists(),
    }.get(view, before_status != document.status)


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("view, method, status, allowed", TABLE, ids=[f"{t[0]}-{t[1]}" for t in TABLE])
def test_staff_pages_by_role(client, county, agency, make_staff, view, method, status, allowed, role):
    drafter = make_staff(agency, P, username="drafter")
    document = None
    if status is not None:
        document = DocumentFactory(agency=agency, status=status, created_by=drafter, submitted_by=drafter)
    url = _target(view, document, drafter)
    user = make_staff(county if role == S else agency, role)
    client.force_login(user)
    if method == "get":
        response = client.get(url)
    else:
        data = dict(POST_DATA.get(view, {}))
        if view == "staff_attachment_add":
            data["file"] = SimpleUploadedFile("公告.pdf", PDF)
        response = client.post(url, data)
    if role in allowed:
        assert response.status_code in (200, 302), response.status_code
        if method == "post":
            assert response.status_code == 302
            assert _changed(view, document) is True
    else:
        assert response.status_code == 403
        if method == "post":
            assert _changed(view, document) is False


@pytest.mark.parametrize("view, method, status, allowed", TABLE, ids=[f"{t[0]}-{t[1]}" for t in TABLE])
def test_staff_of_another_agency_are_refused(client, agency, other_agency, make_staff, view, method, status, allowed):
    drafter = make_staff(agency, P, username="drafter")
    document = DocumentFactory(agency=agency, status=status or Status.DRAFT, created_by=drafter)
    url = _target(view, document if status else None, drafter)
    client.force_login(make_staff(other_agency, P, R))
    response = client.get(url) if method == "get" else client.post(url, POST_DATA.get(view, {}))
    if status is None:
        return  # list pages: the other agency's staff see their own agency's list
    assert response.status_code == 403


@pytest.mark.parametrize("view, method, status, allowed", TABLE, ids=[f"{t[0]}-{t[1]}" for t in TABLE])
def test_anonymous_users_are_sent_to_login(client, agency, make_staff, view, method, status, allowed):
    drafter = make_staff(agency, P, username="drafter")
    document = DocumentFactory(agency=agency, status=status or Status.DRAFT, created_by=drafter)
    url = _target(view, document if status else None, drafter)
    response = client.get(url) if method == "get" else client.post(url, {})
    assert response.status_code == 302
    assert reverse("accounts:login") in response["Location"]


def test_the_staff_list_shows_only_the_users_agencies(client, agency, other_agency, make_staff):
    mine = DocumentFactory(agency=agency, title="本机构的草稿")
    theirs = DocumentFactory(agency=other_agency, title="别的机构的草稿")
    client.force_login(make_staff(agency, P))
    html = client.get(reverse("catalog:staff_documents")).content.decode()
    assert mine.title in html and theirs.title not in html


def test_a_supervisor_sees_the_subtree(client, county, agency, other_agency, make_staff):
    DocumentFactory(agency=agency, title="商务局草稿")
    DocumentFactory(agency=other_agency, title="财政局草稿")
    client.force_login(make_staff(county, S))
    html = client.get(reverse("catalog:staff_documents")).content.decode()
    assert "商务局草稿" in html and "财政局草稿" in html


def test_the_review_queue_lists_pending_documents_of_the_reviewers_agency(client, agency, other_agency, make_staff):
    DocumentFactory(agency=agency, status=Status.PENDING, title="待审核的通知")
    DocumentFactory(agency=agency, status=Status.DRAFT, title="还在起草的通知")
    DocumentFactory(agency=other_agency, status=Status.PENDING, title="别的机构待审核")
    client.force_login(make_staff(agency, R))
    html = client.get(reverse("catalog:staff_review_queue")).content.decode()
    assert "待审核的通知" in html
    assert "还在起草的通知" not in html and "别的机构待审核" not in html


def test_self_approval_through_the_page_is_refused_with_a_message(client, agency, make_staff):
    both = make_staff(agency, P, R)
    document = DocumentFactory(agency=agency, status=Status.PENDING, created_by=both, submitted_by=both)
    client.force_login(both)
    response = client.post(reverse("catalog:staff_document_approve", args=[document.pk]), follow=True)
    document.refresh_from_db()
    assert document.status == Status.PENDING
    assert "不能审核自己" in response.content.decode()


def test_a_renamed_executable_upload_is_refused_with_a_message(client, agency, publisher):
    from tests.catalog.test_attachments import EXE

    document = DocumentFactory(agency=agency, created_by=publisher)
    client.force_login(publisher)
    response = client.post(
        reverse("catalog:staff_attachment_add", args=[document.pk]),
        {"file": SimpleUploadedFile("通知.pdf", EXE)}, follow=True,
    )
    assert "不支持的文件类型" in response.content.decode()
    assert Attachment.objects.count() == 0


def test_drafting_through_the_form(client, agency, publisher):
    client.force_login(publisher)
    response = client.post(reverse("catalog:staff_document_create"), {
        "agency": agency.pk, "title": "西华县商务局关于开展2025年消费促进月活动的通知",
        "doc_number": "西商〔2025〕3号", "category": "", "topic": "commerce", "kind": "notice",
        "validity": "valid", "body": "<p>正文</p>",
    })
    assert response.status_code == 200  # no category chosen
    assert "category" in response.context["form"].errors
    from gongkai.catalog.models import Category, Document

    response = client.post(reverse("catalog:staff_document_create"), {
        "agency": agency.pk, "title": "西华县商务局关于开展2025年消费促进月活动的通知",
        "doc_number": "西商〔2025〕3号", "category": Category.objects.get(slug="other-statutory").pk,
        "topic": "commerce", "kind": "notice", "validity": "valid",
        "body": '<p onclick="x()">正文</p><script>alert(1)</script>',
    })
    document = Document.objects.get()
    assert response.status_code == 302 and response["Location"] == document.get_staff_url()
    assert document.created_by == publisher and document.status == Status.DRAFT
    assert document.body == "<p>正文</p>"


def test_the_form_refuses_a_repealed_document_without_a_date(client, agency, publisher):
    from gongkai.catalog.models import Category

    client.force_login(publisher)
    response = client.post(reverse("catalog:staff_document_create"), {
        "agency": agency.pk, "title": "旧办法", "category": Category.objects.get(slug="policies").pk,
        "topic": "general", "kind": "normative", "validity": "repealed", "body": "",
    })
    assert response.status_code == 200
    assert response.context["form"].errors["validity_changed_on"]
