"""The received date by channel (《条例》第三十一条)."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from gongkai.applications.receipt import POST_ORDINARY, received_on_for

D = dt.date


def test_in_person_is_received_the_day_it_is_handed_in():
    day, basis = received_on_for("in_person", submitted_on=D(2021, 3, 1))
    assert day == D(2021, 3, 1)
    assert "当面提交" in basis


def test_a_signed_letter_is_received_the_day_the_agency_signs_for_it():
    day, _ = received_on_for("letter", submitted_on=D(2021, 3, 1), signed_on=D(2021, 3, 4))
    assert day == D(2021, 3, 4)


def test_an_ordinary_letter_is_received_the_day_it_is_confirmed_with_the_applicant():
    day, basis = received_on_for(
        "letter", signed_on=D(2021, 3, 4), confirmed_on=D(2021, 3, 5), post_kind=POST_ORDINARY)
    assert day == D(2021, 3, 5)
    assert "确认" in basis


@pytest.mark.parametrize("channel", ["fax", "email"])
def test_fax_and_email_are_received_the_day_both_sides_confirm(channel):
    day, _ = received_on_for(channel, submitted_on=D(2021, 3, 1), confirmed_on=D(2021, 3, 2))
    assert day == D(2021, 3, 2)


def test_online_requests_are_received_the_day_they_are_submitted():
    assert received_on_for("online", submitted_on=D(2021, 3, 6))[0] == D(2021, 3, 6)


@pytest.mark.parametrize(
    ("channel", "field", "kwargs"),
    [("in_person", "submitted_on", {}), ("letter", "signed_on", {}),
     ("letter", "confirmed_on", {"post_kind": POST_ORDINARY}), ("fax", "confirmed_on", {})],
)
def test_the_date_the_rule_needs_is_required(channel, field, kwargs):
    with pytest.raises(ValidationError) as info:
        received_on_for(channel, **kwargs)
    assert info.value.error_dict[field][0].code == "receipt_date_required"
