"""`gongkai workdays due RECEIVED_DATE [--days N]` and `gongkai workdays covers YEAR`."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from .factories import enter_test_2027

pytestmark = pytest.mark.django_db


def run(*args) -> list[str]:
    out = StringIO()
    call_command("workdays", *args, stdout=out)
    return out.getvalue().splitlines()


def test_due_prints_the_date_then_the_explanation():
    assert run("due", "2021-09-27") == [
        "2021-10-29",
        "期限为2021-10-29：2021-09-27收到，自次日起算20个工作日；"
        "期间国庆节假期10-01至10-07不计；10-09为调休工作日",
    ]


def test_due_takes_another_number_of_days():
    assert run("due", "2021-09-27", "--days", "15")[0] == "2021-10-22"


def test_due_across_a_year_without_schedule_prints_a_provisional_date_naming_the_year():
    # 12-11 (1), 12-14..18 (2-6), 12-21..25 (7-11), 12-28..31 (12-15), 2027-01-01 元旦 (a
    # fixed-date holiday), 01-04..08 (16-20).
    lines = run("due", "2026-12-10")
    assert lines[0] == "2027-01-08（暂定：2027 年节假日安排尚未录入）"
    assert lines[1].startswith("暂定期限为2027-01-08：2026-12-10收到")
    assert "元旦假期2027-01-01不计" in lines[1]
    assert lines[1].endswith("录入后重新计算")


def test_due_uses_an_entered_year():
    enter_test_2027()  # test schedule, not the official notice
    assert run("due", "2026-12-15")[0] == "2027-01-13"


def test_due_refuses_a_malformed_date():
    with pytest.raises(CommandError, match="日期格式不正确"):
        run("due", "27/09/2021")


def test_due_refuses_negative_days():
    with pytest.raises(CommandError, match="不能为负数"):
        run("due", "2021-09-27", "--days", "-3")


def test_covers_reports_known_and_unknown_years():
    assert run("covers", "2026") == ["2026年：已有法定节假日安排。"]
    with pytest.raises(CommandError, match="2027年：没有法定节假日安排"):
        run("covers", "2027")
