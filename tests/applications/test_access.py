"""Access for every view: applicants see only their own requests, staff only their agency's,
supervisors their subtree (read-only), the full personal data only the assigned handler."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from gongkai.applications import services
from gongkai.audit.models import AuditEntry
from tests.factories import UserFactory

from .factories import make_application

D = dt.date
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture
def applicant(db):
    return UserFactory(username="applicant")


@pytest.fixture
def stranger(db):
    return UserFactory(username="stranger")


@pytest.fixture
def own(agency, applicant):
    return make_application(agency, received_on=D(2021, 9, 27), user=applicant, title="本机关的申请")


@pytest.fixture
def elsewhere(other_agency):
    return make_application(other_agency, received_on=D(2021, 9, 27), title="其他机关的申请")


@pytest.fixture
def closed(own, handler, travel):
    travel(D(2021, 10, 20))
    services.application_assign(application=own, handler=handler, actor=handler)
    services.application_attach_file(application=own, actor=handler, name="结果.pdf", data=PDF)
    services.application_close(application=own, actor=handler, outcome="disclosed", on=D(2021, 10, 20))
    own.refresh_from_db()
    return own


def _status(client, user, url, method="get", data=None):
    client.logout()
    if user is not None:
        client.force_login(user)
    return getattr(client, method)(url, data or {}).status_code


# --- staff views --------------------------------------------------------------------------

def test_queue_shows_staff_only_their_agencys_requests(client, handler, own, elsewhere):
    client.force_login(handler)
    body = client.get(reverse("applications:queue")).content.decode()
    assert own.reference in body and elsewhere.reference not in body


def test_queue_shows_supervisors_their_subtree(client, supervisor, own, elsewhere):
    client.force_login(supervisor)
    body = client.get(reverse("applications:queue")).content.decode()
    assert own.reference in body and elsewhere.reference in body


@pytest.mark.parametrize("who", ["anonymous", "applicant", "publisher"])
def test_queue_is_closed_to_non_handlers(client, who, applicant, publisher, own):
    user = {"anonymous": None, "applicant": applicant, "publisher": publisher}[who]
    assert _status(client, user, reverse("applications:queue")) in (302, 403)


@pytest.mark.parametrize(("who", "expected"), [
    ("handler", 200), ("agency_admin", 200), ("supervisor", 200), ("other_handler", 403),
    ("publisher", 403), ("applicant", 403),
])
def test_request_page(client, request, who, expected, own, applicant):
    user = request.getfixturevalue(who)
    assert _status(client, user, own.get_absolute_url()) == expected


@pytest.mark.parametrize(("who", "action", "expected"), [
    ("handler", "close", 200), ("handler", "assign", 200), ("agency_admin", "assign", 200),
    ("agency_admin", "close", 403), ("supervisor", "close", 403), ("supervisor", "assign", 403),
    ("other_handler", "close", 403), ("applicant", "close", 403),
])
def test_acts_need_the_handler_role_of_the_agency(client, request, who, action, expected, own,
                                                  applicant):
    user = request.getfixturevalue(who)
    url = reverse("applications:act", kwargs={"pk": own.pk, "action": action})
    assert _status(client, user, url) == expected


def test_supervisor_posts_are_refused_and_change_nothing(client, supervisor, own, travel):
    travel(D(2021, 10, 20))
    url = reverse("applications:act", kwargs={"pk": own.pk, "action": "close"})
    assert _status(client, supervisor, url, "post",
                   {"outcome": "disclosed", "on": "2021-10-20"}) == 403
    own.refresh_from_db()
    assert not own.is_closed


@pytest.mark.parametrize(("who", "expected"), [
    ("handler", 200), ("other_handler", 200), ("supervisor", 403), ("applicant", 403),
    ("agency_admin", 403),
])
def test_intake_page_is_for_handlers(client, request, who, expected, applicant):
    user = request.getfixturevalue(who)
    assert _status(client, user, reverse("applications:register")) == expected


def test_intake_offers_only_the_handlers_own_agencies(client, other_handler, agency, other_agency):
    client.force_login(other_handler)
    form = client.get(reverse("applications:register")).context["form"]
    assert list(form.fields["agency"].queryset) == [other_agency]


def test_full_personal_data_only_for_the_assigned_handler_and_audited(
        client, own, handler, supervisor, agency, make_staff):
    colleague = make_staff(agency, "handler", username="colleague")
    services.application_assign(application=own, handler=handler, actor=handler)
    url = reverse("applications:reveal", kwargs={"pk": own.pk})
    for user in (colleague, supervisor):
        assert _status(client, user, url, "post") == 403
    client.force_login(handler)
    page = client.get(own.get_absolute_url()).content.decode()
    assert own.id_number not in page and own.id_number_masked in page
    page = client.post(url).content.decode()
    assert own.id_number in page and own.phone in page
    assert AuditEntry.objects.filter(action="applications.reveal", target_id=str(own.pk)).count() == 1


@pytest.mark.parametrize(("who", "expected"), [
    ("handler", 200), ("supervisor", 200), ("other_handler", 403), ("applicant", 403),
])
def test_staff_letter_and_files(client, request, who, expected, closed, applicant):
    user = request.getfixturevalue(who)
    letter = reverse("applications:letter", kwargs={"pk": closed.pk, "fmt": "docx"})
    assert _status(client, user, letter) == expected
    file_url = reverse("applications:file", kwargs={"pk": closed.files.get().pk})
    assert _status(client, user, file_url) == expected


def test_letter_shows_the_full_address_only_to_the_assigned_handler(client, closed, supervisor,
                                                                    handler):
    import io

    from docx import Document

    def text_for(user):
        client.force_login(user)
        r = client.get(reverse("applications:letter", kwargs={"pk": closed.pk, "fmt": "docx"}))
        return "\n".join(p.text for p in Document(io.BytesIO(r.content)).paragraphs)

    assert closed.address in text_for(handler)
    supervisor_text = text_for(supervisor)
    assert closed.address not in supervisor_text and closed.address_masked in supervisor_text


# --- applicant views ----------------------------------------------------------------------

def test_my_requests_lists_only_my_own(client, applicant, own, elsewhere, agency):
    someone_elses = make_application(agency, received_on=D(2021, 9, 28), title="别人的申请")
    client.force_login(applicant)
    body = client.get(reverse("applications:mine")).content.decode()
    assert own.reference in body
    assert someone_elses.reference not in body and elsewhere.reference not in body


def test_my_requests_needs_login(client):
    assert client.get(reverse("applications:mine")).status_code == 302


@pytest.mark.parametrize(("who", "expected"), [
    ("applicant", 200), ("stranger", 302), ("anonymous", 302), ("handler", 302),
])
def test_status_page_is_for_the_applicant_only(client, request, who, expected, closed):
    """Anyone else is sent to the look-up form (code and phone) instead of the page."""
    user = None if who == "anonymous" else request.getfixturevalue(who)
    code = closed.query_code
    assert _status(client, user, reverse("applications:track", kwargs={"code": code})) == expected
    letter = reverse("applications:track_letter", kwargs={"code": code, "fmt": "docx"})
    assert _status(client, user, letter) == expected
    file_url = reverse("applications:track_file", kwargs={"code": code, "pk": closed.files.get().pk})
    assert _status(client, user, file_url) == expected


def test_withdraw_online_only_by_the_applicant(client, own, stranger, applicant, travel):
    travel(D(2021, 10, 12))
    url = reverse("applications:track_withdraw", kwargs={"code": own.query_code})
    assert _status(client, stranger, url, "post") == 403
    own.refresh_from_db()
    assert not own.is_closed
    assert _status(client, applicant, url, "post") == 302
    own.refresh_from_db()
    assert own.is_closed and own.outcome == "other"


def test_the_audit_log_supervisors_read_does_not_name_the_applicant(
        client, own, handler, supervisor):
    """Entries are append-only and outlive the retention period (gongkai erase_personal_data
    cannot reach them), so they name a request by its number, never by its applicant."""
    services.application_assign(application=own, handler=handler, actor=handler)
    client.force_login(handler)
    client.post(reverse("applications:reveal", kwargs={"pk": own.pk}))
    assert AuditEntry.objects.filter(target_id=str(own.pk)).count() >= 2
    client.force_login(supervisor)
    for url in (reverse("audit:list"), reverse("audit:export")):
        text = b"".join(client.get(url)).decode("utf-8-sig")
        assert own.reference in text
        assert own.applicant_name not in text


def test_lookup_with_code_and_phone_opens_the_status_page(client, own):
    track = reverse("applications:track", kwargs={"code": own.query_code})
    assert client.get(track).status_code == 302
    wrong = client.post(reverse("applications:lookup"), {"code": own.query_code, "phone": "13900000000"})
    assert wrong.status_code == 200
    assert wrong.context["form"].non_field_errors().as_data()[0].code == "lookup_failed"
    right = client.post(reverse("applications:lookup"),
                        {"code": own.query_code.lower(), "phone": "138-1234-5678"})
    assert right.status_code == 302 and right["Location"] == track
    assert client.get(track).status_code == 200


def test_upload_checks_the_content(client, own, handler):
    client.force_login(handler)
    url = reverse("applications:act", kwargs={"pk": own.pk, "action": "attach"})
    fake = SimpleUploadedFile("结果.pdf", b"MZ\x90\x00 not a pdf at all", content_type="application/pdf")
    r = client.post(url, {"file": fake})
    assert r.status_code == 200
    assert own.files.count() == 0


def test_export_masks_personal_data_and_is_audited(client, handler, own, elsewhere):
    client.force_login(handler)
    r = client.get(reverse("applications:export") + "?status=")
    text = r.content.decode("utf-8-sig")
    assert own.reference in text and elsewhere.reference not in text
    assert own.id_number not in text and own.id_number_masked in text
    assert own.phone not in text and own.phone_masked in text
    assert AuditEntry.objects.filter(action="applications.export").count() == 1


@pytest.mark.parametrize("who", ["applicant", "publisher"])
def test_export_is_closed_to_non_handlers(client, request, who, own, applicant):
    assert _status(client, request.getfixturevalue(who), reverse("applications:export")) == 403


def test_queue_filters_by_handler(client, handler, agency_admin, own, agency, travel):
    second = make_application(agency, received_on=D(2021, 9, 28), title="第二件")
    services.application_assign(application=own, handler=handler, actor=agency_admin)
    client.force_login(agency_admin)
    body = client.get(reverse("applications:queue") + f"?handler={handler.pk}").content.decode()
    assert own.reference in body and second.reference not in body
    body = client.get(reverse("applications:queue") + "?handler=none").content.decode()
    assert second.reference in body and own.reference not in body


def test_queue_highlights_overdue_and_due_soon(client, handler, agency, travel):
    late = make_application(agency, received_on=D(2021, 9, 1))  # due 2021-09-29
    soon = make_application(agency, received_on=D(2021, 9, 27))  # due 2021-10-29
    travel(D(2021, 10, 27))
    client.force_login(handler)
    rows = dict((a.pk, urgency) for a, urgency in client.get(reverse("applications:queue")).context["rows"])
    assert rows[late.pk] == "overdue" and rows[soon.pk] == "soon"
    overdue_only = client.get(reverse("applications:queue") + "?overdue=yes").context["rows"]
    assert [a.pk for a, _ in overdue_only] == [late.pk]
