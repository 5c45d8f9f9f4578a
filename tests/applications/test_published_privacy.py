"""Nothing of the applicant on any public page of the disclosure log: the list (every page, every
agency filter), the published request, its files and its letters (补正通知书, 延期答复告知书,
答复告知书) in PDF and Word, read back as text.

The applicant's details are distinctive strings that appear nowhere else, and staff wrote them
into the places where they slip through in practice: the request's title, the 补正 items, the
extension's reason, the reply text and the reply file's name.
"""

from __future__ import annotations

import datetime as dt
import io
import re

import docx
import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from gongkai.applications import services
from gongkai.applications.models import PublishedRequest
from gongkai.applications.views.published import PAGE_SIZE

from .factories import make_application, resident_id
from .test_redaction import KEPT, make_pdf, text_of

D = dt.date
NAME, CONTACT = "司徒雪莹", "欧阳澈明"
IDENTITY = {
    "applicant_type": "natural", "applicant_name": NAME, "contact_person": CONTACT,
    "id_number": resident_id(777), "phone": "13700951357", "email": "situ.xueying@example.org",
    "address": "青海省玛多县鹊桥路七号院", "title": f"{NAME}请求公开鹊桥路拆迁补偿标准",
}


RECEIVED = D(2021, 9, 1)


def _close(agency, handler, *, title: str, received_on=RECEIVED, **data):
    application = make_application(agency, received_on=received_on, title=title, **data)
    services.application_assign(application=application, handler=handler, actor=handler)
    services.application_close(application=application, actor=handler, outcome="disclosed",
                               on=received_on + dt.timedelta(days=14), reply_text="予以公开。")
    return application


@pytest.fixture
def distinctive(agency, handler, travel):
    """A closed request with every letter: 补正 and extension notices, then the reply."""
    travel(D(2021, 11, 30))
    application = make_application(agency, received_on=D(2021, 9, 27), **IDENTITY)
    services.application_assign(application=application, handler=handler, actor=handler)
    services.application_request_correction(
        application=application, actor=handler, on=D(2021, 9, 28), period_end=D(2021, 10, 15),
        items=f"请{NAME}说明所需补偿标准的年度；可致电{IDENTITY['phone']}联系。")
    services.application_receive_correction(application=application, actor=handler,
                                            on=D(2021, 10, 11))
    services.application_extend(
        application=application, actor=handler, on=D(2021, 11, 1), days=10, approved_by="李主任",
        notified_on=D(2021, 11, 1), reason=f"需向{IDENTITY['address']}所在街道核实")
    services.application_close(application=application, actor=handler, outcome="disclosed",
                               on=D(2021, 11, 10), reply_text=f"{NAME}：补偿标准见附件。")
    services.application_attach_file(application=application, actor=handler,
                                     name=f"{NAME}答复附件.pdf", data=make_pdf([f"{KEPT}。"]))
    application.refresh_from_db()
    return application


def _body(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


def _text(body: bytes) -> str:
    if body.startswith(b"%PDF"):
        return text_of(body)
    if body.startswith(b"PK"):
        document = docx.Document(io.BytesIO(body))
        return "".join(p.text for p in document.paragraphs).replace(" ", "")
    return body.decode()


def _walk(client, start: str) -> dict[str, object]:
    """Every page and download reachable from the log's list without signing in."""
    seen: dict[str, object] = {}
    queue = [start]
    while queue:
        url = queue.pop()
        if url in seen:
            continue
        response = client.get(url)
        assert response.status_code == 200, url
        seen[url] = response
        if response.get("Content-Type", "").startswith("text/html"):
            for link in re.findall(r'href="(/requests/published/[^"]*|\?[^"]*)"',
                                   response.content.decode()):
                link = link.replace("&amp;", "&")
                queue.append(url.split("?")[0] + link if link.startswith("?") else link)
    return seen


def test_no_public_page_file_or_letter_of_the_log_names_the_applicant(
        client, agency, other_agency, handler, distinctive, make_staff):
    from gongkai.agencies.models import Role

    client.force_login(handler)
    response = client.post(reverse("applications:publish", kwargs={"pk": distinctive.pk}), {
        "question": "申请公开鹊桥路拆迁补偿标准", "reply": "补偿标准已提供。",
        "files": list(distinctive.files.values_list("pk", flat=True))})
    publication = PublishedRequest.objects.get(application=distinctive)
    assert response["Location"] == publication.get_absolute_url()
    client.logout()
    # Enough later publications that the distinctive one is on page 2, and another agency for
    # the filter.
    for n in range(PAGE_SIZE):
        other = _close(agency, handler, title=f"第{n}号文件")
        services.published_request_publish(application=other, actor=handler,
                                           question=f"申请公开第{n}号文件")
    elsewhere_handler = make_staff(other_agency, Role.HANDLER, username="elsewhere")
    elsewhere = _close(other_agency, elsewhere_handler, title="道路养护计划")
    services.published_request_publish(application=elsewhere, actor=elsewhere_handler,
                                       question="申请公开道路养护计划")

    pages = _walk(client, reverse("applications:published_list"))
    urls = set(pages)
    detail = publication.get_absolute_url()
    letters = [u for u in urls if "/letters/" in u]
    assert detail in urls
    assert any("page=2" in u for u in urls) and any("agency=" in u for u in urls)
    # Every letter of the request, in both formats, and the file were walked.
    assert len([u for u in letters if u.startswith(detail)]) == 3 * 2
    assert any(u.startswith(detail + "files/") for u in urls)
    identity = [distinctive.applicant_name, distinctive.contact_person, distinctive.id_number,
                distinctive.phone, distinctive.email, distinctive.address, distinctive.query_code]
    assert NAME in identity and distinctive.query_code
    for url, response in pages.items():
        text = _text(_body(response))
        for value in identity:
            assert value not in text, (url, value)
    # …and what is shown is the request: the letters carry the public question and reply.
    reply_letter = _text(_body(client.get(sorted(
        u for u in letters if u.startswith(detail) and u.endswith(".pdf"))[-1])))
    assert "鹊桥路拆迁补偿标准" in reply_letter and "补偿标准已提供" in reply_letter
    assert "申请人：" in reply_letter
    correction = _text(_body(client.get(sorted(
        u for u in letters if u.startswith(detail) and u.endswith(".docx"))[0])))
    assert "＊＊＊" in correction and "说明所需补偿标准的年度" in correction


def test_a_file_that_names_the_applicant_is_refused_until_redacted(agency, handler, travel):
    travel(D(2021, 10, 20))
    application = _close(agency, handler, title="补偿标准", **{
        k: v for k, v in IDENTITY.items() if k != "title"})
    reply_file = services.application_attach_file(
        application=application, actor=handler, name="答复.pdf",
        data=make_pdf([f"致{NAME}：", f"{KEPT}。"]))
    with pytest.raises(ValidationError) as exc:
        services.published_request_publish(application=application, actor=handler,
                                           question="补偿标准", files=[reply_file])
    assert exc.value.error_dict["files"][0].code == "file_personal_data"
    assert not PublishedRequest.objects.exists()


def test_after_erasure_only_the_reply_letter_stays_in_the_log(client, handler, distinctive):
    """Erased details cannot be masked any more in a 补正 or 延期 notice's text: those go."""
    from gongkai.privacy.retention import erase_all

    publication = services.published_request_publish(
        application=distinctive, actor=handler, question="申请公开鹊桥路拆迁补偿标准")
    detail = publication.get_absolute_url()
    assert client.get(detail).content.decode().count("/letters/") == 3 * 2
    erase_all(closed_before=D(2030, 1, 1))
    distinctive.refresh_from_db()
    assert distinctive.personal_data_erased_at is not None
    pages = _walk(client, detail)
    letters = [u for u in pages if "/letters/" in u]
    assert len(letters) == 2
    for url, response in pages.items():
        text = _text(_body(response))
        for key in ("applicant_name", "contact_person", "phone", "email", "address"):
            assert IDENTITY[key] not in text, (url, key)
