"""《条例》第四十四条: requests for the same information from several applicants are proposed for
proactive disclosure; staff link them (or confirm a suggestion), dismiss a proposal with a reason
or turn it into a catalog draft that the catalog's own review publishes; then the log entries and
the proposal link to the published document."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from gongkai.agencies.models import Role
from gongkai.applications import services, similarity
from gongkai.applications.models import ProposalStatus, SameInformation, SameInformationMember
from gongkai.audit.models import AuditEntry
from gongkai.catalog import services as catalog
from gongkai.catalog.models import Category, Document
from gongkai.catalog.models import Status as DocumentStatus

from .factories import make_application, resident_id
from .test_redaction import KEPT, make_pdf

D = dt.date
TITLE = "2021年度商贸流通专项资金分配结果"


def closed(agency, handler, *, n: int, title: str = TITLE, outcome: str = "disclosed",
           document_number: str = ""):
    """A request of applicant number `n` (the same n is the same person), answered."""
    application = make_application(agency, received_on=D(2021, 9, 1) + dt.timedelta(days=n),
                                   id_number=resident_id(500 + n), title=title,
                                   document_number=document_number)
    services.application_assign(application=application, handler=handler, actor=handler)
    services.application_close(application=application, actor=handler, outcome=outcome,
                               on=D(2021, 10, 20), reply_text="予以公开。")
    application.refresh_from_db()
    return application


@pytest.fixture
def reviewer(agency, make_staff):
    return make_staff(agency, Role.REVIEWER, username="reviewer")


@pytest.fixture
def three(agency, handler, travel):
    travel(D(2021, 11, 1))
    return [closed(agency, handler, n=n, title=title) for n, title in enumerate(
        (TITLE, "申请公开2021年度商贸流通专项资金的分配结果", "关于2021年度商贸流通专项资金分配结果的信息"))]


def _link_on_page(client, application, other):
    return client.post(reverse("applications:same_information_link", kwargs={"pk": application.pk}),
                       {"reference": other.reference})


# --- the suggestion: explainable, pure ------------------------------------------------------

def test_suggestions_say_why():
    pairs = similarity.suggestions([
        similarity.Candidate(1, TITLE),
        similarity.Candidate(2, "申请公开2021年度商贸流通专项资金的分配结果"),
        similarity.Candidate(3, "县城道路养护计划"),
        similarity.Candidate(4, "某通知", "西商〔2021〕12号"),
        similarity.Candidate(5, "另一个名称", "西商[2021] 12号"),
        similarity.Candidate(6, "2022年度商贸流通专项资金分配结果"),  # another year: not the same
    ])
    assert [(p.a, p.b) for p in pairs] == [(1, 2), (4, 5)]
    assert pairs[0].reason.startswith("名称相近：重合 ") and pairs[1].reason == "文号相同：西商〔2021〕12号"
    assert similarity.clusters([1, 2, 3], pairs) == [([1, 2], [pairs[0].reason])]


# --- linking ---------------------------------------------------------------------------------

def test_three_applicants_linked_on_the_request_page_make_a_proposal(client, handler, three):
    first, second, third = three
    client.force_login(handler)
    page = client.get(first.get_absolute_url()).content.decode()
    # The other two are suggested on the first one's page, each with its reason.
    assert second.reference in page and third.reference in page and "名称相近" in page
    _link_on_page(client, first, second)
    group = SameInformation.objects.get()
    proposals = client.get(reverse("applications:proposals")).content.decode()
    assert "暂无待处理的建议" in proposals  # two applicants: collecting, not yet a proposal
    _link_on_page(client, third, first)
    assert set(group.members.values_list("application_id", flat=True)) == {a.pk for a in three}
    proposals = client.get(reverse("applications:proposals")).content.decode()
    assert f"proposal-{group.pk}" in proposals and "暂无待处理的建议" not in proposals
    assert reverse("applications:proposal_dismiss", kwargs={"pk": group.pk}) in proposals
    links = AuditEntry.objects.filter(action="applications.same_information_link")
    assert links.count() == 3


def test_the_same_applicant_twice_counts_once(agency, handler, travel, settings):
    travel(D(2021, 11, 1))
    requests = [closed(agency, handler, n=n) for n in (1, 1, 2)]
    group = services.same_information_link(applications=requests, actor=handler)
    with pytest.raises(ValidationError) as exc:
        services.proposal_dismiss(group=group, actor=handler, reason="不属于公众关注事项")
    assert exc.value.code == "below_threshold"
    settings.GONGKAI_ART44_APPLICANTS = 2  # the threshold is a setting
    assert services.proposal_dismiss(group=group, actor=handler,
                                     reason="不属于公众关注事项").status == ProposalStatus.DISMISSED


def test_only_disclosed_requests_of_one_agency_are_linked(agency, other_agency, handler, travel,
                                                          make_staff):
    travel(D(2021, 11, 1))
    mine = closed(agency, handler, n=1)
    refused = closed(agency, handler, n=2, outcome="withheld_secret")
    with pytest.raises(ValidationError) as exc:
        services.same_information_link(applications=[mine, refused], actor=handler)
    assert exc.value.code == "not_disclosed"
    elsewhere_handler = make_staff(other_agency, Role.HANDLER, username="h2")
    elsewhere = closed(other_agency, elsewhere_handler, n=3)
    with pytest.raises(ValidationError) as exc:
        services.same_information_link(applications=[mine, elsewhere], actor=handler)
    assert exc.value.code == "different_agencies"
    with pytest.raises(PermissionDenied):
        services.same_information_link(applications=[mine, closed(agency, handler, n=4)],
                                       actor=elsewhere_handler)
    assert not SameInformation.objects.exists()


def test_two_open_groups_merge_and_a_request_can_be_taken_out(agency, handler, travel):
    travel(D(2021, 11, 1))
    a, b, c, d = (closed(agency, handler, n=n) for n in range(4))
    first = services.same_information_link(applications=[a, b], actor=handler)
    services.same_information_link(applications=[c, d], actor=handler)
    merged = services.same_information_link(applications=[b, c], actor=handler)
    assert merged.pk == first.pk and SameInformation.objects.count() == 1
    assert merged.members.count() == 4
    services.same_information_unlink(application=d, actor=handler)
    assert not SameInformationMember.objects.filter(application=d).exists()


def test_a_suggested_group_is_confirmed_from_the_proposals_page(client, handler, three):
    client.force_login(handler)
    page = client.get(reverse("applications:proposals")).content.decode()
    assert "确认为同一信息" in page and all(a.reference in page for a in three)
    client.post(reverse("applications:same_information_confirm"), {
        "applications": ",".join(str(a.pk) for a in three), "basis": "确认建议：名称相近"})
    group = SameInformation.objects.get()
    assert group.members.count() == 3
    assert set(group.members.values_list("basis", flat=True)) == {"确认建议：名称相近"}
    # Once linked, it is no longer suggested.
    assert "确认为同一信息" not in client.get(reverse("applications:proposals")).content.decode()


# --- deciding: dismiss with a reason, or draft through the catalog ----------------------------

def test_dismissing_needs_a_reason_and_is_audited(client, handler, three):
    group = services.same_information_link(applications=three, actor=handler)
    client.force_login(handler)
    url = reverse("applications:proposal_dismiss", kwargs={"pk": group.pk})
    response = client.post(url, {"reason": "  "})
    assert response.status_code == 200 and response.context["form"].errors["reason"]
    group.refresh_from_db()
    assert group.status == ProposalStatus.OPEN
    client.post(url, {"reason": "涉及申请人各自的补贴核定，不属于需要公众广泛知晓的信息"})
    group.refresh_from_db()
    assert group.status == ProposalStatus.DISMISSED and group.decided_by == handler
    entry = AuditEntry.objects.get(action="applications.proposal_dismiss")
    assert entry.reason.startswith("涉及申请人各自")
    page = client.get(reverse("applications:proposals")).content.decode()
    assert "涉及申请人各自的补贴核定" in page


def test_a_proposal_becomes_a_catalog_draft_reviewed_as_any_other(
        client, agency, handler, publisher, reviewer, three):
    first = three[0]
    services.application_attach_file(application=first, actor=handler, name="分配表.pdf",
                                     data=make_pdf([f"{KEPT}。"]))
    reply_file = first.files.get()
    publication = services.published_request_publish(
        application=first, actor=handler, question="申请公开2021年度商贸流通专项资金分配结果",
        reply="分配结果附后。", files=[reply_file])
    group = services.same_information_link(applications=three, actor=handler)
    url = reverse("applications:proposal_draft", kwargs={"pk": group.pk})
    client.force_login(handler)
    assert client.get(url).status_code == 403  # only the 信息发布员 drafts in the catalog
    client.force_login(publisher)
    form = client.get(url)
    assert form.status_code == 200 and "分配表.pdf" in form.content.decode()
    category = Category.objects.filter(is_active=True).first()
    response = client.post(url, {"title": "2021年度商贸流通专项资金分配结果", "category": category.pk,
                                 "summary": "多人申请的信息，转为主动公开。", "body": "分配结果见附件。",
                                 "file_ids": [reply_file.pk]})
    document = Document.objects.get(title="2021年度商贸流通专项资金分配结果")
    assert response["Location"] == document.get_staff_url()
    assert document.status == DocumentStatus.DRAFT and document.created_by == publisher
    assert [a.original_name for a in document.attachments.all()] == ["分配表.pdf"]
    group.refresh_from_db()
    assert group.status == ProposalStatus.DRAFTED and group.document == document
    assert AuditEntry.objects.filter(action="applications.proposal_draft").count() == 1
    # Not yet published: the log does not say 已转为主动公开.
    assert "已转为主动公开" not in client.get(publication.get_absolute_url()).content.decode()
    # The catalog's review publishes it; a drafter cannot approve their own document.
    catalog.document_submit(document=document, actor=publisher)
    with pytest.raises(PermissionDenied):
        catalog.document_approve(document=document, actor=publisher)
    catalog.document_approve(document=document, actor=reviewer)
    document.refresh_from_db()
    log_page = client.get(publication.get_absolute_url()).content.decode()
    assert "已转为主动公开" in log_page and document.get_absolute_url() in log_page
    assert document.index_no in log_page
    client.force_login(handler)
    proposals = client.get(reverse("applications:proposals")).content.decode()
    assert "已转为主动公开" in proposals and document.get_absolute_url() in proposals
    with pytest.raises(ValidationError) as exc:
        services.proposal_dismiss(group=group, actor=handler, reason="晚了")
    assert exc.value.code == "already_decided"


def test_supervisors_see_counts_not_requests(client, handler, supervisor, three, other_handler):
    group = services.same_information_link(applications=three, actor=handler)
    client.force_login(supervisor)
    page = client.get(reverse("applications:proposals")).content.decode()
    assert 'id="proposal-counts"' in page and three[0].agency.name in page
    assert three[0].reference not in page and "资金分配" not in page
    assert client.get(reverse("applications:proposal_dismiss",
                              kwargs={"pk": group.pk})).status_code == 403
    client.force_login(other_handler)
    page = client.get(reverse("applications:proposals")).content.decode()
    assert three[0].reference not in page and f"proposal-{group.pk}" not in page
