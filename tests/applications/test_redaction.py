"""区分处理 (《条例》第三十七条): what is marked is really gone from the file the applicant gets
(text extracted back with pdfplumber, images looked for), the original stays with the agency,
a second person approves, and every step is audited."""

from __future__ import annotations

import datetime as dt
import io

import pdfplumber
import pymupdf
import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gongkai.agencies.models import Role
from gongkai.applications import pdf_redaction, services
from gongkai.applications.models import Redaction, RedactionStatus
from gongkai.audit.models import AuditEntry
from tests.factories import UserFactory

from .factories import make_application

D = dt.date
SECRET_ID = "410101199001011234"
SECRET_NAME = "张三丰"
KEPT = "本项目资金共计120万元"


def make_pdf(lines: list[str], *, image: bool = False) -> bytes:
    """A one-page A4 PDF: each line of text (CJK through MuPDF's built-in font), and
    optionally a red picture at (72, 300)–(172, 400)."""
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)
    for n, line in enumerate(lines):
        page.insert_text((72, 100 + 24 * n), line, fontname="china-s", fontsize=11)
    if image:
        pix = pymupdf.Pixmap(pymupdf.csRGB, pymupdf.IRect(0, 0, 24, 24), False)
        pix.set_rect(pix.irect, (200, 30, 30))
        page.insert_image(pymupdf.Rect(72, 300, 172, 400), pixmap=pix)
    return doc.tobytes()


def text_of(pdf: bytes) -> str:
    with pdfplumber.open(io.BytesIO(pdf)) as document:
        return "".join((page.extract_text() or "") for page in document.pages).replace(" ", "")


def images_of(pdf: bytes) -> list:
    with pdfplumber.open(io.BytesIO(pdf)) as document:
        return [image for page in document.pages for image in page.images]


REPLY = [f"申请人{SECRET_NAME}的身份证号码为{SECRET_ID}。", f"{KEPT}。", f"联系人：{SECRET_NAME}"]


@pytest.fixture
def approver(agency, make_staff):
    return make_staff(agency, Role.ADMIN, username="approver")


@pytest.fixture
def applicant(db):
    return UserFactory(username="applicant")


@pytest.fixture
def closed(agency, applicant, handler, travel):
    application = make_application(agency, received_on=D(2021, 9, 27), user=applicant)
    travel(D(2021, 10, 20))
    services.application_assign(application=application, handler=handler, actor=handler)
    services.application_close(application=application, actor=handler, outcome="partial",
                               on=D(2021, 10, 20),
                               reply_text="部分公开：第三方个人信息不予公开（《条例》第十五条）。")
    return application


def attach(application, handler, data: bytes, name="答复.pdf"):
    return services.application_attach_file(application=application, actor=handler, name=name,
                                            data=data)


@pytest.fixture
def redaction(closed, handler):
    reply_file = attach(closed, handler, make_pdf(REPLY, image=True))
    return services.redaction_start(reply_file=reply_file, actor=handler)


def output_of(redaction) -> bytes:
    redaction.refresh_from_db()
    with redaction.output.open("rb") as handle:
        return handle.read()


# --- the output -------------------------------------------------------------------------------


def test_redacted_pdf_contains_none_of_the_marked_text(redaction, handler, approver):
    for term in (SECRET_ID, SECRET_NAME):
        services.redaction_mark_text(redaction=redaction, actor=handler, term=term,
                                     ground="withheld_third_party")
    assert redaction.marks.count() == 3  # the name occurs twice
    services.redaction_submit(redaction=redaction, actor=handler)
    services.redaction_approve(redaction=redaction, actor=approver)

    text = text_of(output_of(redaction))
    assert SECRET_ID not in text and SECRET_NAME not in text
    assert "丰" not in text and "0101199" not in text  # no part of a marked word survives
    assert KEPT in text  # what is not marked is disclosed


def test_marked_image_is_removed_and_unmarked_text_kept(redaction, handler, approver):
    assert len(images_of(make_pdf(REPLY, image=True))) == 1
    # The picture sits at (72, 300)–(172, 400) on a 595 × 842 page; draw a little around it.
    services.redaction_mark_area(redaction=redaction, actor=handler, page=0, left=60 / 595,
                                 top=290 / 842, right=185 / 595, bottom=410 / 842,
                                 ground="withheld_secret")
    services.redaction_submit(redaction=redaction, actor=handler)
    services.redaction_approve(redaction=redaction, actor=approver)

    output = output_of(redaction)
    assert images_of(output) == []
    assert SECRET_ID in text_of(output)  # only the area was marked
    # Nothing red is left where the picture was.
    page = pymupdf.open(stream=output, filetype="pdf")[0]
    pixmap = page.get_pixmap(clip=pymupdf.Rect(80, 310, 160, 390))
    assert all(pixmap.pixel(x, y) != (200, 30, 30)
               for x in range(0, pixmap.width, 5) for y in range(0, pixmap.height, 5))


def test_output_keeps_nothing_of_the_original_in_metadata_or_outline(closed, handler, approver):
    doc = pymupdf.open(stream=make_pdf(REPLY), filetype="pdf")
    doc.set_metadata({"title": f"关于{SECRET_NAME}的答复", "author": SECRET_NAME})
    doc.set_toc([[1, f"{SECRET_NAME}材料", 1]])
    reply_file = attach(closed, handler, doc.tobytes())
    redaction = services.redaction_start(reply_file=reply_file, actor=handler)
    services.redaction_mark_text(redaction=redaction, actor=handler, term=SECRET_NAME,
                                 ground="withheld_third_party")
    services.redaction_submit(redaction=redaction, actor=handler)
    services.redaction_approve(redaction=redaction, actor=approver)

    out = pymupdf.open(stream=output_of(redaction), filetype="pdf")
    assert out.get_toc() == []
    assert not any(SECRET_NAME in (value or "") for value in out.metadata.values())


ALPHABET = st.sampled_from(list("公开申请信息机关答复资金项目预算人民政府县局ABCXYZ0123456789"))


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(words=st.lists(st.text(ALPHABET, min_size=2, max_size=8), min_size=2, max_size=6),
       pick=st.integers(min_value=0))
def test_any_marked_word_is_gone_from_the_pure_output(words, pick):
    """Whatever the text, the word searched and marked cannot be extracted back."""
    secret = words[pick % len(words)]
    pdf = make_pdf(["，".join(words[i:i + 3]) for i in range(0, len(words), 3)])
    areas = pdf_redaction.find_text(pdf, secret)
    assert areas
    assert secret not in text_of(pdf_redaction.apply(pdf, areas))


def test_docx_is_converted_to_pdf_and_redacted(closed, handler, approver):
    import docx

    document = docx.Document()
    document.add_paragraph(f"Applicant ID {SECRET_ID} lives at No. 8 Renmin Road.")
    document.add_paragraph("Budget total 1.2 million yuan.")
    buffer = io.BytesIO()
    document.save(buffer)
    reply_file = attach(closed, handler, buffer.getvalue(), name="答复.docx")
    redaction = services.redaction_start(reply_file=reply_file, actor=handler)
    with redaction.source.open("rb") as handle:
        assert handle.read(5) == b"%PDF-"
    services.redaction_mark_text(redaction=redaction, actor=handler, term=SECRET_ID,
                                 ground="withheld_third_party")
    services.redaction_submit(redaction=redaction, actor=handler)
    services.redaction_approve(redaction=redaction, actor=approver)
    text = text_of(output_of(redaction))
    assert SECRET_ID not in text
    assert "Budgettotal1.2millionyuan." in text


def test_only_pdf_or_docx_can_be_redacted(closed, handler):
    png = pymupdf.Pixmap(pymupdf.csRGB, pymupdf.IRect(0, 0, 4, 4), False).tobytes("png")
    reply_file = attach(closed, handler, png, name="图.png")
    with pytest.raises(ValidationError) as exc:
        services.redaction_start(reply_file=reply_file, actor=handler)
    assert exc.value.code == "not_pdf_or_docx"


# --- the second person -------------------------------------------------------------------------


def test_the_marker_cannot_approve_their_own_marks(redaction, handler, agency, make_staff):
    colleague = make_staff(agency, Role.HANDLER, username="colleague")
    services.redaction_mark_text(redaction=redaction, actor=handler, term=SECRET_ID,
                                 ground="withheld_third_party")
    services.redaction_mark_text(redaction=redaction, actor=colleague, term=SECRET_NAME,
                                 ground="withheld_third_party")
    services.redaction_submit(redaction=redaction, actor=handler)
    for person in (handler, colleague):  # the submitter, and anyone else who marked
        with pytest.raises(ValidationError) as exc:
            services.redaction_approve(redaction=redaction, actor=person)
        assert exc.value.code == "same_person"
    redaction.refresh_from_db()
    assert redaction.status == RedactionStatus.SUBMITTED and not redaction.output


def test_approval_needs_submission_and_marks_are_frozen_after_it(redaction, handler, approver):
    with pytest.raises(ValidationError) as exc:
        services.redaction_approve(redaction=redaction, actor=approver)
    assert exc.value.code == "not_submitted"
    with pytest.raises(ValidationError) as exc:
        services.redaction_submit(redaction=redaction, actor=handler)
    assert exc.value.code == "no_marks"
    services.redaction_mark_text(redaction=redaction, actor=handler, term=SECRET_ID,
                                 ground="withheld_third_party")
    services.redaction_submit(redaction=redaction, actor=handler)
    with pytest.raises(ValidationError) as exc:
        services.redaction_mark_text(redaction=redaction, actor=handler, term=SECRET_NAME,
                                     ground="withheld_third_party")
    assert exc.value.code == "not_marking"


def test_returned_marks_go_back_to_the_marker_with_the_reason(redaction, handler, approver):
    services.redaction_mark_text(redaction=redaction, actor=handler, term=SECRET_ID,
                                 ground="withheld_third_party")
    services.redaction_submit(redaction=redaction, actor=handler)
    with pytest.raises(ValidationError):
        services.redaction_return(redaction=redaction, actor=approver, reason=" ")
    services.redaction_return(redaction=redaction, actor=approver, reason="姓名也须遮盖")
    redaction.refresh_from_db()
    assert redaction.status == RedactionStatus.MARKING
    assert redaction.return_reason == "姓名也须遮盖"
    services.redaction_mark_text(redaction=redaction, actor=handler, term=SECRET_NAME,
                                 ground="withheld_third_party")


def test_marks_need_a_ground_of_table_three_and_a_term_that_occurs(redaction, handler):
    with pytest.raises(ValidationError) as exc:
        services.redaction_mark_text(redaction=redaction, actor=handler, term=SECRET_ID,
                                     ground="disclosed")
    assert exc.value.error_dict["ground"][0].code == "invalid_ground"
    with pytest.raises(ValidationError) as exc:
        services.redaction_mark_text(redaction=redaction, actor=handler, term="不存在的文字",
                                     ground="withheld_secret")
    assert exc.value.error_dict["term"][0].code == "term_not_found"
    with pytest.raises(ValidationError) as exc:
        services.redaction_mark_area(redaction=redaction, actor=handler, page=0, left=0.5,
                                     top=0.5, right=0.5, bottom=0.6, ground="withheld_secret")
    assert exc.value.code == "area_too_small"


# --- permissions and the applicant -------------------------------------------------------------


def test_only_the_agencys_handlers_mark(closed, handler, other_handler, supervisor, approver):
    reply_file = attach(closed, handler, make_pdf(REPLY))
    for outsider in (other_handler, supervisor, approver):
        with pytest.raises(PermissionDenied):
            services.redaction_start(reply_file=reply_file, actor=outsider)
    redaction = services.redaction_start(reply_file=reply_file, actor=handler)
    with pytest.raises(PermissionDenied):
        services.redaction_mark_text(redaction=redaction, actor=other_handler, term=SECRET_ID,
                                     ground="withheld_secret")
    services.redaction_mark_text(redaction=redaction, actor=handler, term=SECRET_ID,
                                 ground="withheld_secret")
    services.redaction_submit(redaction=redaction, actor=handler)
    for outsider in (other_handler, supervisor):
        with pytest.raises(PermissionDenied):
            services.redaction_approve(redaction=redaction, actor=outsider)


def test_applicant_gets_the_redacted_file_only_once_approved(
        client, redaction, handler, approver, applicant):
    client.force_login(applicant)
    url = reverse("applications:track_file", kwargs={"code": redaction.application.query_code,
                                                     "pk": redaction.reply_file.pk})
    track = reverse("applications:track", kwargs={"code": redaction.application.query_code})
    assert client.get(url).status_code == 404  # held back while being marked
    assert "答复.pdf" not in client.get(track).content.decode()
    services.redaction_mark_text(redaction=redaction, actor=handler, term=SECRET_ID,
                                 ground="withheld_third_party")
    services.redaction_submit(redaction=redaction, actor=handler)
    assert client.get(url).status_code == 404  # and while awaiting approval
    services.redaction_approve(redaction=redaction, actor=approver)

    response = client.get(url)
    assert response.status_code == 200
    body = b"".join(response.streaming_content)
    assert SECRET_ID not in text_of(body) and KEPT in text_of(body)
    assert "区分处理" in client.get(track).content.decode()
    # The agency keeps the original.
    client.force_login(handler)
    original = client.get(reverse("applications:file", kwargs={"pk": redaction.reply_file.pk}))
    assert SECRET_ID in text_of(b"".join(original.streaming_content))


def test_every_step_is_audited_without_the_marked_text(redaction, handler, approver):
    services.redaction_mark_text(redaction=redaction, actor=handler, term=SECRET_ID,
                                 ground="withheld_third_party")
    services.redaction_mark_area(redaction=redaction, actor=handler, page=0, left=0.1, top=0.3,
                                 right=0.3, bottom=0.5, ground="withheld_secret")
    services.redaction_submit(redaction=redaction, actor=handler)
    services.redaction_approve(redaction=redaction, actor=approver)
    entries = AuditEntry.objects.for_target(redaction.application).filter(
        action__startswith="applications.redaction")
    assert [(e.action, e.actor) for e in entries.order_by("id")] == [
        ("applications.redaction_start", handler),
        ("applications.redaction_mark", handler),
        ("applications.redaction_mark", handler),
        ("applications.redaction_submit", handler),
        ("applications.redaction_approve", approver),
    ]
    assert all(SECRET_ID not in str(e.data) for e in entries)
    approved = entries.get(action="applications.redaction_approve")
    assert approved.data["grounds"] == {"withheld_third_party": 1, "withheld_secret": 1}


# --- the pages ---------------------------------------------------------------------------------


def test_marking_by_drawn_area_through_the_page(client, redaction, handler, approver):
    client.force_login(handler)
    page = client.get(redaction.get_absolute_url())
    assert page.status_code == 200
    assert "redaction.js" in page.content.decode()
    image = client.get(reverse("applications:redaction_page", kwargs={"pk": redaction.pk,
                                                                      "page": 1}))
    assert image["Content-Type"] == "image/png" and image.content[:4] == b"\x89PNG"
    act = reverse("applications:redaction_act", kwargs={"pk": redaction.pk,
                                                        "action": "mark-area"})
    bad = client.post(act, {"page": 1, "left": 50, "top": 10, "right": 40, "bottom": 20,
                            "ground": "withheld_secret"})
    assert bad.status_code == 400 and redaction.marks.count() == 0
    client.post(act, {"page": 1, "left": 10, "top": 35, "right": 30, "bottom": 48,
                      "ground": "withheld_secret"})
    mark = redaction.marks.get()
    assert (round(mark.x0), round(mark.y0)) == (round(0.1 * 595), round(0.35 * 842))
    preview = client.get(reverse("applications:redaction_output", kwargs={"pk": redaction.pk}))
    assert images_of(preview.content) == []
    client.post(reverse("applications:redaction_act", kwargs={"pk": redaction.pk,
                                                              "action": "submit"}))
    # The marker sees no approve button and is refused by the service.
    page = client.get(redaction.get_absolute_url()).content.decode()
    assert "批准并生成公开文本" not in page
    client.post(reverse("applications:redaction_act", kwargs={"pk": redaction.pk,
                                                              "action": "approve"}))
    redaction.refresh_from_db()
    assert redaction.status == RedactionStatus.SUBMITTED
    client.force_login(approver)
    assert "批准并生成公开文本" in client.get(redaction.get_absolute_url()).content.decode()
    client.post(reverse("applications:redaction_act", kwargs={"pk": redaction.pk,
                                                              "action": "approve"}))
    redaction.refresh_from_db()
    assert redaction.status == RedactionStatus.APPROVED and redaction.approved_by == approver


def test_start_from_the_request_page(client, closed, handler):
    reply_file = attach(closed, handler, make_pdf(REPLY))
    client.force_login(handler)
    detail = client.get(closed.get_absolute_url()).content.decode()
    start = reverse("applications:redaction_start", kwargs={"pk": reply_file.pk})
    assert start in detail
    response = client.post(start)
    redaction = Redaction.objects.get(reply_file=reply_file)
    assert response.status_code == 302 and response["Location"] == redaction.get_absolute_url()
    assert client.post(start)["Location"] == redaction.get_absolute_url()  # no second one


def test_page_preview_shows_the_marked_area_as_it_will_go_out():
    """The preview image of one page is that page redacted: black where the picture was."""
    pdf = make_pdf(REPLY, image=True)
    marks = [pdf_redaction.Area(0, 60, 290, 185, 410)]
    png = pdf_redaction.render_page(pdf, 0, marks=marks, redacted=True)
    pixmap = pymupdf.Pixmap(png)
    zoom = pixmap.width / 595
    assert pixmap.pixel(int(120 * zoom), int(350 * zoom)) == (0, 0, 0)
    marking = pymupdf.Pixmap(pdf_redaction.render_page(pdf, 0, marks=marks))
    assert marking.pixel(int(120 * zoom), int(350 * zoom)) != (0, 0, 0)  # outlined, not removed
