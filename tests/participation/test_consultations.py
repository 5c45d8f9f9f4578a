"""意见征集 through the real pages and services: a draft is opened, a visitor comments, staff
moderate and record adoption, the 采纳情况 is published and the final decision links back."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from gongkai.agencies.models import Role
from gongkai.audit.models import AuditEntry
from gongkai.participation import selectors, services
from gongkai.participation.models import Adoption, Comment, CommentStatus, ConsultationStatus
from tests.search.factories import PublishedDocumentFactory

pytestmark = pytest.mark.django_db
D = dt.date
OPEN_DAY = dt.datetime(2025, 3, 10, 9, 0)
AFTER = dt.datetime(2025, 4, 20, 9, 0)
COMMENTER = "欧阳修文"


@pytest.fixture
def publisher(agency, make_staff):
    return make_staff(agency, Role.PUBLISHER)


@pytest.fixture
def consultation(agency, publisher):
    with time_machine.travel(OPEN_DAY, tick=False):
        draft = services.consultation_create(actor=publisher, agency=agency, data={
            "title": "关于《促进消费若干措施（征求意见稿）》公开征求意见的公告",
            "summary": "第一条 为促进消费……", "opens_on": D(2025, 3, 10),
            "closes_on": D(2025, 4, 9)})
        return services.consultation_open(actor=publisher, consultation=draft)


def _comment(client, consultation, **overrides):
    data = {"body": "建议把家电补贴扩大到二手家电。", "name": COMMENTER, "contact": "13800001111",
            "consent": "on"}
    data.update(overrides)
    return client.post(consultation.get_absolute_url(), data)


def test_opening_sets_the_feedback_deadline_and_drafts_are_not_public(client, agency, publisher):
    with time_machine.travel(OPEN_DAY, tick=False):
        draft = services.consultation_create(actor=publisher, agency=agency, data={
            "title": "草稿征集", "summary": "x", "opens_on": D(2025, 3, 10),
            "closes_on": D(2025, 4, 9)})
        assert client.get(draft.get_absolute_url()).status_code == 404
        opened = services.consultation_open(actor=publisher, consultation=draft)
    # 20 working days after Wednesday 9 April 2025: Sunday 27 April is a 调休 working day and
    # 1-5 May are the 劳动节 holiday, so Friday 9 May.
    assert opened.feedback_due_on == D(2025, 5, 9)
    assert opened.status == ConsultationStatus.OPEN
    with pytest.raises(ValidationError) as again:
        services.consultation_open(actor=publisher, consultation=opened)
    assert again.value.code == "wrong_status"


def test_a_period_ending_before_it_starts_is_refused(agency, publisher):
    with pytest.raises(ValidationError) as error:
        services.consultation_create(actor=publisher, agency=agency, data={
            "title": "t", "summary": "s", "opens_on": D(2025, 3, 10), "closes_on": D(2025, 3, 1)})
    assert "closes_on" in error.value.message_dict


def test_a_visitor_comments_and_the_comment_waits_for_moderation(client, consultation):
    with time_machine.travel(OPEN_DAY + dt.timedelta(days=3), tick=False):
        response = _comment(client, consultation)
        assert response.status_code == 302
        page = client.get(consultation.get_absolute_url()).content.decode()
    comment = Comment.objects.get()
    assert comment.status == CommentStatus.PENDING and comment.submitted_on == D(2025, 3, 13)
    assert "建议把家电补贴扩大到二手家电" not in page  # not yet approved
    assert AuditEntry.objects.filter(action="participation.comment.submit").count() == 1


def test_comments_are_refused_outside_the_period_and_when_over_the_limit(
        client, consultation, settings):
    with time_machine.travel(AFTER, tick=False):
        page = _comment(client, consultation)
        assert page.status_code == 200 and "提交意见" not in page.content.decode().split("公众意见")[-1]
        with pytest.raises(ValidationError) as late:
            services.comment_submit(consultation=consultation, ip="x",
                                    data={"body": "b", "name": "n"})
    assert late.value.code == "not_open" and not Comment.objects.exists()
    settings.GONGKAI_APPLY_LIMIT_PER_IP = (1, 3600)
    with time_machine.travel(OPEN_DAY, tick=False):
        assert _comment(client, consultation).status_code == 302
        blocked = _comment(client, consultation)
    assert "提交过于频繁" in blocked.content.decode() and Comment.objects.count() == 1


def test_feedback_needs_a_decision_on_every_published_comment_and_reasons(
        client, consultation, publisher):
    with time_machine.travel(OPEN_DAY, tick=False):
        _comment(client, consultation)
        _comment(client, consultation, body="广告内容", name="某公司")
    taken, spam = Comment.objects.order_by("pk")
    services.comment_moderate(actor=publisher, comment=taken, approve=True)
    with time_machine.travel(AFTER, tick=False):
        with pytest.raises(ValidationError) as open_comments:
            services.feedback_publish(actor=publisher, consultation=consultation, feedback="说明")
        assert open_comments.value.code == "comments_open"
        services.comment_moderate(actor=publisher, comment=spam, approve=False)
        with pytest.raises(ValidationError) as no_reason:
            services.comment_adopt(actor=publisher, comment=taken, adoption=Adoption.NOT_ADOPTED,
                                   reason="")
        assert no_reason.value.code == "reason_required"
        services.comment_adopt(actor=publisher, comment=taken, adoption=Adoption.PARTLY,
                               reason="二手家电补贴需省级政策支持，先在县级试点。")
        services.feedback_publish(actor=publisher, consultation=consultation,
                                  feedback="共收到意见 2 条，公开 1 条，部分采纳 1 条。")
    consultation.refresh_from_db()
    assert consultation.status == ConsultationStatus.CONCLUDED


def test_the_final_decision_links_back_and_its_page_shows_the_feedback_link(
        client, agency, consultation, publisher, other_agency):
    final = PublishedDocumentFactory(agency=agency, title="西华县促进消费若干措施")
    foreign = PublishedDocumentFactory(agency=other_agency)
    client.get(final.get_absolute_url())  # cached before the link exists
    with time_machine.travel(AFTER, tick=False):
        with pytest.raises(ValidationError) as wrong:
            services.feedback_publish(actor=publisher, consultation=consultation,
                                      feedback="说明", final_document=foreign)
        assert wrong.value.code == "bad_document"
        client.force_login(publisher)
        response = client.post(reverse("participation:staff_feedback", args=[consultation.pk]),
                               {"feedback": "未收到意见。", "final_document": final.index_no})
        assert response.status_code == 302
    client.logout()
    page = client.get(final.get_absolute_url()).content.decode()
    assert f"{consultation.get_absolute_url()}#feedback" in page
    public = client.get(consultation.get_absolute_url()).content.decode()
    assert final.title in public and "未收到意见" in public


def test_public_pages_show_masked_names_and_no_contact(client, consultation, publisher):
    with time_machine.travel(OPEN_DAY, tick=False):
        _comment(client, consultation)
    services.comment_moderate(actor=publisher, comment=Comment.objects.get(), approve=True)
    page = client.get(consultation.get_absolute_url()).content.decode()
    assert "建议把家电补贴扩大到二手家电" in page
    assert COMMENTER not in page and "13800001111" not in page and "欧*" in page


def test_permissions(client, agency, other_agency, consultation, make_staff):
    handler = make_staff(agency, Role.HANDLER)
    stranger = make_staff(other_agency, Role.PUBLISHER)
    supervisor = make_staff(agency.parent, Role.SUPERVISOR)
    with pytest.raises(PermissionDenied):
        services.consultation_close(actor=stranger, consultation=consultation)
    client.force_login(handler)
    assert client.get(reverse("participation:staff_list")).status_code == 403
    client.force_login(stranger)
    assert client.get(consultation.get_staff_url()).status_code == 404
    client.force_login(supervisor)
    assert client.get(consultation.get_staff_url()).status_code == 200
    response = client.post(reverse("participation:staff_act", args=[consultation.pk, "close"]))
    assert response.status_code == 403


def test_overdue_feedback_is_listed_for_the_supervisor(agency, consultation, publisher):
    agencies = [agency]
    assert list(selectors.feedback_overdue(agencies=agencies, today=D(2025, 5, 9))) == []
    assert list(selectors.feedback_overdue(agencies=agencies, today=D(2025, 5, 10))) == [consultation]


def test_the_demo_has_an_open_and_a_concluded_consultation(client):
    from importlib import import_module

    for step in ("agencies", "workdays", "catalog", "participation", "participation"):
        import_module(f"gongkai.demo.{step}").load()
    from gongkai.participation.models import Consultation

    open_one, concluded = (Consultation.objects.get(status=ConsultationStatus.OPEN),
                           Consultation.objects.get(status=ConsultationStatus.CONCLUDED))
    assert concluded.final_document is not None and concluded.closes_on.year == 2025
    assert concluded.comments.exclude(adoption="").count() == 3
    page = client.get(concluded.final_document.get_absolute_url()).content.decode()
    assert concluded.get_absolute_url() in page
    listing = client.get(reverse("participation:public_list")).content.decode()
    assert open_one.title in listing and "征集中" in listing
