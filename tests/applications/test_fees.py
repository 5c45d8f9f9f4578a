"""信息处理费 at the thresholds of 国办函〔2020〕109号 (per application in a month; per page)."""

import pytest

from gongkai.applications.fees import per_application_fee, per_page_fee


@pytest.mark.parametrize(
    ("n", "yuan"),
    [(1, 0), (10, 0), (11, 100), (30, 100), (31, 200), (40, 200), (41, 300), (50, 300), (51, 400)],
)
def test_fee_of_the_nth_application_in_a_calendar_month(n, yuan):
    assert per_application_fee(n) == yuan


@pytest.mark.parametrize(
    ("pages", "yuan"),
    [
        (0, 0),
        (30, 0),
        (31, 10),
        (100, 700),  # 70 pages × 10
        (101, 720),  # + 1 × 20
        (200, 2700),  # 700 + 100 × 20
        (201, 2740),  # + 1 × 40
    ],
)
def test_fee_by_pages_is_progressive(pages, yuan):
    assert per_page_fee(pages) == yuan


def test_nonsense_counts_are_refused():
    with pytest.raises(ValueError):
        per_application_fee(0)
    with pytest.raises(ValueError):
        per_page_fee(-1)
