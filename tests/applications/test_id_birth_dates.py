"""A 居民身份证号码 is refused when its birth date lies in the future or before 1900, even with
a correct check character (issue 15 item 3): through the public form and the pure check."""

from __future__ import annotations

import datetime as dt

from django.urls import reverse
from hypothesis import given, settings
from hypothesis import strategies as st

from gongkai.applications.models import Application
from gongkai.id_numbers import ResidentIdProblem, resident_id_check_char, resident_id_problem

from .test_public_form import form_data

D = dt.date
TODAY = D(2026, 12, 4)


def number_born(born: dt.date, region: str = "411622", serial: str = "001") -> str:
    body = f"{region}{born:%Y%m%d}{serial}"
    return body + resident_id_check_char(body)


def test_a_birth_date_in_2030_is_refused_through_the_public_form(client, agency, travel):
    travel(TODAY)
    data = form_data(agency, id_number=number_born(D(2030, 1, 1)))
    response = client.post(reverse("applications:apply"), data)
    assert response.status_code == 200
    errors = response.context["form"].errors.as_data()["id_number"]
    assert [e.code for e in errors] == ["id_birth_date_in_future"]
    assert "出生日期（第7至14位）晚于今天" in response.content.decode()
    assert not Application.objects.exists()


def test_a_birth_date_before_1900_is_refused_through_the_public_form(client, agency, travel):
    travel(TODAY)
    data = form_data(agency, id_number=number_born(D(1899, 12, 31)))
    response = client.post(reverse("applications:apply"), data)
    errors = response.context["form"].errors.as_data()["id_number"]
    assert [e.code for e in errors] == ["id_birth_date_too_early"]
    assert "早于1900年" in response.content.decode()
    assert not Application.objects.exists()


def test_a_child_born_today_is_accepted(client, agency, travel):
    travel(TODAY)
    response = client.post(reverse("applications:apply"),
                           form_data(agency, id_number=number_born(TODAY)))
    assert response.status_code == 302
    assert Application.objects.count() == 1


@settings(max_examples=200)
@given(
    born=st.dates(min_value=D(1800, 1, 1), max_value=D(2099, 12, 31)),
    region=st.text("0123456789", min_size=6, max_size=6),
    serial=st.text("0123456789", min_size=3, max_size=3),
)
def test_a_correct_check_character_is_valid_exactly_for_birth_dates_from_1900_to_today(
    born, region, serial
):
    problem = resident_id_problem(number_born(born, region, serial), today=TODAY)
    if born > TODAY:
        assert problem is ResidentIdProblem.BIRTH_DATE_IN_FUTURE
    elif born < D(1900, 1, 1):
        assert problem is ResidentIdProblem.BIRTH_DATE_TOO_EARLY
    else:
        assert problem is None
