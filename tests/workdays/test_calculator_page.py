"""The public deadline calculator at /workdays/."""

from __future__ import annotations

import pytest
from django.urls import reverse

from .factories import enter_test_2027

pytestmark = pytest.mark.django_db
URL = "/workdays/"


def test_the_calculator_lives_at_workdays():
    assert reverse("workdays:calculator") == URL


def test_the_empty_form_defaults_to_twenty_days(client):
    response = client.get(URL)
    assert response.status_code == 200
    assert response.context["form"]["days"].value() == 20
    assert response.context["period"] is None
    assert "答复期限计算" in response.content.decode()


def test_the_due_date_and_its_explanation_are_shown(client):
    response = client.get(URL, {"received": "2021-09-27", "days": "20"})
    html = response.content.decode()
    assert response.status_code == 200
    assert 'data-due="2021-10-29"' in html
    assert "2021年10月29日" in html
    assert "期间国庆节假期10-01至10-07不计" in html
    assert "10-09为调休工作日" in html


def test_the_month_view_marks_counted_days_holidays_and_the_make_up_saturday(client):
    response = client.get(URL, {"received": "2021-09-27", "days": "20"})
    months = response.context["months"]
    assert [month.label for month in months] == ["2021年9月", "2021年10月"]
    cells = {cell.day.isoformat(): cell for m in months for w in m.weeks for cell in w if cell.day}
    assert cells["2021-09-27"].kind == "received"
    assert (cells["2021-09-28"].kind, cells["2021-09-28"].count) == ("counted", 1)
    assert cells["2021-10-04"].kind == "holiday"
    assert (cells["2021-10-09"].kind, cells["2021-10-09"].count) == ("makeup", 5)
    assert (cells["2021-10-29"].kind, cells["2021-10-29"].count) == ("due", 20)
    assert cells["2021-10-16"].kind == "weekend"
    assert 'class="day-makeup"' in response.content.decode()


def test_another_number_of_days_is_honoured(client):
    # 15 working days after Mon 2021-09-27: 09-28..30 (1-3), 10-08 (4), 10-09 Sat (5),
    # 10-11..15 (6-10), 10-18..22 (11-15).
    response = client.get(URL, {"received": "2021-09-27", "days": "15"})
    assert response.context["period"].due.isoformat() == "2021-10-22"


def test_a_year_without_schedule_gets_a_provisional_date_with_its_reason_once(client):
    # No 2027 schedule: weekends and 元旦 only. 12-16..18 (1-3), 12-21..25 (4-8),
    # 12-28..31 (9-12), 01-01 off, 01-04..08 (13-17), 01-11..13 (18-20).
    response = client.get(URL, {"received": "2026-12-15", "days": "20"})
    assert response.status_code == 200
    period = response.context["period"]
    assert period.due.isoformat() == "2027-01-13"
    assert period.provisional_years == (2027,)
    assert not response.context["form"].errors
    body = response.content.decode()
    assert "暂定" in body
    assert body.count("本期限为暂定：2027 年节假日安排尚未录入") == 1
    assert "尚无2027年的法定节假日安排" not in body


def test_the_same_date_is_computed_once_2027_is_entered(client):
    enter_test_2027()  # test schedule, not the official notice
    response = client.get(URL, {"received": "2026-12-15", "days": "20"})
    assert response.context["period"].due.isoformat() == "2027-01-13"


@pytest.mark.parametrize(
    ("params", "field", "code"),
    [
        ({"received": "2021-13-40", "days": "20"}, "received", "invalid"),
        ({"received": "", "days": "20"}, "received", "required"),
        ({"received": "2021-09-27", "days": "0"}, "days", "min_value"),
        ({"received": "2021-09-27", "days": "500"}, "days", "max_value"),
        ({"received": "2021-09-27", "days": "二十"}, "days", "invalid"),
    ],
)
def test_bad_input_gets_a_field_error_and_keeps_what_was_typed(client, params, field, code):
    response = client.get(URL, params)
    form = response.context["form"]
    assert response.status_code == 200
    assert form.has_error(field, code=code)
    assert response.context["period"] is None
    assert form[field].value() == params[field]


def test_chinese_date_format_is_accepted(client):
    response = client.get(URL, {"received": "2021年9月27日", "days": "20"})
    assert response.context["period"].due.isoformat() == "2021-10-29"


def test_the_calculator_is_in_the_site_navigation(client):
    html = client.get(reverse("agencies:list")).content.decode()
    assert '<a href="/workdays/">期限计算</a>' in html
