"""The public form (《条例》第二十九条): clear errors that lose nothing, honeypot, rate limits,
the query code; staff intake by channel; applicant sign-up."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from gongkai.applications.models import Application, EventKind
from gongkai.applications.models.application import QUERY_CODE_ALPHABET
from gongkai.audit.models import AuditEntry
from gongkai.id_numbers import uscc_check_char

from .factories import resident_id

D = dt.date
BAD_ID = "110105194912310021"  # right length and birth date, wrong check digit
GOOD_ID = "11010519491231002X"


def form_data(agency, **overrides):
    data = {
        "agency": agency.pk, "applicant_type": "natural", "applicant_name": "赵晓燕",
        "id_type": "resident_id", "id_number": GOOD_ID, "legal_representative": "",
        "contact_person": "", "phone": "13912345678", "email": "zhao@example.cn",
        "address": "河南省周口市西华县青华路16号", "postal_code": "466600",
        "title": "西华县2021年农贸市场升级改造项目资金使用情况", "document_number": "西商〔2021〕8号",
        "description": "包括资金拨付时间和金额", "info_form": "electronic", "delivery": "email",
        "confirm": "on", "website": "",
    }
    data.update(overrides)
    return data


def _codes(form, field):
    return [e.code for e in form.errors.as_data()[field]]


def test_a_bad_id_number_is_explained_and_nothing_typed_is_lost(client, agency):
    data = form_data(agency, id_number=BAD_ID)
    r = client.post(reverse("applications:apply"), data)
    assert r.status_code == 200
    assert _codes(r.context["form"], "id_number") == ["bad_id_checksum"]
    body = r.content.decode()
    assert "居民身份证号码不正确" in body
    for field in ("applicant_name", "phone", "email", "address", "title", "document_number",
                  "id_number"):
        assert data[field] in body, field
    assert "包括资金拨付时间和金额" in body
    assert Application.objects.count() == 0


def test_organisations_give_a_valid_credit_code_and_their_contacts(client, agency):
    body = "91411622MA47" + "00001"
    bad = body + ("0" if uscc_check_char(body) != "0" else "1")
    r = client.post(reverse("applications:apply"), form_data(
        agency, applicant_type="business", id_type="uscc", id_number=bad))
    form = r.context["form"]
    assert _codes(form, "id_number") == ["bad_uscc"]
    assert _codes(form, "legal_representative") == ["org_contact_required"]
    r = client.post(reverse("applications:apply"), form_data(
        agency, applicant_type="business", id_type="resident_id"))
    assert "id_type_mismatch" in _codes(r.context["form"], "id_type")


def test_submitting_gives_an_unguessable_query_code_and_the_received_date(
        client, agency, travel, django_capture_on_commit_callbacks):
    travel(D(2021, 9, 27))
    with django_capture_on_commit_callbacks(execute=True):
        r = client.post(reverse("applications:apply"), form_data(agency))
    assert r.status_code == 302 and r["Location"] == reverse("applications:submitted")
    application = Application.objects.get()
    assert application.received_on == D(2021, 9, 27)
    assert application.due_on == D(2021, 10, 29)
    assert re.fullmatch(f"[{QUERY_CODE_ALPHABET}]{{12}}", application.query_code)
    page = client.get(r["Location"]).content.decode()
    assert application.query_code in page
    assert [m.to for m in mail.outbox] == [["zhao@example.cn"]]
    assert application.query_code in mail.outbox[0].body


def test_the_honeypot_catches_robots(client, agency):
    r = client.post(reverse("applications:apply"), form_data(agency, website="http://spam.example"))
    assert r.context["form"].non_field_errors().as_data()[0].code == "honeypot"
    assert Application.objects.count() == 0


def test_submissions_per_address_are_limited(client, agency, settings):
    settings.GONGKAI_APPLY_LIMIT_PER_IP = (2, 3600)
    for _ in range(2):
        assert client.post(reverse("applications:apply"),
                           form_data(agency, id_number=resident_id())).status_code == 302
    r = client.post(reverse("applications:apply"), form_data(agency, id_number=resident_id()))
    assert r.status_code == 200
    assert r.context["form"].non_field_errors().as_data()[0].code == "rate_limited"
    assert "提交过于频繁" in r.content.decode()
    assert Application.objects.count() == 2


def test_submissions_per_applicant_are_limited_across_addresses(agency, settings):
    settings.GONGKAI_APPLY_LIMIT_PER_APPLICANT = (1, 86400)
    first = Client(REMOTE_ADDR="10.0.0.1")
    second = Client(REMOTE_ADDR="10.0.0.2")
    assert first.post(reverse("applications:apply"), form_data(agency)).status_code == 302
    r = second.post(reverse("applications:apply"), form_data(agency, phone="13700000000"))
    assert r.context["form"].non_field_errors().as_data()[0].code == "rate_limited"
    r = second.post(reverse("applications:apply"), form_data(agency, id_number=resident_id()))
    assert r.context["form"].non_field_errors().as_data()[0].code == "rate_limited"  # same phone


def test_the_form_needs_the_csrf_token(agency):
    strict = Client(enforce_csrf_checks=True)
    assert strict.post(reverse("applications:apply"), form_data(agency)).status_code == 403


def test_a_signed_in_applicant_owns_the_request(client, agency, travel):
    from tests.factories import UserFactory

    user = UserFactory(username="citizen")
    client.force_login(user)
    client.post(reverse("applications:apply"), form_data(agency))
    assert Application.objects.get().user == user


def test_sign_up_makes_an_applicant_without_roles(client, db):
    r = client.post(reverse("applications:signup"), {
        "username": "citizen2", "full_name": "钱多多", "email": "qian@example.cn",
        "password1": "Zhengfu-xinxi-2026", "password2": "Zhengfu-xinxi-2026"})
    assert r.status_code == 302 and r["Location"] == reverse("applications:mine")
    from django.contrib.auth import get_user_model

    user = get_user_model().objects.get(username="citizen2")
    assert not user.memberships.exists()


# --- staff intake --------------------------------------------------------------------------

def _intake(agency, **overrides):
    data = form_data(agency, **overrides)
    data.pop("confirm")
    data.pop("website")
    return data


def test_staff_intake_of_an_ordinary_letter_uses_the_confirmation_day(client, handler, agency, travel):
    travel(D(2021, 9, 30))
    client.force_login(handler)
    r = client.post(reverse("applications:register"), _intake(
        agency, channel="letter", post_kind="ordinary", signed_on="", submitted_on="",
        confirmed_on="2021-09-28"))
    assert r.status_code == 302, r.content.decode()
    application = Application.objects.get()
    assert application.channel == "letter" and application.received_on == D(2021, 9, 28)
    assert "确认" in application.receipt_basis
    assert application.registered_by == handler
    assert application.events.get().kind == EventKind.RECEIVED
    assert AuditEntry.objects.filter(action="applications.register").count() == 1


def test_staff_intake_asks_for_the_date_its_channel_needs(client, handler, agency, travel):
    travel(D(2021, 9, 30))
    client.force_login(handler)
    r = client.post(reverse("applications:register"), _intake(
        agency, channel="in_person", submitted_on="", signed_on="2021-09-28", confirmed_on=""))
    assert r.status_code == 200
    assert _codes(r.context["form"], "submitted_on") == ["receipt_date_required"]
    assert Application.objects.count() == 0


@pytest.mark.parametrize(("channel", "dates", "received"), [
    ("in_person", {"submitted_on": "2021-09-28"}, D(2021, 9, 28)),
    ("letter", {"post_kind": "signed", "signed_on": "2021-09-29"}, D(2021, 9, 29)),
    ("fax", {"confirmed_on": "2021-09-27"}, D(2021, 9, 27)),
    ("email", {"confirmed_on": "2021-09-26"}, D(2021, 9, 26)),
])
def test_staff_intake_by_channel(client, handler, agency, travel, channel, dates, received):
    travel(D(2021, 9, 30))
    client.force_login(handler)
    data = _intake(agency, channel=channel, submitted_on="", signed_on="", confirmed_on="",
                   post_kind="signed")
    data.update(dates)
    assert client.post(reverse("applications:register"), data).status_code == 302
    assert Application.objects.get().received_on == received


def test_the_form_can_start_with_an_agency_and_the_signed_in_applicants_name(client, agency):
    from tests.factories import UserFactory

    client.force_login(UserFactory(username="citizen3", full_name="周芳", email="zhou@example.cn"))
    form = client.get(reverse("applications:apply") + f"?agency={agency.slug}").context["form"]
    assert form.initial["agency"] == agency
    assert form.initial["applicant_name"] == "周芳" and form.initial["email"] == "zhou@example.cn"
