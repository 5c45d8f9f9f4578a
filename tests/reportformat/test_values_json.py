"""The report value: JSON round trip, blanks, and agency levels."""

from __future__ import annotations

import random
from decimal import Decimal

import pytest

from gongkai.reportformat import template
from gongkai.reportformat.values import AgencyLevel, Report, guess_agency_level

from .factories import random_report


def test_json_round_trip_keeps_numbers_texts_layout_and_lines():
    report = random_report(random.Random(2))
    report.source_lines["table3/new/natural"] = 40
    again = Report.from_json(report.to_json())
    assert again == report
    assert isinstance(again.get("item8", "fees", "amount"), Decimal)


def test_blank_report_has_every_cell_of_the_format():
    report = Report.blank(year=2023, agency="西华县商务局")
    assert set(report.cells) == set(template.ALL_CELL_KEYS)
    assert len(report.cells) == 200
    assert report.title == "西华县商务局2023年政府信息公开工作年度报告"
    assert report.level is AgencyLevel.COUNTY


def test_hand_written_json_gets_the_official_layout():
    report = Report.from_dict({"year": 2022, "agency": "平安县教育局",
                               "cells": {"table3/new/natural": 3, "item8/fees/amount": "1.5"},
                               "texts": {"一": "2022年……"}})
    assert report.get("table3", "new", "natural") == 3
    assert report.get("item8", "fees", "amount") == Decimal("1.5")
    assert report.headings["三"] == "三、收到和处理政府信息公开申请情况"
    assert report.get("table3", "new", "business") is None  # not given: absent, not zero


@pytest.mark.parametrize("bad", [{"cells": {"table9/x/y": 1}}, {"cells": {"table3/new/natural": "x"}},
                                 {"cells": {"table3/new/natural": True}}, []])
def test_bad_json_is_refused_with_a_value_error(bad):
    with pytest.raises(ValueError):
        Report.from_dict(bad)


@pytest.mark.parametrize(("name", "level"), [
    ("西华县商务局", "county"), ("西华县市场监督管理局", "county"),
    ("郑州市金水区城乡建设局", "county"), ("郑州市市场监督管理局", "city"),
    ("河南省商务厅", "province"), ("清河县城关镇人民政府", "township"),
    ("某某街道办事处", "township"), ("国家统计局", "national"), ("", ""),
])
def test_agency_level_from_name(name, level):
    assert guess_agency_level(name) == level
