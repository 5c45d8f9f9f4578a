"""The disclosure log (答复公开): a closed request published with its question, outcome in plain
words and disclosed (redacted) files, and nothing of the applicant on any public page."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from gongkai.applications import services
from gongkai.applications.models import PublishedRequest
from gongkai.audit.models import AuditEntry

from .factories import make_application
from .test_published_privacy import _text
from .test_redaction import KEPT, REPLY, SECRET_ID, SECRET_NAME, attach, make_pdf, text_of

D = dt.date
APPLICANT = {"applicant_name": "欧阳明月", "phone": "13912345678", "email": "ouyang@example.cn",
             "address": "河南省周口市西华县幸福路99号", "title": "2021年度商贸流通专项资金分配结果"}


@pytest.fixture
def closed(agency, handler, travel):
    application = make_application(agency, received_on=D(2021, 9, 27), **APPLICANT)
    travel(D(2021, 10, 20))
    services.application_assign(application=application, handler=handler, actor=handler)
    services.application_close(application=application, actor=handler, outcome="partial",
                               on=D(2021, 10, 20),
                               reply_text="部分公开：第三方个人信息不予公开（《条例》第十五条）。")
    application.refresh_from_db()
    return application


@pytest.fixture
def redacted_file(closed, handler, agency_admin):
    reply_file = attach(closed, handler, make_pdf(REPLY))
    redaction = services.redaction_start(reply_file=reply_file, actor=handler)
    for term in (SECRET_ID, SECRET_NAME):
        services.redaction_mark_text(redaction=redaction, actor=handler, term=term,
                                     ground="withheld_third_party")
    services.redaction_submit(redaction=redaction, actor=handler)
    services.redaction_approve(redaction=redaction, actor=agency_admin)
    return reply_file


def _identity(application) -> list[str]:
    return [application.applicant_name, application.id_number, application.phone,
            application.email, application.address, application.query_code]


def _public_urls(client, start: str) -> list[str]:
    """Every page and file reachable from the log's list, without signing in."""
    seen, queue = set(), [start]
    while queue:
        url = queue.pop()
        if url in seen:
            continue
        seen.add(url)
        response = client.get(url)
        assert response.status_code == 200, url
        if response.get("Content-Type", "").startswith("text/html"):
            for link in re.findall(r'href="(/requests/published/[^"]*|\?[^"]*)"',
                                   response.content.decode()):
                link = link.replace("&amp;", "&")
                queue.append(url.split("?")[0] + link if link.startswith("?") else link)
    return sorted(seen)


def test_a_published_request_shows_no_applicant_data_on_any_public_page(
        client, closed, handler, redacted_file):
    client.force_login(handler)
    detail = client.get(closed.get_absolute_url()).content.decode()
    assert reverse("applications:publish", kwargs={"pk": closed.pk}) in detail
    response = client.post(reverse("applications:publish", kwargs={"pk": closed.pk}), {
        "question": "申请公开2021年度商贸流通专项资金分配结果", "reply": "资金分配表附后，个人信息已遮盖。",
        "files": [redacted_file.pk]})
    publication = PublishedRequest.objects.get(application=closed)
    assert response["Location"] == publication.get_absolute_url()
    client.logout()

    urls = _public_urls(client, reverse("applications:published_list"))
    file_url = reverse("applications:published_file",
                       kwargs={"pk": publication.pk, "file_pk": redacted_file.pk})
    assert publication.get_absolute_url() in urls and file_url in urls
    assert any("agency=" in url for url in urls)  # the per-agency filter was walked too
    for url in urls:
        response = client.get(url)
        body = (b"".join(response.streaming_content) if response.streaming
                else response.content)
        text = _text(body)
        for value in _identity(closed) + [SECRET_ID, SECRET_NAME]:
            assert value not in text, (url, value)
    page = client.get(publication.get_absolute_url()).content.decode()
    assert closed.plain_result in page and "区分处理" in page
    file_response = client.get(file_url)
    assert KEPT in text_of(b"".join(file_response.streaming_content))


def test_personal_data_in_the_public_text_is_refused(closed, handler):
    for field, text in (("question", f"{APPLICANT['applicant_name']}申请的资金分配结果"),
                        ("reply", f"已寄往{APPLICANT['address']}")):
        kwargs = {"question": "资金分配结果", "reply": "", field: text}
        with pytest.raises(ValidationError) as exc:
            services.published_request_publish(application=closed, actor=handler, **kwargs)
        assert exc.value.error_dict[field][0].code == "personal_data"
    assert not PublishedRequest.objects.exists()


def test_only_closed_requests_and_disclosed_files(agency, closed, handler, travel):
    open_request = make_application(agency, received_on=D(2021, 10, 8))
    with pytest.raises(ValidationError) as exc:
        services.published_request_publish(application=open_request, actor=handler,
                                           question="某信息")
    assert exc.value.code == "not_closed"
    pending = attach(closed, handler, make_pdf(REPLY))
    services.redaction_start(reply_file=pending, actor=handler)  # not approved
    with pytest.raises(ValidationError) as exc:
        services.published_request_publish(application=closed, actor=handler, question="某信息",
                                           files=[pending])
    assert exc.value.error_dict["files"][0].code == "file_not_disclosed"
    withdrawn = make_application(agency, received_on=D(2021, 10, 8))
    services.application_withdraw(application=withdrawn, actor=handler, on=D(2021, 10, 20))
    with pytest.raises(ValidationError) as exc:
        services.published_request_publish(application=withdrawn, actor=handler,
                                           question="某信息")
    assert exc.value.code == "withdrawn"


def test_only_the_agencys_handlers_publish_and_take_down(
        client, closed, handler, other_handler, supervisor, agency_admin):
    for outsider in (other_handler, supervisor, agency_admin):
        with pytest.raises(PermissionDenied):
            services.published_request_publish(application=closed, actor=outsider,
                                               question="资金分配结果")
    publication = services.published_request_publish(application=closed, actor=handler,
                                                      question="资金分配结果")
    client.force_login(handler)
    client.post(reverse("applications:unpublish", kwargs={"pk": closed.pk}))
    assert not PublishedRequest.objects.filter(pk=publication.pk).exists()
    assert client.get(publication.get_absolute_url()).status_code == 404
    actions = list(AuditEntry.objects.for_target(closed).filter(
        action__in=["applications.publish", "applications.unpublish"])
        .order_by("id").values_list("action", flat=True))
    assert actions == ["applications.publish", "applications.unpublish"]


def test_the_log_counts_per_agency(client, agency, other_agency, closed, handler, make_staff,
                                   travel):
    from gongkai.agencies.models import Role

    services.published_request_publish(application=closed, actor=handler, question="甲信息")
    other = make_staff(other_agency, Role.HANDLER, username="h2")
    elsewhere = make_application(other_agency, received_on=D(2021, 9, 27))
    services.application_assign(application=elsewhere, handler=other, actor=other)
    services.application_close(application=elsewhere, actor=other, outcome="disclosed",
                               on=D(2021, 10, 20))
    services.published_request_publish(application=elsewhere, actor=other, question="乙信息")
    page = client.get(reverse("applications:published_list")).content.decode()
    assert f"{agency.name}（1）" in page and f"{other_agency.name}（1）" in page
    only = client.get(reverse("applications:published_list"), {"agency": agency.slug})
    assert "甲信息" in only.content.decode() and "乙信息" not in only.content.decode()
