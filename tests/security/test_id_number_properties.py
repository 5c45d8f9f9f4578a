"""Properties of the identity-number checks (gongkai.id_numbers) and the form's phone rule:
generated valid numbers pass, every single-character substitution fails, any text is answered
with True/False and never an exception."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gongkai.applications.forms import ApplyForm
from gongkai.id_numbers import (
    USCC_ALPHABET,
    is_valid_resident_id,
    is_valid_uscc,
    normalize,
    resident_id_check_char,
    uscc_check_char,
)

DIGITS = "0123456789"


@st.composite
def resident_ids(draw) -> str:
    region = draw(st.text(DIGITS, min_size=6, max_size=6))
    born = draw(st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date.today()))
    serial = draw(st.text(DIGITS, min_size=3, max_size=3))
    body = f"{region}{born:%Y%m%d}{serial}"
    return body + resident_id_check_char(body)


@st.composite
def usccs(draw) -> str:
    head = draw(st.text(USCC_ALPHABET, min_size=2, max_size=2))
    region = draw(st.text(DIGITS, min_size=6, max_size=6))
    tail = draw(st.text(USCC_ALPHABET, min_size=9, max_size=9))
    body = head + region + tail
    return body + uscc_check_char(body)


def _substitute(number: str, position: int, alphabet: str, pick: int) -> str:
    choices = [c for c in alphabet if c != number[position]]
    return number[:position] + choices[pick % len(choices)] + number[position + 1:]


@settings(max_examples=100)
@given(resident_ids())
def test_generated_resident_ids_are_valid_in_any_spelling(number):
    assert is_valid_resident_id(number) is True
    assert is_valid_resident_id(f" {number.lower()} ") is True
    full_width = "".join(chr(ord(c) + 0xFEE0) for c in number)
    assert is_valid_resident_id(full_width) is True


@settings(max_examples=100)
@given(resident_ids(), st.integers(0, 17), st.integers(0, 20))
def test_any_single_character_change_of_a_resident_id_is_rejected(number, position, pick):
    # MOD 11-2 with weights prime to 11 catches every single substitution.
    alphabet = DIGITS + "X" if position == 17 else DIGITS
    assert is_valid_resident_id(_substitute(number, position, alphabet, pick)) is False


@settings(max_examples=100)
@given(usccs())
def test_generated_credit_codes_are_valid(code):
    assert is_valid_uscc(code) is True
    assert is_valid_uscc(code.lower()) is True


@settings(max_examples=100)
@given(usccs(), st.integers(0, 17), st.integers(0, 40))
def test_any_single_character_change_of_a_credit_code_is_rejected(code, position, pick):
    # MOD 31 with weights prime to 31; characters outside the alphabet fail the pattern.
    assert is_valid_uscc(_substitute(code, position, USCC_ALPHABET + "IOZSV", pick)) is False


@settings(max_examples=100)
@given(st.text())
def test_any_text_gets_an_answer_not_an_exception(text):
    assert is_valid_resident_id(text) in (True, False)
    assert is_valid_uscc(text) in (True, False)
    assert isinstance(normalize(text), str)


def _phone_errors(phone: str) -> list[str]:
    form = ApplyForm(data={"phone": phone})
    form.is_valid()
    return [e.code for e in form.errors.as_data().get("phone", [])]


@pytest.mark.django_db
@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.from_regex(r"\A1[3-9][0-9]{9}\Z"), st.from_regex(r"\A0[0-9]{2,3}-[0-9]{7,8}\Z"))
def test_mobile_and_landline_numbers_are_accepted(mobile, landline):
    assert _phone_errors(mobile) == []
    assert _phone_errors(landline) == []


@pytest.mark.django_db
@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(min_size=1).filter(lambda s: s.strip() and any(c.isalpha() for c in s)))
def test_phone_numbers_with_letters_are_refused_with_a_code(text):
    codes = _phone_errors(text)
    assert len(codes) == 1
    assert codes[0] in {"bad_phone", "max_length", "null_characters_not_allowed"}
