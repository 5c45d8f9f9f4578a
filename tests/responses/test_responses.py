"""回应关切: a visitor asks through the real form, staff answer, refer or refuse, and the public
pages show the approved text and answer without the asker's personal data."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.urls import reverse

from gongkai.agencies.models import Role
from gongkai.audit.models import AuditEntry
from gongkai.responses import services
from gongkai.responses.models import PublicQuestion, QuestionStatus

pytestmark = pytest.mark.django_db
NAME, PHONE = "王小明", "13812345678"
MONDAY = dt.datetime(2025, 3, 3, 10, 0)


@pytest.fixture
def handler(agency, make_staff):
    return make_staff(agency, Role.HANDLER)


@pytest.fixture
def admin_user(agency, make_staff):
    return make_staff(agency, Role.ADMIN)


def _ask(client, agency, **overrides):
    data = {"agency": agency.pk, "subject": "老旧小区改造什么时候开始", "body": "我家小区的改造计划何时公布？",
            "name": NAME, "phone": PHONE, "email": "", "consent": "on"}
    data.update(overrides)
    return client.post(reverse("responses:ask"), data)


def _question(agency, **data):
    values = {"subject": "问题", "body": "内容", "name": NAME, "phone": PHONE}
    values.update(data)
    return services.question_submit(agency=agency, data=values, ip="192.0.2.1")


def test_a_visitor_asks_through_the_form_and_gets_a_query_code_and_a_due_date(client, agency):
    with time_machine.travel(MONDAY, tick=False):
        response = _ask(client, agency)
        assert response.status_code == 302
        page = client.get(response["Location"]).content.decode()
    question = PublicQuestion.objects.get()
    assert question.query_code in page
    # 10 working days from Monday 3 March 2025 (no holiday in between): Monday 17 March.
    assert question.due_on == dt.date(2025, 3, 17)
    assert AuditEntry.objects.filter(action="responses.question.submit").count() == 1


def test_personal_data_is_encrypted_at_rest(agency):
    question = _question(agency)
    with connection.cursor() as cursor:
        cursor.execute("SELECT name, phone FROM responses_publicquestion WHERE id = %s",
                       [question.pk])
        name, phone = cursor.fetchone()
    assert NAME not in name and PHONE not in phone


def test_bad_input_is_refused_and_kept(client, agency):
    response = _ask(client, agency, phone="abc", consent="")
    body = response.content.decode()
    assert response.status_code == 200 and "联系电话格式不正确" in body
    assert "老旧小区改造什么时候开始" in body
    assert not PublicQuestion.objects.exists()


def test_submissions_are_rate_limited_per_address(client, agency, settings):
    settings.GONGKAI_APPLY_LIMIT_PER_IP = (2, 3600)
    for _ in range(2):
        assert _ask(client, agency).status_code == 302
    response = _ask(client, agency)
    assert response.status_code == 200 and "留言过于频繁" in response.content.decode()
    assert PublicQuestion.objects.count() == 2


def test_answered_and_published_question_shows_the_approved_text_without_personal_data(
        client, agency, handler):
    question = _question(agency, body=f"我是{NAME}，电话{PHONE}，请问补贴何时发放？")
    client.force_login(handler)
    response = client.post(reverse("responses:answer", args=[question.pk]), {
        "answer": "补贴将于4月底前发放。", "public_body": "请问补贴何时发放？", "publish": "on"})
    assert response.status_code == 302
    question.refresh_from_db()
    assert question.status == QuestionStatus.ANSWERED and question.answered_by == handler
    client.logout()
    for url in (reverse("responses:public_list"), question.get_public_url()):
        page = client.get(url).content.decode()
        assert NAME not in page and PHONE not in page
    detail = client.get(question.get_public_url()).content.decode()
    assert "补贴将于4月底前发放" in detail and "请问补贴何时发放" in detail


def test_unpublished_and_unanswered_questions_are_not_public(client, agency, handler):
    open_question = _question(agency, subject="尚未答复的留言")
    private = _question(agency, subject="答复但不公开的留言")
    services.question_answer(actor=handler, question=private, answer="已电话答复。",
                             public_body="", publish=False)
    listing = client.get(reverse("responses:public_list")).content.decode()
    assert "尚未答复的留言" not in listing and "答复但不公开的留言" not in listing
    assert client.get(open_question.get_public_url()).status_code == 404
    assert client.get(private.get_public_url()).status_code == 404


def test_an_answer_must_say_something_and_publishing_needs_the_public_text(agency, handler):
    question = _question(agency)
    with pytest.raises(ValidationError) as empty:
        services.question_answer(actor=handler, question=question, answer=" ", public_body="x",
                                 publish=True)
    assert empty.value.code == "answer_required"
    with pytest.raises(ValidationError) as no_text:
        services.question_answer(actor=handler, question=question, answer="答复", public_body="",
                                 publish=True)
    assert no_text.value.code == "public_body_required"


def test_a_question_that_is_really_a_request_is_referred_and_the_asker_sees_the_pointer(
        client, agency, handler):
    question = _question(agency, subject="请提供2024年招商引资合同")
    services.question_refer(actor=handler, question=question,
                            note="您需要的是政府信息，请提出政府信息公开申请。")
    response = client.post(reverse("responses:lookup"),
                           {"code": question.query_code, "phone": PHONE})
    page = response.content.decode()
    assert "请提出政府信息公开申请" in page and reverse("applications:apply") in page
    with pytest.raises(ValidationError) as again:
        services.question_answer(actor=handler, question=question, answer="x", public_body="x",
                                 publish=False)
    assert again.value.code == "closed"


def test_lookup_needs_the_right_phone(client, agency):
    question = _question(agency)
    wrong = client.post(reverse("responses:lookup"), {"code": question.query_code,
                                                      "phone": "13900000000"})
    assert "查询码或联系电话不正确" in wrong.content.decode()
    right = client.post(reverse("responses:lookup"), {"code": question.query_code, "phone": PHONE})
    assert "正在办理" in right.content.decode()


def test_who_may_answer_read_and_set_the_period(client, agency, other_agency, handler,
                                                admin_user, make_staff):
    question = _question(agency)
    other = make_staff(other_agency, Role.HANDLER)
    with pytest.raises(PermissionDenied):
        services.question_reject(actor=other, question=question, note="x")
    client.force_login(other)
    assert client.get(reverse("responses:staff_detail", args=[question.pk])).status_code == 404
    publisher = make_staff(agency, Role.PUBLISHER)
    client.force_login(publisher)
    assert client.get(reverse("responses:queue")).status_code == 403
    client.force_login(handler)
    assert client.get(reverse("responses:period", args=[agency.slug])).status_code == 403
    client.force_login(admin_user)
    response = client.post(reverse("responses:period", args=[agency.slug]),
                           {"answer_workdays": "5"})
    assert response.status_code == 302
    entry = AuditEntry.objects.get(action="responses.period.set")
    assert entry.data == {"before": 10, "after": 5}
    with time_machine.travel(MONDAY, tick=False):
        assert _question(agency).due_on == dt.date(2025, 3, 10)
    bad = client.post(reverse("responses:period", args=[agency.slug]), {"answer_workdays": "0"})
    assert bad.status_code == 200


def test_the_queue_counts_overdue_questions(client, agency, handler):
    with time_machine.travel(MONDAY, tick=False):
        late = _question(agency, subject="超期的留言")
    with time_machine.travel(dt.datetime(2025, 4, 1, 9, 0), tick=False):
        _question(agency, subject="新的留言")
        client.force_login(handler)
        response = client.get(reverse("responses:queue") + "?overdue=on")
    assert [q.pk for q in response.context["questions"]] == [late.pk]
    assert response.context["overdue_count"] == 1 and response.context["open_count"] == 2


def test_the_demo_has_answered_published_referred_and_open_questions(client):
    from importlib import import_module

    for step in ("agencies", "workdays", "catalog", "responses"):
        import_module(f"gongkai.demo.{step}").load()
    import_module("gongkai.demo.responses").load()  # twice: nothing added
    statuses = list(PublicQuestion.objects.values_list("status", flat=True))
    assert statuses.count(QuestionStatus.ANSWERED) >= 4
    assert QuestionStatus.REFERRED in statuses and QuestionStatus.RECEIVED in statuses
    assert len(statuses) == 8
    with time_machine.travel(dt.datetime(2026, 12, 4, 9, 0), tick=False):
        assert PublicQuestion.objects.overdue(dt.date(2026, 12, 4)).count() == 1
    page = client.get(reverse("responses:public_list")).content.decode()
    assert "家电以旧换新补贴如何申领" in page and "张三" not in page
