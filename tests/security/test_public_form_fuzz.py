"""The public forms through the real views: any unicode in any field is answered with the form
and its errors (200) or a redirect after success (302) — never a server error."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.applications.factories import applicant_data
from tests.conftest import clear_own_cache

pytestmark = pytest.mark.django_db
FUZZ = settings(max_examples=60, deadline=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture])

APPLY_FIELDS = (
    "agency", "applicant_type", "applicant_name", "id_type", "id_number", "legal_representative",
    "contact_person", "phone", "email", "address", "postal_code", "title", "document_number",
    "description", "info_form", "delivery", "website", "confirm",
)
SIGNUP_FIELDS = ("username", "full_name", "email", "password1", "password2")

any_text = st.text(max_size=300)


def _post(url: str, data: dict) -> int:
    clear_own_cache()  # each example starts under the rate limits
    response = Client().post(url, data)
    assert response.status_code in (200, 302), response.status_code
    return response.status_code


def _mixed(valid: dict, fields) -> st.SearchStrategy[dict]:
    """Each field either its valid value or arbitrary text, so deeper checks are reached too."""
    return st.fixed_dictionaries({
        name: st.one_of(st.just(str(valid.get(name, ""))), any_text) for name in fields
    })


@FUZZ
@given(data=st.data())
def test_request_form_never_fails_on_arbitrary_input(agency, data):
    valid = {**applicant_data(agency), "agency": agency.pk, "confirm": "on"}
    fields = data.draw(_mixed(valid, APPLY_FIELDS))
    status = _post(reverse("applications:apply"), fields)
    if status == 302:
        assert all(fields[name] == str(valid[name]) for name in ("agency", "confirm"))


@FUZZ
@given(fields=st.fixed_dictionaries({name: any_text for name in APPLY_FIELDS}))
def test_request_form_answers_pure_noise_with_errors(agency, fields):
    assert _post(reverse("applications:apply"), fields) == 200


@FUZZ
@given(data=st.data())
def test_signup_form_never_fails_on_arbitrary_input(db, data):
    valid = {"username": "applicant_1", "full_name": "王小明", "email": "wang@example.cn",
             "password1": "Lang-Pass-2026!x", "password2": "Lang-Pass-2026!x"}
    _post(reverse("applications:signup"), data.draw(_mixed(valid, SIGNUP_FIELDS)))


@FUZZ
@given(code=any_text, phone=any_text)
def test_status_look_up_never_fails_on_arbitrary_input(db, code, phone):
    assert _post(reverse("applications:lookup"), {"code": code, "phone": phone}) == 200
