"""The agency ranking: a transparent points table, pure (no ORM; reasons through gettext).

Every agency starts at 100 and loses points for what the dashboard finds; each deduction is
kept with its reason so the ranking can be explained line by line.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils.translation import gettext as _

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
    score.deduct(
        _("超期未答复申请 %(n)s 件（每件扣%(per)s分，最多%(cap)s分）")
        % {"n": overdue, "per": OVERDUE[0], "cap": OVERDUE[1]},
        _capped(overdue, OVERDUE),
    )
    if on_time_rate is not None and on_time_rate < 1:
        points = min(round((1 - on_time_rate) * 100 / 5, 1), ON_TIME_RATE_MAX)
        score.deduct(
            _("按期答复率 %(rate)s（每低5个百分点扣1分，最多%(cap)s分）")
            % {"rate": f"{on_time_rate:.0%}", "cap": ON_TIME_RATE_MAX},
            points,
        )
    score.deduct(
        _("长期未更新的栏目 %(n)s 个（每个扣%(per)s分，最多%(cap)s分）")
        % {"n": stale_categories, "per": STALE_CATEGORY[0], "cap": STALE_CATEGORY[1]},
        _capped(stale_categories, STALE_CATEGORY),
    )
    score.deduct(
        _("超过20个工作日才公开的信息 %(n)s 条（每条扣%(per)s分，最多%(cap)s分）")
        % {"n": late_publications, "per": LATE_PUBLICATION[0], "cap": LATE_PUBLICATION[1]},
        _capped(late_publications, LATE_PUBLICATION),
    )
    if report_state == "missing":
        score.deduct(_("年度报告逾期未发布"), REPORT_MISSING)
    elif report_state == "late":
        score.deduct(_("年度报告晚于1月31日发布"), REPORT_LATE)
    elif report_state == "failing":
        score.deduct(_("年度报告未通过校验"), REPORT_FAILING)
    score.points = round(max(score.points, 0.0), 1)
    return score


def rank(scores: list[Score]) -> list[tuple[int, Score]]:
    """(rank, score), best first, agencies of equal points by name; equal points share a rank
    and the next rank skips the tied places (standard competition ranking: 1, 2, 2, 4)."""
    ordered = sorted(scores, key=lambda s: (-s.points, s.agency_name))
    ranked: list[tuple[int, Score]] = []
    for place, score in enumerate(ordered, start=1):
        tied = ranked and ranked[-1][1].points == score.points
        ranked.append((ranked[-1][0] if tied else place, score))
    return ranked
