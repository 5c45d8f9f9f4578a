"""Staff pages for appeal cases: who sees which cases, and the forms that register them."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from gongkai.agencies.models import Role
from gongkai.appeals.models import AppealCase
from tests.appeals.factories import AppealCaseFactory

D = dt.date
pytestmark = pytest.mark.django_db


def login(client, user):
    client.force_login(user)
    return client


@pytest.fixture
def cases(agency, other_agency):
    return (AppealCaseFactory(agency=agency, case_number="本局案1号"),
            AppealCaseFactory(agency=other_agency, case_number="财政案1号"))


def test_anonymous_is_sent_to_login(client):
    response = client.get(reverse("appeals:list"))
    assert response.status_code == 302 and "login" in response["Location"]


def test_handler_lists_only_own_agency_cases(client, handler, cases):
    response = login(client, handler).get(reverse("appeals:list"))
    assert response.status_code == 200
    body = response.content.decode()
    assert "本局案1号" in body and "财政案1号" not in body


def test_supervisor_lists_the_subtree(client, supervisor, cases):
    body = login(client, supervisor).get(reverse("appeals:list")).content.decode()
    assert "本局案1号" in body and "财政案1号" in body


def test_staff_without_a_case_role_is_refused(client, agency, make_staff):
    publisher = make_staff(agency, Role.PUBLISHER)
    assert login(client, publisher).get(reverse("appeals:list")).status_code == 403


def test_handler_cannot_open_another_agencys_case(client, handler, cases):
    url = reverse("appeals:detail", args=[cases[1].pk])
    assert login(client, handler).get(url).status_code == 404


def test_supervisor_reads_but_cannot_edit(client, supervisor, cases):
    login(client, supervisor)
    assert client.get(reverse("appeals:detail", args=[cases[0].pk])).status_code == 200
    assert client.get(reverse("appeals:edit", args=[cases[0].pk])).status_code == 403
    assert client.get(reverse("appeals:result", args=[cases[0].pk])).status_code == 403
    assert client.get(reverse("appeals:create")).status_code == 403


def test_list_filters_by_result_and_year(client, handler, agency):
    AppealCaseFactory(agency=agency, case_number="旧案", filed_on=D(2021, 3, 1))
    AppealCaseFactory(agency=agency, case_number="新案", filed_on=D(2022, 3, 1), result="upheld",
                      closed_on=D(2022, 5, 1))
    body = login(client, handler).get(reverse("appeals:list"), {"year": 2022}).content.decode()
    assert "新案" in body and "旧案" not in body
    body = client.get(reverse("appeals:list"), {"result": "pending"}).content.decode()
    assert "旧案" in body and "新案" not in body


def test_empty_list_says_so(client, handler):
    body = login(client, handler).get(reverse("appeals:list")).content.decode()
    assert "没有符合条件的复议诉讼案件" in body


def test_handler_registers_a_case_through_the_form(client, handler, agency, application):
    response = login(client, handler).post(reverse("appeals:create"), {
        "agency": agency.pk, "kind": "lawsuit_after_review", "case_number": "(2022)豫1622行初5号",
        "forum": "西华县人民法院", "applicant_name": "李明", "application": application.reference,
        "filed_on": "2022-05-06", "result": "pending", "closed_on": "", "notes": "",
    })
    case = AppealCase.objects.get()
    assert response.status_code == 302 and response["Location"] == case.get_absolute_url()
    assert case.application == application and case.kind == "lawsuit_after_review"


def test_form_shows_a_chinese_error_and_keeps_the_input(client, handler, agency):
    response = login(client, handler).post(reverse("appeals:create"), {
        "agency": agency.pk, "kind": "review", "case_number": "西政复〔2022〕9号",
        "filed_on": "2022-05-06", "result": "upheld", "closed_on": "",
    })
    assert response.status_code == 200
    body = response.content.decode()
    assert "案件有结果时须填写审结日期" in body and "西政复〔2022〕9号" in body
    assert AppealCase.objects.count() == 0


def test_unknown_request_number_is_a_field_error(client, handler, agency):
    response = login(client, handler).post(reverse("appeals:create"), {
        "agency": agency.pk, "kind": "review", "case_number": "案", "filed_on": "2022-05-06",
        "result": "pending", "application": "依申请〔2022〕第999999号",
    })
    assert response.context["form"].errors["application"][0].startswith("找不到编号")


def test_handler_records_the_result(client, handler, cases):
    url = reverse("appeals:result", args=[cases[0].pk])
    response = login(client, handler).post(url, {"result": "corrected", "closed_on": "2022-08-01",
                                                 "notes": "撤销原答复"})
    assert response.status_code == 302
    cases[0].refresh_from_db()
    assert cases[0].result == "corrected"
    detail = client.get(cases[0].get_absolute_url()).content.decode()
    assert "登记复议诉讼案件结果" in detail  # the audit trail on the page


def test_workbench_links_to_the_case_list(client, handler):
    body = login(client, handler).get(reverse("accounts:home")).content.decode()
    assert reverse("appeals:list") in body



def test_create_page_prefills_the_request_from_the_link(client, handler, application):
    response = login(client, handler).get(reverse("appeals:create"),
                                          {"application": application.pk})
    assert response.context["form"]["application"].value() == str(application.pk)


def test_handler_edits_case_details_and_the_request_link_survives(client, handler, agency,
                                                                  application):
    case = AppealCaseFactory(agency=agency, application=application, filed_on=D(2022, 5, 1))
    login(client, handler)
    page = client.get(reverse("appeals:edit", args=[case.pk]))
    assert page.context["form"]["application"].value() == application.reference
    response = client.post(reverse("appeals:edit", args=[case.pk]), {
        "kind": "review", "case_number": "西政复〔2022〕88号", "forum": "西华县人民政府",
        "applicant_name": "王芳", "application": application.reference, "filed_on": "2022-05-02",
        "result": "pending", "closed_on": "", "notes": "",
    })
    assert response.status_code == 302
    case.refresh_from_db()
    assert (case.case_number, case.application_id) == ("西政复〔2022〕88号", application.pk)
