"""The review workflow: 草稿 → 待审核 → 已发布, 退回 with a reason, 撤回 with a reason."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from gongkai.agencies.models import Role
from gongkai.audit.models import AuditEntry
from gongkai.catalog import services
from gongkai.catalog.models import Status, Validity
from gongkai.catalog.workflow import TRANSITIONS, can_transition
from tests.catalog.factories import DocumentFactory

pytestmark = pytest.mark.django_db


def _pending(agency, publisher, draft_data):
    document = services.document_create(agency=agency, actor=publisher, data=draft_data)
    return services.document_submit(document=document, actor=publisher)


def test_a_document_goes_from_draft_to_published(agency, publisher, reviewer, draft_data):
    document = services.document_create(agency=agency, actor=publisher, data=draft_data)
    assert document.status == Status.DRAFT
    assert document.index_no == ""
    services.document_submit(document=document, actor=publisher)
    document = services.document_approve(document=document, actor=reviewer)
    assert document.status == Status.PUBLISHED
    assert document.index_no == f"{agency.code}/{document.published_on.year}-00001"
    assert document.published_at is not None
    assert document.reviewed_by == reviewer


def test_approval_sets_todays_publication_date_when_blank(agency, publisher, reviewer, draft_data):
    document = services.document_approve(
        document=_pending(agency, publisher, draft_data), actor=reviewer
    )
    assert document.published_on is not None
    assert document.index_no.endswith(f"/{document.published_on.year}-00001")


def test_the_index_number_uses_the_year_of_the_publication_date(agency, publisher, reviewer, draft_data):
    draft_data["published_on"] = dt.date(2021, 6, 1)
    document = services.document_approve(document=_pending(agency, publisher, draft_data), actor=reviewer)
    assert document.index_no == f"{agency.code}/2021-00001"


def test_nobody_approves_a_document_they_drafted(agency, make_staff, draft_data):
    both = make_staff(agency, Role.PUBLISHER, Role.REVIEWER)
    document = _pending(agency, both, draft_data)
    with pytest.raises(ValidationError) as error:
        services.document_approve(document=document, actor=both)
    assert error.value.code == "self_approval"
    document.refresh_from_db()
    assert document.status == Status.PENDING and document.index_no == ""


def test_nobody_approves_a_document_they_submitted(agency, publisher, make_staff, draft_data):
    both = make_staff(agency, Role.PUBLISHER, Role.REVIEWER)
    document = services.document_create(agency=agency, actor=publisher, data=draft_data)
    services.document_submit(document=document, actor=both)
    with pytest.raises(ValidationError) as error:
        services.document_approve(document=document, actor=both)
    assert error.value.code == "self_approval"


def test_a_superuser_may_not_approve_their_own_document_either(agency, draft_data):
    from tests.factories import UserFactory

    root = UserFactory(is_superuser=True)
    document = _pending(agency, root, draft_data)
    with pytest.raises(ValidationError) as error:
        services.document_approve(document=document, actor=root)
    assert error.value.code == "self_approval"


def test_a_return_needs_a_reason_and_records_it(agency, publisher, reviewer, draft_data):
    document = _pending(agency, publisher, draft_data)
    with pytest.raises(ValidationError) as error:
        services.document_return(document=document, actor=reviewer, reason="  ")
    assert error.value.code == "reason_required"
    document = services.document_return(document=document, actor=reviewer, reason="文号有误")
    assert document.status == Status.RETURNED
    assert document.review_note == "文号有误"
    entry = AuditEntry.objects.for_target(document).filter(action="catalog.document.return").get()
    assert entry.reason == "文号有误" and entry.actor == reviewer


def test_a_returned_document_can_be_corrected_and_submitted_again(agency, publisher, reviewer, draft_data):
    document = services.document_return(
        document=_pending(agency, publisher, draft_data), actor=reviewer, reason="请补充附件"
    )
    services.document_update(document=document, actor=publisher, data={"title": "新标题"})
    document = services.document_submit(document=document, actor=publisher)
    assert document.status == Status.PENDING


def test_withdrawing_keeps_the_index_number(agency, publisher, reviewer, draft_data):
    document = services.document_approve(document=_pending(agency, publisher, draft_data), actor=reviewer)
    index_no = document.index_no
    document = services.document_withdraw(document=document, actor=reviewer, reason="内容需更正")
    assert document.status == Status.WITHDRAWN
    services.document_update(document=document, actor=publisher, data={"title": "更正后的标题"})
    services.document_submit(document=document, actor=publisher)
    other_reviewer = __import__("tests.factories", fromlist=["UserFactory"]).UserFactory()
    from tests.factories import MembershipFactory

    MembershipFactory(user=other_reviewer, agency=agency, role=Role.REVIEWER)
    document = services.document_approve(document=document, actor=other_reviewer)
    assert document.index_no == index_no


@pytest.mark.parametrize(
    "status, action",
    [
        (Status.DRAFT, "approve"), (Status.DRAFT, "return"), (Status.DRAFT, "withdraw"),
        (Status.PENDING, "submit"), (Status.PENDING, "withdraw"),
        (Status.PUBLISHED, "submit"), (Status.PUBLISHED, "approve"), (Status.PUBLISHED, "return"),
        (Status.RETURNED, "approve"), (Status.RETURNED, "withdraw"),
        (Status.WITHDRAWN, "approve"), (Status.WITHDRAWN, "withdraw"),
    ],
)
def test_transitions_from_the_wrong_status_are_refused(agency, publisher, reviewer, status, action):
    document = DocumentFactory(agency=agency, status=status, created_by=publisher)
    calls = {
        "submit": lambda: services.document_submit(document=document, actor=publisher),
        "approve": lambda: services.document_approve(document=document, actor=reviewer),
        "return": lambda: services.document_return(document=document, actor=reviewer, reason="x"),
        "withdraw": lambda: services.document_withdraw(document=document, actor=reviewer, reason="x"),
    }
    with pytest.raises(ValidationError) as error:
        calls[action]()
    assert error.value.code == "invalid_transition"
    document.refresh_from_db()
    assert document.status == status


def test_the_transition_table_has_no_way_back_to_draft():
    assert all(not can_transition(source, Status.DRAFT) for source in TRANSITIONS)
    assert can_transition(Status.PENDING, Status.PUBLISHED) is True
    assert can_transition(Status.DRAFT, Status.PUBLISHED) is False


@pytest.mark.parametrize("status", [Status.PENDING, Status.PUBLISHED])
def test_only_drafts_returned_and_withdrawn_documents_are_editable(agency, publisher, status):
    document = DocumentFactory(agency=agency, status=status)
    with pytest.raises(ValidationError) as error:
        services.document_update(document=document, actor=publisher, data={"title": "改"})
    assert error.value.code == "not_editable"


def test_roles_are_checked_by_the_services(agency, other_agency, publisher, reviewer, make_staff, draft_data):
    with pytest.raises(PermissionDenied):
        services.document_create(agency=agency, actor=reviewer, data=draft_data)
    with pytest.raises(PermissionDenied):
        services.document_create(agency=other_agency, actor=publisher, data=draft_data)
    document = _pending(agency, publisher, draft_data)
    with pytest.raises(PermissionDenied):
        services.document_approve(document=document, actor=publisher)
    outsider = make_staff(other_agency, Role.REVIEWER)
    with pytest.raises(PermissionDenied):
        services.document_approve(document=document, actor=outsider)
    supervisor = make_staff(agency.parent, Role.SUPERVISOR)
    with pytest.raises(PermissionDenied):
        services.document_approve(document=document, actor=supervisor)


def test_every_transition_is_audited(agency, publisher, reviewer, draft_data):
    document = _pending(agency, publisher, draft_data)
    services.document_approve(document=document, actor=reviewer)
    services.document_withdraw(document=document, actor=reviewer, reason="政策调整")
    services.document_set_validity(
        document=document, actor=reviewer, validity=Validity.REPEALED,
        changed_on=dt.date(2025, 1, 1), reason="已被新文件替代",
    )
    actions = list(
        AuditEntry.objects.for_target(document).order_by("id").values_list("action", "actor_id")
    )
    assert actions == [
        ("catalog.document.create", publisher.pk),
        ("catalog.document.submit", publisher.pk),
        ("catalog.document.approve", reviewer.pk),
        ("catalog.document.withdraw", reviewer.pk),
        ("catalog.document.validity", reviewer.pk),
    ]
    assert all(e.agency_id == agency.pk for e in AuditEntry.objects.for_target(document))


def test_repealing_needs_a_date(agency, reviewer):
    document = DocumentFactory(agency=agency, status=Status.PUBLISHED)
    with pytest.raises(ValidationError) as error:
        services.document_set_validity(
            document=document, actor=reviewer, validity=Validity.REPEALED, changed_on=None
        )
    assert error.value.code == "validity_date_required"


def test_an_interpretation_must_point_at_a_published_policy(agency, publisher, draft_data, policies):
    from gongkai.catalog.models import Category

    draft_policy = DocumentFactory(agency=agency, status=Status.DRAFT)
    data = {
        "title": "《西华县促进消费实施方案》政策解读", "kind": "interpretation",
        "category": Category.objects.get(slug="interpretations"), "interprets": draft_policy,
    }
    with pytest.raises(ValidationError) as error:
        services.document_create(agency=agency, actor=publisher, data=data)
    assert error.value.error_dict["interprets"][0].code == "policy_not_published"
    policy = DocumentFactory(agency=agency, status=Status.PUBLISHED)
    data["interprets"] = policy
    interpretation = services.document_create(agency=agency, actor=publisher, data=data)
    assert list(policy.interpretations.all()) == [interpretation]


def test_only_an_interpretation_may_point_at_a_policy(agency, publisher, draft_data):
    draft_data["interprets"] = DocumentFactory(agency=agency, status=Status.PUBLISHED)
    with pytest.raises(ValidationError) as error:
        services.document_create(agency=agency, actor=publisher, data=draft_data)
    assert error.value.error_dict["interprets"][0].code == "not_interpretation"
