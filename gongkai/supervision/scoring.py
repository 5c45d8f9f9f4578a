"""The agency ranking: a transparent points table, pure (no ORM).

Every agency starts at 100 and loses points for what the dashboard finds; each deduction is
kept with its reason so the ranking can be explained line by line.
"""

from __future__ import annotations

from dataclasses import dataclass, field

# (points per item, most points this rule can take)
OVERDUE = (5, 30)
STALE_CATEGORY = (2, 20)
LATE_PUBLICATION = (1, 10)
ON_TIME_RATE_MAX = 20  # (100 % − on-time rate) / 5, at most 20 points
REPORT_MISSING = 15
REPORT_LATE = 10
REPORT_FAILING = 10


@dataclass
class Score:
    agency_id: int
    agency_name: str
    points: float = 100.0
    reasons: list[tuple[str, float]] = field(default_factory=list)

    def deduct(self, reason: str, points: float) -> None:
        if points > 0:
            self.points -= points
            self.reasons.append((reason, points))


def _capped(count: int, rule: tuple[int, int]) -> float:
    per_item, cap = rule
    return float(min(count * per_item, cap))


def score_agency(
    *,
    agency_id: int,
    agency_name: str,
    overdue: int,
    on_time_rate: float | None,
    stale_categories: int,
    late_publications: int,
    report_state: str,
) -> Score:
    """Score one agency. `report_state` is one of "published", "late", "failing", "missing",
    "pending" (not yet due)."""
    score = Score(agency_id, agency_name)
    score.deduct(f"超期未答复申请 {overdue} 件（每件扣{OVERDUE[0]}分，最多{OVERDUE[1]}分）",
                 _capped(overdue, OVERDUE))
    if on_time_rate is not None and on_time_rate < 1:
        points = min(round((1 - on_time_rate) * 100 / 5, 1), ON_TIME_RATE_MAX)
        score.deduct(f"按期答复率 {on_time_rate:.0%}（每低5个百分点扣1分，最多{ON_TIME_RATE_MAX}分）", points)
    score.deduct(
        f"长期未更新的栏目 {stale_categories} 个（每个扣{STALE_CATEGORY[0]}分，最多{STALE_CATEGORY[1]}分）",
        _capped(stale_categories, STALE_CATEGORY),
    )
    score.deduct(
        f"超过20个工作日才公开的信息 {late_publications} 条（每条扣{LATE_PUBLICATION[0]}分，最多{LATE_PUBLICATION[1]}分）",
        _capped(late_publications, LATE_PUBLICATION),
    )
    if report_state == "missing":
        score.deduct("年度报告逾期未发布", REPORT_MISSING)
    elif report_state == "late":
        score.deduct("年度报告晚于1月31日发布", REPORT_LATE)
    elif report_state == "failing":
        score.deduct("年度报告未通过校验", REPORT_FAILING)
    score.points = round(max(score.points, 0.0), 1)
    return score


def rank(scores: list[Score]) -> list[Score]:
    return sorted(scores, key=lambda s: (-s.points, s.agency_name))
