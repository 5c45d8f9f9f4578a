"""Server-side SVG charts: well-formed, no scripts or style attributes (CSP), the numbers in
the text for screen readers, and the data counted the way the report counts."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gongkai.applications.selectors import OnTime
from gongkai.reportformat.values import Report
from gongkai.reports import charts
from tests.appeals.factories import make_application

SVG = "{http://www.w3.org/2000/svg}"


def _parse(svg: str) -> ET.Element:
    root = ET.fromstring(svg)
    assert root.tag == f"{SVG}svg"
    for element in root.iter():
        assert "style" not in element.attrib
        assert element.tag not in (f"{SVG}script", f"{SVG}style", f"{SVG}foreignObject")
        assert not any(name.startswith("on") for name in element.attrib)
    return root


@given(st.lists(st.integers(min_value=0, max_value=10**6), min_size=1, max_size=24))
def test_bar_chart_is_well_formed_svg_for_any_counts(values):
    labels = [f"第{i}项" for i in range(len(values))]
    root = _parse(charts.bar_chart(title="标题<&>", labels=labels, values=values, unit="件"))
    bars = [r for r in root.iter(f"{SVG}rect") if r.get("class") == "bar"]
    assert len(bars) == len(values)
    top = max(float(b.get("height")) for b in bars)
    assert top <= 260
    assert all(float(b.get("height")) >= 0 for b in bars)


def test_chart_states_its_numbers_for_screen_readers():
    root = _parse(charts.bar_chart(title="每月申请", labels=["1月", "2月"], values=[3, 0], unit="件"))
    assert root.get("role") == "img"
    assert root.find(f"{SVG}desc").text == "1月：3件；2月：0件"


def test_outcome_chart_groups_table_three_by_the_six_results():
    report = Report.blank(year=2022, agency="某局")
    report.set("table3", "disclosed", "total", 4)
    report.set("table3", "withheld_secret", "total", 1)
    report.set("table3", "withheld_law", "total", 2)
    root = _parse(charts.outcomes_svg(report))
    desc = root.find(f"{SVG}desc").text
    assert "（一）予以公开：4件" in desc
    assert "（三）不予公开：3件" in desc
    assert "（六）其他处理：0件" in desc


@pytest.mark.django_db
def test_requests_per_month_and_on_time_rate_count_the_records(agency):
    make_application(agency, received_on=dt.date(2022, 3, 1), closed_on=dt.date(2022, 3, 10))
    make_application(agency, received_on=dt.date(2022, 3, 20), closed_on=dt.date(2022, 5, 30))
    make_application(agency, received_on=dt.date(2021, 12, 30), closed_on=dt.date(2022, 1, 5))
    assert charts.requests_per_month([agency.pk], 2022) == [0, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0]
    today = dt.date(2022, 12, 20)
    on_time = charts.on_time_by_month([agency.pk], 2022, today)
    assert on_time[0] == OnTime(on_time=1, answered=1) and on_time[2] == OnTime(1, 1)
    assert on_time[4] == OnTime(0, 1)  # due 28 days after 20 March, answered 30 May: late
    svg = charts.on_time_rate_svg([agency.pk], 2022, today)
    _parse(svg)
    assert "全年 66.7%，2/3件" in svg


@pytest.mark.django_db
def test_overdue_open_requests_count_as_late_in_the_month_they_fell_due(agency):
    """An unanswered request past its due date is late already: 按期答复率 cannot read 100 %
    beside it."""
    make_application(agency, received_on=dt.date(2022, 10, 10), closed_on=dt.date(2022, 10, 20))
    make_application(agency, received_on=dt.date(2022, 11, 1))  # still open, due in late November
    before = charts.on_time_by_month([agency.pk], 2022, dt.date(2022, 11, 2))
    assert sum(m.counted for m in before) == 1
    after = charts.on_time_by_month([agency.pk], 2022, dt.date(2022, 12, 20))
    assert after[9] == OnTime(1, 1) and after[10] == OnTime(0, 0, 1)
    assert "全年 50.0%，1/2件" in charts.on_time_rate_svg([agency.pk], 2022, dt.date(2022, 12, 20))
